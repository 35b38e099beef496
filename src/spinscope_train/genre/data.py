"""Training and evaluation data for the genre model.

* SemEval-2023 Task 3 English subtask 1 genre labels (opinion / reporting /
  satire) on the training articles.  The validation split is stratified by
  genre and fixed by article id: within each genre the articles are ordered by
  ``sha1(id)`` and every fifth (positions 0, 5, 10, ...) is held out, so all
  three genres are represented (64 opinion, 6 reporting, 2 satire).  Genre is
  an article-level label and the genre model uses no technique spans, so this
  split need not match the technique detector's.
* 300 PolNeAR training articles as extra ``reporting`` examples, weighted 0.1
  each: mainstream US political news (NYT, Washington Post, Politico, ...).
  Cross-validation shows they slightly lower SemEval reporting F1 (SemEval's
  ``opinion`` class holds many news-like articles from partisan sites), but
  without them the model calls too much mainstream news satire (satire check
  accuracy 0.73 instead of 0.83).  PolNeAR's dev articles are never trained
  on: the satire check uses them as legitimate news.
* Satirical news written for this project (``data/satire_train.jsonl``, in the
  style of The Onion and The Babylon Bee) as extra ``satire`` examples; the
  check set ``data/satire_check.jsonl`` is in a different (British and
  Canadian) style and is never trained on.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

GENRES = ("opinion", "reporting", "satire")
HERE = Path(__file__).resolve().parent / "data"
POLNEAR_REPORTING = 300  # PolNeAR training articles drawn as extra reporting examples
CHECK_NEWS = 30  # PolNeAR dev articles paired with the 30 satire check pieces


@dataclass
class Example:
    id: str
    text: str
    genre: str
    source: str


def data_dir() -> Path:
    from spinscope import shared_data

    return shared_data.folder()


VALIDATION_EVERY = 5  # one article in five of each genre is held out


def hash_order(article_id: str) -> str:
    return hashlib.sha1(article_id.encode()).hexdigest()


def semeval(root: Path) -> list[Example]:
    """The SemEval-2023 English articles with a genre label, sorted by id."""
    labels = root / "train-labels-subtask-1.txt"
    out = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        aid, genre = line.split("\t")[:2]
        path = root / "train-articles-subtask-1" / f"article{aid}.txt"
        out.append(Example(aid, path.read_text(encoding="utf-8"), genre.strip(), "semeval2023"))
    return sorted(out, key=lambda e: e.id)


def validation_ids(examples: list[Example]) -> set[str]:
    """Per genre, every fifth article in ``sha1(id)`` order, starting with the first."""
    held = set()
    for genre in GENRES:
        ordered = sorted((e.id for e in examples if e.genre == genre), key=hash_order)
        held.update(ordered[::VALIDATION_EVERY])
    return held


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """(training, validation): the stratified split by article id."""
    held = validation_ids(examples)
    return [e for e in examples if e.id not in held], [e for e in examples if e.id in held]


def polnear(root: Path, part: str, n: int, seed: int) -> list[Example]:
    """``n`` PolNeAR articles of one part (``train`` or ``dev``), drawn with a fixed seed."""
    paths = sorted((root / part / "text").glob("*.txt"))
    random.Random(seed).shuffle(paths)
    return [Example(p.stem, p.read_text(encoding="utf-8"), "reporting", f"polnear-{part}") for p in paths[:n]]


def written(name: str) -> list[Example]:
    """Project-written satirical pieces: ``satire_train`` or ``satire_check``."""
    out = []
    for i, line in enumerate((HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        out.append(Example(f"{name}-{i}", f"{record['title']}\n\n{record['text']}\n", "satire", name))
    return out


def extra_training(data: Path, seed: int = 13) -> list[Example]:
    """Training examples from outside SemEval: PolNeAR reporting and the project-written satire."""
    return polnear(data / "quotes-polnear", "train", POLNEAR_REPORTING, seed) + written("satire_train")


def training_set(data: Path, seed: int = 13) -> list[Example]:
    train, _ = split(semeval(data / "semeval2023-en"))
    return train + extra_training(data, seed)


def satire_check(data: Path, seed: int = 13) -> list[Example]:
    """30 unseen satire pieces in another style and 30 unseen PolNeAR dev news articles."""
    return written("satire_check") + polnear(data / "quotes-polnear", "dev", CHECK_NEWS, seed)
