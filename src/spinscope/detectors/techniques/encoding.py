"""Text -> WordPiece tokens with exact character offsets, cut into model windows.

Shared by training (torch) and inference (ONNX Runtime) so that both see the
same tokens.  Offsets are Python string indices into the article text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CLS, SEP = 101, 102
WINDOW = 254  # content tokens per window; two more for [CLS] and [SEP]
OVERLAP = 64  # tokens shared by neighbouring windows at inference
N_EXTRA = 3  # hand-made span features, see span_extras


@dataclass
class Encoded:
    """The tokens of one text: ``ids[i]`` covers ``text[starts[i]:ends[i]]``."""

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray


def load_tokenizer(path: str):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode(tokenizer, text: str) -> Encoded:
    """Tokenise ``text`` without special tokens, dropping tokens that cover no character."""
    enc = tokenizer.encode(text, add_special_tokens=False)
    keep = [(i, s, e) for i, (s, e) in zip(enc.ids, enc.offsets) if e > s]
    if not keep:
        empty = np.zeros(0, dtype=np.int64)
        return Encoded(empty, empty, empty)
    ids, starts, ends = (np.array(col, dtype=np.int64) for col in zip(*keep))
    return Encoded(ids, starts, ends)


def windows(n_tokens: int, size: int = WINDOW, overlap: int = OVERLAP) -> list[tuple[int, int, int, int]]:
    """Windows ``(start, end, own_start, own_end)`` over ``n_tokens`` tokens.

    Each token is *owned* by exactly one window, the one where it sits
    furthest from an edge; its outputs are taken from that window.
    """
    if n_tokens <= size:
        return [(0, n_tokens, 0, n_tokens)]
    stride = size - overlap
    starts = list(range(0, n_tokens - size, stride)) + [n_tokens - size]
    result = []
    for k, a in enumerate(starts):
        own_start = 0 if k == 0 else (result[-1][3])
        own_end = n_tokens if k == len(starts) - 1 else min(a + size - overlap // 2, starts[k + 1] + size)
        result.append((a, a + size, own_start, own_end))
    return result


def with_specials(ids: np.ndarray) -> np.ndarray:
    return np.concatenate([[CLS], ids, [SEP]]).astype(np.int64)


def token_range(enc: Encoded, start: int, end: int) -> tuple[int, int]:
    """Indices ``[i, j)`` of the tokens overlapping characters ``[start, end)``."""
    i = int(np.searchsorted(enc.ends, start, side="right"))
    j = int(np.searchsorted(enc.starts, end, side="left"))
    return i, max(i, j)


def span_extras(text: str, start: int, end: int, n_tokens: int) -> np.ndarray:
    """Features a window cannot see: span length, repeats of the span in the article, capitals."""
    piece = text[start:end].strip().lower()
    repeats = text.lower().count(piece) - 1 if piece else 0
    letters = [c for c in text[start:end] if c.isalpha()]
    caps = sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
    return np.array([np.log1p(n_tokens), np.log1p(max(repeats, 0)), caps], dtype=np.float32)
