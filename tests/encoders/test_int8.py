"""The int8 models compute the same numbers on CPUs with and without VNNI.

Where U8S8 saturates (AVX2, AVX-512 without VNNI) the weights run as uint8
(``spinscope.encoders.int8``), and Softmax is written out in plain operators
everywhere (``spinscope.encoders.portable``).  Checked three ways: the
conversion is exact arithmetic on any CPU; the shipped models give
bit-identical outputs with and without it on this CPU; and, where
``qemu-x86_64`` is installed, a CPU without VNNI (Haswell, AVX2) is emulated
and its model outputs and a whole analysis compared with this one's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from spinscope.encoders import int8

MODELS = Path(int8.__file__).resolve().parents[1] / "models"
SENTENCES = [
    "The senator said the bill would cut taxes for 40 million families by 2027.",
    "Critics called the plan a reckless giveaway to the rich.",
]
# Stated tolerance between CPUs for the models' raw outputs.  With unsigned weights where U8S8
# saturates and Softmax written out (spinscope.encoders.portable) they were identical to the last
# bit on the emulated AVX2 CPU; the bound leaves room only for numpy's own per-CPU float kernels.
SCORE_TOLERANCE = 1e-6


def _matmul_model(b: np.ndarray, zero_point: np.ndarray) -> bytes:
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["A", "B", "az", "bz"], ["Y"])],
        "g",
        [helper.make_tensor_value_info("A", TensorProto.UINT8, [None, b.shape[0]])],
        [helper.make_tensor_value_info("Y", TensorProto.INT32, [None, b.shape[1]])],
        [numpy_helper.from_array(b, "B"), numpy_helper.from_array(np.array(7, np.uint8), "az"), numpy_helper.from_array(zero_point, "bz")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


def test_unsigned_weights_are_exact_integer_arithmetic_on_this_cpu(tmp_path):
    import onnxruntime as ort

    rng = np.random.default_rng(1)
    b = rng.integers(-128, 128, size=(384, 48), dtype=np.int8)
    zero_point = rng.integers(-3, 4, size=48, dtype=np.int8)  # per output channel
    a = rng.choice(np.array([0, 3, 250, 255], dtype=np.uint8), size=(9, 384))  # sums that saturate a 16-bit pair
    path = tmp_path / "m.onnx"
    path.write_bytes(_matmul_model(b, zero_point))
    converted = int8.unsigned_weights(path)
    y = ort.InferenceSession(converted, providers=["CPUExecutionProvider"]).run(None, {"A": a})[0]
    exact = (a.astype(np.int64) - 7) @ (b.astype(np.int64) - zero_point.astype(np.int64))
    assert np.array_equal(y, exact)
    import onnx

    model = onnx.load_from_string(converted)
    kinds = {init.name: init.data_type for init in model.graph.initializer}
    assert kinds["B"] == kinds["bz"] == onnx.TensorProto.UINT8


def test_unsigned_weights_without_a_zero_point_input(tmp_path):
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    b = np.random.default_rng(3).integers(-128, 128, size=(64, 8), dtype=np.int8)
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["A", "B"], ["Y"])],
        "g",
        [helper.make_tensor_value_info("A", TensorProto.UINT8, [None, 64])],
        [helper.make_tensor_value_info("Y", TensorProto.INT32, [None, 8])],
        [numpy_helper.from_array(b, "B")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = tmp_path / "m.onnx"
    path.write_bytes(model.SerializeToString())
    a = np.random.default_rng(4).integers(0, 256, size=(3, 64), dtype=np.uint8)
    y = ort.InferenceSession(int8.unsigned_weights(path), providers=["CPUExecutionProvider"]).run(None, {"A": a})[0]
    assert np.array_equal(y, a.astype(np.int64) @ b.astype(np.int64))


def test_the_probe_tells_whether_this_cpu_multiplies_u8s8_exactly():
    import onnxruntime as ort

    rng = np.random.default_rng(2)
    b = rng.choice(np.array([-128, 127], dtype=np.int8), size=(384, 32))
    a = np.full((4, 384), 255, dtype=np.uint8)
    y = ort.InferenceSession(_matmul_model(b, np.zeros(32, np.int8)), providers=["CPUExecutionProvider"]).run(None, {"A": a})[0]
    exact = (a.astype(np.int64) - 7) @ b.astype(np.int64)
    assert int8.u8s8_is_exact() == bool(np.array_equal(y, exact))


def _outputs(mode: str) -> dict:
    """The three shipped int8 models on two sentences, in a fresh process with SPINSCOPE_INT8=mode."""
    env = {**os.environ, int8.ENV: mode}
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("int8_outputs.py"))], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_expanded_softmax_is_softmax_and_leaves_no_softmax_node():
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    from spinscope.encoders.portable import expand_softmax

    graph = helper.make_graph(
        [helper.make_node("Softmax", ["X"], ["Y"], axis=-1)],
        "g",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None, 5])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, 5])],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    x = np.random.default_rng(5).normal(scale=20, size=(7, 5)).astype(np.float32)
    x[0, :] = -1e4  # a fully masked row
    fused = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {"X": x})[0]
    expand_softmax(model)
    onnx.checker.check_model(model)
    assert "Softmax" not in {node.op_type for node in model.graph.node}
    plain = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"]).run(None, {"X": x})[0]
    assert np.allclose(plain, fused, atol=1e-6) and np.allclose(plain.sum(axis=1), 1.0, atol=1e-6)


def test_shipped_models_load_without_softmax():
    import onnx

    from spinscope.encoders.portable import model_for_this_cpu

    for path in sorted(MODELS.glob("**/model.onnx")):
        ops = {node.op_type for node in onnx.load_from_string(model_for_this_cpu(path)).graph.node}
        assert "Softmax" not in ops and "Exp" in ops, path


def test_shipped_models_give_identical_outputs_with_unsigned_weights():
    """Both forms are exact where they are used, so on this CPU they agree to the last bit."""
    shipped, unsigned = _outputs("auto"), _outputs("u8u8")
    assert unsigned["mode"] == "u8u8"
    for name in ("techniques", "claims", "encoder"):
        assert shipped[name] == unsigned[name], name


QEMU = shutil.which("qemu-x86_64")
NO_QEMU = "qemu-x86_64 is not installed (apt-get install qemu-user): it emulates a CPU without VNNI"


def _emulated(args: list[str], env: dict, timeout: int = 1500) -> subprocess.CompletedProcess:
    """``python args`` under QEMU as a Haswell (AVX2, FMA; no VNNI, no AVX-512)."""
    proc = subprocess.run([QEMU, "-cpu", "Haswell", sys.executable, *args], capture_output=True, text=True, env=env, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


@pytest.mark.skipif(QEMU is None, reason=NO_QEMU)
def test_a_cpu_without_vnni_computes_the_same_model_outputs():
    """The emulated CPU's U8S8 product saturates, so the models run with unsigned weights there, and
    every model's outputs agree with this CPU's (measured: bit for bit)."""
    here = _outputs("auto")
    env = {key: value for key, value in os.environ.items() if key != "INT8_OUTPUTS_ONLY"}
    there = json.loads(_emulated([str(Path(__file__).with_name("int8_outputs.py"))], {**env, int8.ENV: "auto"}).stdout)
    assert there["u8s8_exact"] is False and there["mode"] == "u8u8"  # the emulated CPU takes the other path
    for name in ("techniques", "claims", "encoder"):
        assert np.max(np.abs(np.array(here[name]) - np.array(there[name]))) <= SCORE_TOLERANCE, name


@pytest.mark.skipif(QEMU is None, reason=NO_QEMU)
def test_a_cpu_without_vnni_gives_the_same_analysis(tmp_path):
    """What a user sees: ``spinscope analyze`` on the bundled op-ed writes the same spans, scores and
    profile on the emulated CPU as here."""
    example = Path(__file__).resolve().parents[2] / "examples" / "oped-hyperpartisan.txt"
    env = {**os.environ, int8.ENV: "auto"}
    subprocess.run([sys.executable, "-m", "spinscope", "analyze", str(example), "-o", str(tmp_path / "here.json")], check=True, env=env, capture_output=True, timeout=600)
    _emulated(["-m", "spinscope", "analyze", str(example), "-o", str(tmp_path / "there.json")], env)
    here, there = (json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8")) for name in ("here", "there"))
    assert [s for s in here["spans"] if s["kind"] == "technique"], "the op-ed should have technique spans to compare"
    assert here["spans"] == there["spans"]
    assert here["profile"] == there["profile"]
    assert here["actors"] == there["actors"]
