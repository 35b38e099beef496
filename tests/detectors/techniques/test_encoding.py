"""Tokens keep exact offsets and every token belongs to exactly one window."""

import numpy as np
import pytest

from spinscope.detectors.techniques import encoding, runtime


@pytest.fixture(scope="module")
def tokenizer():
    return encoding.load_tokenizer(runtime.DEFAULT_MODEL / "tokenizer.json")


@pytest.mark.parametrize("n", [0, 1, 100, 254, 255, 600, 5000])
def test_encoding_windows_own_every_token_once(n):
    owned = np.zeros(n, dtype=int)
    for start, end, own_start, own_end in encoding.windows(n):
        assert 0 <= start <= own_start <= own_end <= end <= n
        assert end - start <= encoding.WINDOW
        owned[own_start:own_end] += 1
    assert (owned == 1).all()


def test_encoding_offsets_point_into_text(tokenizer):
    text = "Caf\u00e9 cafe\u0301 \U0001f44d\U0001f3fd hope\r\nthe \u201cCrooked\u201d Hillary!"
    enc = encoding.encode(tokenizer, text)
    pieces = [text[s:e] for s, e in zip(enc.starts, enc.ends)]
    assert "Crooked" in pieces and "Hillary" in pieces
    assert all(0 <= s < e <= len(text) for s, e in zip(enc.starts, enc.ends))


def test_encoding_token_range_covers_span(tokenizer):
    text = "They are lying to you again."
    enc = encoding.encode(tokenizer, text)
    i, j = encoding.token_range(enc, text.index("lying"), text.index("lying") + 5)
    assert [text[s:e] for s, e in zip(enc.starts[i:j], enc.ends[i:j])] == ["lying"]


def test_encoding_span_extras_counts_repeats():
    text = "Build the wall! We will build the wall. Build the wall!"
    extras = encoding.span_extras(text, 0, 14, 3)
    assert extras[1] == pytest.approx(np.log1p(2))


def test_runtime_snap_widens_to_whole_words():
    text = "an unbelievably cafe\u0301 day"
    assert runtime.snap(text, 5, 10) == (3, 15)
    assert runtime.snap(text, 16, 20) == (16, 21)


def test_runtime_runs_finds_maximal_runs():
    p = np.array([0.1, 0.6, 0.7, 0.2, 0.9])
    assert runtime.runs(p, 0.5) == [(1, 3), (4, 5)]


def test_runtime_candidates_split_at_line_breaks(tokenizer):
    text = "They lie.\nThey cheat.\nCalm words here."
    enc = encoding.encode(tokenizer, text)
    probs = np.zeros((len(enc.ids), 15), dtype=np.float32)
    last_line = text.index("Calm")
    probs[enc.starts < last_line, -1] = 0.9
    out = runtime.TokenOutputs(enc, probs, np.zeros((len(enc.ids), 4), dtype=np.float32))
    found = runtime.candidates(out, text, 0.5)
    assert [text[s:e] for s, e, _ in found] == ["They lie.", "They cheat."]
    assert all(p == pytest.approx(0.9) for _, _, p in found)
