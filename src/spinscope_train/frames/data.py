"""The SemEval-2023 Task 3 English framing data (subtask 2): 358 articles, each with the set of its frames.

Validation split: every fifth article in ``sha1(id)`` order, starting with the first (72 articles),
fixed by the ids alone; the rest (286) train.  The labels give no dev set for subtask 2, so this
split is the project's own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

VALIDATION_EVERY = 5


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    frames: tuple[str, ...]


def folder(root: Path) -> Path:
    """The ``semeval2023-en`` folder under the shared data folder (or the folder itself)."""
    return root if (root / "train-labels-subtask-2.txt").is_file() else root / "semeval2023-en"


def frame_names(root: Path) -> list[str]:
    return [line.strip() for line in (folder(root) / "frames_subtask2.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def load(root: Path) -> list[Example]:
    """Every labelled article, sorted by id."""
    base = folder(root)
    out = []
    for line in (base / "train-labels-subtask-2.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        aid, _, labels = line.partition("\t")
        text = (base / "train-articles-subtask-2" / f"article{aid}.txt").read_text(encoding="utf-8")
        out.append(Example(aid, text, tuple(f for f in labels.strip().split(",") if f)))
    return sorted(out, key=lambda e: e.id)


def _order(article_id: str) -> str:
    return hashlib.sha1(article_id.encode()).hexdigest()


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(training, validation)."""
    held = set(sorted((e.id for e in examples), key=_order)[::VALIDATION_EVERY])
    return [e for e in examples if e.id not in held], [e for e in examples if e.id in held]
