"""The fine-tuned MiniLM check-worthiness classifier at run time: ONNX Runtime (int8) + ``tokenizers``, no torch.

A folder holds ``model.onnx`` (inputs ``input_ids`` and ``attention_mask``,
output one logit per sentence) and ``tokenizer.json``; it is written by
:func:`spinscope_train.claims.finetune.export`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from spinscope.encoders.onnx import load_tokenizer, ort_session

MAX_TOKENS = 64  # as in training
# One sentence per run: int8 dynamic quantisation scales activations by the range of the
# whole batch, so a batched sentence's score would depend on its neighbours, and a
# sentence would score differently alone and inside an article.
BATCH = 1


class TransformerScorer:
    """Loads on first use; :meth:`logits` gives one check-worthiness logit per sentence."""

    def __init__(self, path: str | Path, threads: int = 1) -> None:
        self.path = Path(path)
        self.threads = threads
        self._session = None

    def _load(self) -> None:
        from spinscope.errors import SpinscopeError

        files = [self.path / "model.onnx", self.path / "tokenizer.json"]
        if not all(f.is_file() for f in files):
            raise SpinscopeError("E302", name="claims transformer", path=self.path, detail="model.onnx or tokenizer.json missing")
        self.tokenizer = load_tokenizer(files[1], MAX_TOKENS)
        self._session = ort_session(files[0], self.threads)

    def logits(self, texts: list[str]) -> np.ndarray:
        """Logits in the order of ``texts``, each sentence run on its own (see :data:`BATCH`)."""
        out = np.zeros(len(texts), dtype=np.float32)
        if not texts:
            return out
        if self._session is None:
            self._load()
        encs = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda r: len(encs[r].ids))
        for rows, ids, mask in batches(encs, order, BATCH):
            out[rows] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out


def batches(encs, order: list[int], size: int):
    """Padded ``(rows, ids, mask)`` batches of the given rows, in order (used by inference and training)."""
    for b in range(0, len(order), size):
        rows = order[b : b + size]
        width = max(len(encs[r].ids) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for k, r in enumerate(rows):
            ids[k, : len(encs[r].ids)] = encs[r].ids
            mask[k, : len(encs[r].ids)] = 1
        yield rows, ids, mask
