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


class _RecordingNlp:
    """Stands in for the spaCy pipeline: records the batches ``nlp.pipe`` is given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def pipe(self, texts, batch_size=16):
        self.batches.append(list(texts))
        return iter(self.batches[-1])


def test_nlp_pipe_batched_caps_a_batch_by_characters_and_count(monkeypatch):
    from spinscope import nlp

    fake = _RecordingNlp()
    monkeypatch.setattr(nlp, "load", lambda: fake)
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 100)
    texts = [c * n for c, n in zip("abcdefghijkl", (60, 30, 50, 10, 10, 10, 10, 90, 5, 5, 5, 5))]
    assert list(nlp.pipe_batched(texts, batch_size=4)) == texts  # order kept, nothing lost
    assert [len(b) for b in fake.batches] == [2, 4, 2, 4]
    assert all(sum(map(len, b)) <= 100 and len(b) <= 4 for b in fake.batches)
