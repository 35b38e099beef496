"""Sentence embeddings with ONNX Runtime and the ``tokenizers`` library: mean pooling, then L2 normalisation.

An encoder folder holds ``model.onnx`` (inputs ``input_ids``, ``attention_mask``,
``token_type_ids``; output ``last_hidden_state``) and ``tokenizer.json``.  This
is what sentence-transformers computes for all-MiniLM-L6-v2, without torch.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

DEFAULT_ENCODER = Path(__file__).resolve().parents[1] / "models" / "encoder"
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length
# One text per run: int8 dynamic quantisation scales activations by the range of the
# whole batch, padding included, so a batched text's vector would depend on its neighbours.
BATCH = 1


def load_tokenizer(path: str | Path, max_tokens: int | None = None):
    """A fast tokenizer from ``tokenizer.json``, padding off, truncating at ``max_tokens`` when given."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    if max_tokens:
        tok.enable_truncation(max_length=max_tokens)
    else:
        tok.no_truncation()
    return tok


def ort_session(model: str | Path, threads: int = 1):
    """An ONNX Runtime CPU session on ``threads`` intra-op threads (one by default: the cores are shared).

    Models run in the form that computes the same numbers on every x86 CPU
    (:mod:`spinscope.encoders.portable`), so their outputs do not depend on the machine.
    """
    import onnxruntime as ort

    from spinscope.encoders.portable import model_for_this_cpu

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(model_for_this_cpu(model), opts, providers=["CPUExecutionProvider"])


def available(path: str | Path | None = None) -> bool:
    folder = Path(path) if path else DEFAULT_ENCODER
    return (folder / "model.onnx").exists() and (folder / "tokenizer.json").exists()


class SentenceEncoder:
    """Loads on first use; :meth:`encode` turns texts into unit-length vectors."""

    def __init__(self, path: str | Path | None = None, threads: int = 1, max_tokens: int = MAX_TOKENS) -> None:
        self.path = Path(path) if path else DEFAULT_ENCODER
        self.threads = threads
        self.max_tokens = max_tokens
        self._session = None

    def _load(self) -> None:
        from spinscope.errors import UsageError

        if not available(self.path):
            raise UsageError("E302", name="sentence encoder", path=self.path, detail="model.onnx or tokenizer.json missing; make it with 'spinscope train encoder'")
        self.tokenizer = load_tokenizer(self.path / "tokenizer.json", self.max_tokens)
        self._session = ort_session(self.path / "model.onnx", self.threads)
        self._inputs = {i.name for i in self._session.get_inputs()}

    def session(self):
        if self._session is None:
            self._load()
        return self._session

    def encode(self, texts: list[str], batch: int = BATCH) -> np.ndarray:
        """One L2-normalised vector per text, shape ``(len(texts), hidden)``."""
        session = self.session()
        out = [self._batch(session, texts[b : b + batch]) for b in range(0, len(texts), batch)]
        return np.vstack(out) if out else np.zeros((0, 0), dtype=np.float32)

    def _batch(self, session, texts: list[str]) -> np.ndarray:
        encs = self.tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = e.ids
            mask[r, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        return mean_pool(hidden, mask)


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under ``mask``, scaled to unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
