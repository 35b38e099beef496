"""The shipped ONNX sentence encoder: unit vectors, meaning-based similarity, and mean pooling."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.encoders.onnx import SentenceEncoder, available, mean_pool


def test_onnx_mean_pool_ignores_padding_and_normalises():
    hidden = np.array([[[3.0, 0.0], [1.0, 0.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]])
    pooled = mean_pool(hidden, mask)
    assert np.allclose(pooled, [[1.0, 0.0]])


@pytest.mark.skipif(not available(), reason="no encoder at src/spinscope/models/encoder: make it with 'spinscope train encoder'")
def test_onnx_encoder_vectors_follow_meaning():
    texts = [
        "The senate passed the budget bill on Tuesday.",
        "On Tuesday the budget bill was approved by the senate.",
        "Heavy rain flooded the river valley overnight.",
    ]
    vectors = SentenceEncoder().encode(texts)
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.8 and other < 0.3
    again = SentenceEncoder().encode(texts[:1])
    assert np.allclose(again[0], vectors[0], atol=1e-5)  # batch padding does not change a text's vector


def test_onnx_encoder_missing_folder_is_a_clear_error(tmp_path):
    from spinscope.errors import UsageError

    with pytest.raises(UsageError, match="spinscope train encoder"):
        SentenceEncoder(tmp_path).encode(["x"])
