"""ONNX models that compute the same numbers, bit for bit, on every x86 CPU.

Two things made the shipped int8 transformers' outputs depend on the machine:

- the int8 matrix products, which saturate on CPUs without VNNI
  (:mod:`spinscope.encoders.int8` runs them with unsigned weights there);
- ``Softmax``, whose ONNX Runtime kernel picks AVX-512 or AVX2 code at run
  time and so sums the exponentials in a different order: the last bit of
  the attention weights differs, the next layer's dynamic quantisation
  rounds a few activations the other way, and six layers on a technique's
  probability had moved by up to 0.05 on a 400-word article.

So every model is loaded with its ``Softmax`` written out as ``ReduceMax``,
``Sub``, ``Exp``, ``ReduceSum`` and ``Div``, operators whose kernels do the
same arithmetic whatever the CPU.  Traced node by node on the emulated AVX2
CPU of ``tests/encoders/test_int8.py``, every intermediate output of the
technique model is then identical to this one's; the rewrite costs about 5%
of the model's time.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

LAST_AXIS = "spinscope__last_axis"


def model_for_this_cpu(path: str | Path) -> bytes:
    """The model at ``path``, serialised for ``InferenceSession``, in the form that computes the same
    numbers here as on any other x86 CPU."""
    import onnx

    from spinscope.encoders import int8

    model = onnx.load(str(path))
    if int8.mode() == "u8u8":
        int8.shift_weights(model)
    expand_softmax(model)
    return model.SerializeToString()


def expand_softmax(model) -> None:
    """Replace, in place, every ``Softmax`` of ``model``'s graph by its definition in plain operators
    (opset 13 to 17: ``ReduceMax`` takes its axes as an attribute, ``ReduceSum`` as an input)."""
    from onnx import helper, numpy_helper

    graph = model.graph
    if not any(node.op_type == "Softmax" for node in graph.node):
        return
    opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), 0)
    if not 13 <= opset <= 17:
        raise ValueError(f"expand_softmax handles opsets 13 to 17, not {opset}")
    nodes = []
    for node in graph.node:
        if node.op_type != "Softmax" or node.domain not in ("", "ai.onnx"):
            nodes.append(node)
            continue
        axis = next((helper.get_attribute_value(a) for a in node.attribute if a.name == "axis"), -1)
        x, y = node.input[0], node.output[0]
        axes = f"{LAST_AXIS}{axis}"
        if not any(init.name == axes for init in graph.initializer):
            graph.initializer.append(numpy_helper.from_array(np.array([axis], dtype=np.int64), axes))
        p = f"{y}__softmax_"
        nodes += [
            helper.make_node("ReduceMax", [x], [p + "max"], axes=[axis], keepdims=1),
            helper.make_node("Sub", [x, p + "max"], [p + "shifted"]),
            helper.make_node("Exp", [p + "shifted"], [p + "exp"]),
            helper.make_node("ReduceSum", [p + "exp", axes], [p + "sum"], keepdims=1),
            helper.make_node("Div", [p + "exp", p + "sum"], [y]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
