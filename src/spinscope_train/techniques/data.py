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


def load_corrections(path: Path) -> list[Labelled]:
    """The articles of a corrections file (``spinscope import ... -o FILE``) with their technique spans."""
    from spinscope.exchange import corrections

    return [Labelled(d.id, d.text, sorted((m.label, m.start, m.end) for m in d.marks if m.kind == "technique")) for d in corrections.read(path)]


def with_corrections(train_part: list[Labelled], validation: list[Labelled], corrected: list[Labelled], keep_ptc: bool = True) -> tuple[list[Labelled], list[str]]:
    """The training articles with a team's corrections: a corrected article replaces a training article
    with the same text, and is added otherwise; one whose text is a validation article is left out (it
    would leak into the figures), and named in the second element.  ``keep_ptc=False``: the corrected
    articles alone."""
    held = {a.text for a in validation}
    left_out = [a.id for a in corrected if a.text in held]
    usable = [a for a in corrected if a.text not in held]
    replaced = {a.text for a in usable}
    base = [a for a in train_part if a.text not in replaced] if keep_ptc else []
    return base + usable, left_out
