"""Int8 models that compute the same numbers on every x86 CPU.

The shipped transformers are quantised dynamically: activations uint8, weights
int8 ("U8S8").  On a CPU with VNNI or AMX, ONNX Runtime multiplies them
exactly (VPDPBUSD accumulates in 32 bits).  Without them (AVX2, AVX-512
without VNNI) it uses VPMADDUBSW, which adds two u8 x s8 products into a
saturating 16-bit integer, so some sums are clipped and the model's outputs
move with the machine (ONNX Runtime's quantisation guide names this, and
U8U8 as the format without it).

So before a session is made, a probe multiplies numbers that would saturate:
where U8S8 is exact the model runs as shipped; where it is not, its int8
weights become uint8 with the zero point moved by 128 (``q + 128`` over
``zero_point + 128``: the same real numbers), which ONNX Runtime multiplies
exactly everywhere.  The integer products are then identical on every CPU;
:mod:`spinscope.encoders.portable` sees to the float operators.

``SPINSCOPE_INT8=u8u8`` forces the conversion (to measure or test that path
on a VNNI machine), ``SPINSCOPE_INT8=u8s8`` forbids it; the default is ``auto``.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import numpy as np

ENV = "SPINSCOPE_INT8"
# operator -> (index of the weight input B, index of B's zero point)
WEIGHT_INPUTS = {"MatMulInteger": (1, 3), "DynamicQuantizeMatMul": (1, 3), "MatMulIntegerToFloat": (1, 5)}
PROBE_K = 384  # the width of the shipped encoders


def mode() -> str:
    """``u8s8`` (run the model as shipped) or ``u8u8`` (shift its int8 weights), for this CPU and setting."""
    chosen = os.environ.get(ENV, "auto").strip().lower()
    if chosen in ("u8s8", "u8u8"):
        return chosen
    return "u8s8" if u8s8_is_exact() else "u8u8"


@functools.lru_cache(maxsize=1)
def u8s8_is_exact() -> bool:
    """Whether ONNX Runtime's uint8 x int8 matrix product is exact on this CPU (no 16-bit saturation)."""
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    a = rng.choice(np.array([0, 1, 254, 255], dtype=np.uint8), size=(16, PROBE_K))
    b = rng.choice(np.array([-128, -127, 126, 127], dtype=np.int8), size=(PROBE_K, 64))
    session = ort.InferenceSession(_probe_model(b), _one_thread(), providers=["CPUExecutionProvider"])
    exact = a.astype(np.int64) @ b.astype(np.int64)
    return all(np.array_equal(session.run(None, {"A": a[:rows]})[0], exact[:rows]) for rows in (1, 16))


def unsigned_weights(path: str | Path) -> bytes:
    """The model at ``path`` with every int8 weight of an integer matrix product stored as uint8 + 128."""
    import onnx

    model = onnx.load(str(path))
    shift_weights(model)
    return model.SerializeToString()


def shift_weights(model) -> None:
    """Store, in place, every int8 weight of an integer matrix product in ``model`` as uint8 + 128."""
    from onnx import TensorProto, numpy_helper

    inits = {init.name: init for init in model.graph.initializer}
    shifted: set[str] = set()

    def shift(name: str) -> None:
        init = inits[name]
        if name in shifted or init.data_type != TensorProto.INT8:
            return
        values = numpy_helper.to_array(init).astype(np.int16) + 128
        init.CopyFrom(numpy_helper.from_array(values.astype(np.uint8), name))
        shifted.add(name)

    for node in model.graph.node:
        if node.op_type not in WEIGHT_INPUTS or node.domain not in ("", "ai.onnx", "com.microsoft"):
            continue
        b_at, zp_at = WEIGHT_INPUTS[node.op_type]
        weight = node.input[b_at]
        if weight not in inits or inits[weight].data_type != TensorProto.INT8:
            continue
        zero_point = node.input[zp_at] if len(node.input) > zp_at else ""
        if zero_point and zero_point not in inits:
            continue  # a zero point computed in the graph: leave this product alone
        if not zero_point:  # absent means 0, which becomes 128
            zero_point = f"{weight}__zero_point"
            if zero_point not in inits:
                model.graph.initializer.append(numpy_helper.from_array(np.array(0, dtype=np.int8), zero_point))
                inits[zero_point] = model.graph.initializer[-1]  # the stored copy, not the one appended
            while len(node.input) <= zp_at:
                node.input.append("")  # optional inputs before it stay absent
            node.input[zp_at] = zero_point
        shift(weight)
        shift(zero_point)


def _probe_model(b: np.ndarray) -> bytes:
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["A", "B"], ["Y"])],
        "probe",
        [helper.make_tensor_value_info("A", TensorProto.UINT8, [None, b.shape[0]])],
        [helper.make_tensor_value_info("Y", TensorProto.INT32, [None, b.shape[1]])],
        [numpy_helper.from_array(b, "B")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString()


def _one_thread():
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    return opts
