"""Training and evaluation data for the genre model.

* SemEval-2023 Task 3 English subtask 1 genre labels (opinion / reporting /
  satire) on the training articles.  The validation split is the project's
  fixed rule by article id, ``int(sha1(id).hexdigest(), 16) % 5 == 0``, the
  same rule as the technique detector's PTC split (the ids are shared), so no
  article the technique model validates on is trained on here either.
* PolNeAR training articles as extra ``reporting`` examples: mainstream US
  political news (NYT, Washington Post, Politico, USA Today, ...), which the
  SemEval data has only 30 of.  PolNeAR's dev articles are never trained on:
  the satire check uses them as legitimate news.
* Satirical news written for this project (``data/satire_train.jsonl``, in the
  style of The Onion and The Babylon Bee) as extra ``satire`` examples; the
  check set ``data/satire_check.jsonl`` is in a different (British and
  Canadian) style and is never trained on.
"""

from __future__ import annotations

import hashlib
import json
import os
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
    repo = Path(__file__).resolve().parents[4]
    return Path(os.environ.get("SPINSCOPE_DATA", repo.parent / "shared" / "data"))


def is_validation(article_id: str) -> bool:
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 5 == 0


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


def split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    return [e for e in examples if not is_validation(e.id)], [e for e in examples if is_validation(e.id)]


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


def training_set(data: Path, seed: int = 13) -> list[Example]:
    train, _ = split(semeval(data / "semeval2023-en"))
    return train + polnear(data / "quotes-polnear", "train", POLNEAR_REPORTING, seed) + written("satire_train")


def satire_check(data: Path, seed: int = 13) -> list[Example]:
    """30 unseen satire pieces in another style and 30 unseen PolNeAR dev news articles."""
    return written("satire_check") + polnear(data / "quotes-polnear", "dev", CHECK_NEWS, seed)
