"""The shared spaCy pipeline: loading leaves PyTorch unimported, and torch stays importable."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib.util, sys
from spinscope import nlp
doc = next(nlp.pipe(["Maria Lopez spoke in Geneva."]))
assert doc.text == "Maria Lopez spoke in Geneva.", doc.text
assert "torch" not in sys.modules, "spaCy's import pulled in torch"
if importlib.util.find_spec("torch") is not None:
    import torch  # still importable for the code that needs it
    assert torch.tensor([1.0]).sum().item() == 1.0
print("ok")
"""


def test_nlp_load_does_not_import_torch_and_leaves_it_importable():
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("ok")
