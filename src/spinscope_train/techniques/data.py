"""Reading the PTC corpus and the fixed train/validation split.

The split is by article id: an article is in the validation split when
``int(sha1(id).hexdigest(), 16) % 5 == 0`` (about 20% of the articles).  The
rule is fixed so that every training source (PTC and the SemEval-2023
re-annotation of the same articles) leaves out the same articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

VALIDATION_RULE = "int(sha1(article_id).hexdigest(), 16) % 5 == 0"


@dataclass
class Labelled:
    """One article with its gold spans ``(technique, start, end)``."""

    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)


def data_dir() -> Path:
    """The shared data folder: ``$SPINSCOPE_DATA`` or ``<repo>/../shared/data``."""
    from spinscope import shared_data

    return shared_data.folder()


def is_validation(article_id: str) -> bool:
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 5 == 0


def read_text(path: Path) -> str:
    """Read an article exactly as the SemEval scorers do (offsets index this string); the runtime's own reader."""
    from spinscope.detectors.techniques.labelling import read_text as read

    return read(path)


def load_ptc(ptc: Path) -> list[Labelled]:
    """Every labelled PTC article, sorted by id."""
    articles = []
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        aid = path.stem[len("article") :]
        labels = ptc / "train-labels-task2-technique-classification" / f"article{aid}.task2-TC.labels"
        articles.append(Labelled(aid, read_text(path), _read_tc(labels)))
    return articles


def _read_tc(path: Path) -> list[tuple[str, int, int]]:
    spans = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                _, tech, start, end = line.split("\t")[:4]
                spans.append((tech, int(start), int(end)))
    return spans


def split(articles: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """``(train, validation)`` by the fixed id rule."""
    return [a for a in articles if not is_validation(a.id)], [a for a in articles if is_validation(a.id)]
