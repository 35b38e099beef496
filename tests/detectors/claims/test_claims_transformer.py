"""The ONNX scorer: one logit per sentence, in input order, whatever the length-sorted batching does."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.detectors.claims import transformer


def _folder(tmp_path):
    """A tokenizer that splits on spaces and a graph whose logit is the number of tokens."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper
    from tokenizers import Tokenizer, models, pre_tokenizers

    tok = Tokenizer(models.WordLevel({"[UNK]": 0, "a": 1, "b": 2}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.save(str(tmp_path / "tokenizer.json"))
    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
            helper.make_node("ReduceSum", ["mask_f", "axes"], ["logit"], keepdims=0),
        ],
        "count",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "t"]), helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "t"])],
        [helper.make_tensor_value_info("logit", TensorProto.FLOAT, ["b"])],
        [helper.make_tensor("axes", TensorProto.INT64, [1], [1])],
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), str(tmp_path / "model.onnx"))
    return tmp_path


def test_transformer_logits_keep_input_order(tmp_path):
    texts = [" ".join(["a"] * n) for n in (5, 1, 70, 3, 2)] * 10  # more than one batch, unsorted lengths
    logits = transformer.TransformerScorer(_folder(tmp_path)).logits(texts)
    expected = [min(len(t.split()), transformer.MAX_TOKENS) for t in texts]
    assert np.array_equal(logits, np.array(expected, dtype=np.float32))


def test_transformer_missing_folder_raises(tmp_path):
    from spinscope.errors import SpinscopeError

    with pytest.raises(SpinscopeError):
        transformer.TransformerScorer(tmp_path / "nothing").logits(["a"])


def test_transformer_no_texts_no_load(tmp_path):
    scorer = transformer.TransformerScorer(tmp_path / "nothing")
    assert scorer.logits([]).shape == (0,)


def test_transformer_runs_each_sentence_unpadded(tmp_path):
    """A graph whose logit is the padded width of its row: one sentence per run means no neighbour pads it."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper

    folder = _folder(tmp_path)
    graph = helper.make_graph(
        [
            helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", ["mask_f", "zero"], ["zeros"]),
            helper.make_node("Add", ["zeros", "one"], ["ones"]),
            helper.make_node("ReduceSum", ["ones", "axes"], ["logit"], keepdims=0),
        ],
        "width",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["b", "t"]), helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["b", "t"])],
        [helper.make_tensor_value_info("logit", TensorProto.FLOAT, ["b"])],
        [helper.make_tensor("axes", TensorProto.INT64, [1], [1]), helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]), helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])],
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), str(folder / "model.onnx"))
    texts = ["a " * n for n in (3, 40, 1, 7)]
    logits = transformer.TransformerScorer(folder).logits(texts)
    assert logits.tolist() == [3.0, 40.0, 1.0, 7.0]
