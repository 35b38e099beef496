"""Recompute the density-level thresholds over the PTC-2020 articles.

Run ``python -m spinscope_train.propaganda.thresholds [PTC_FOLDER] [--accurate]``.  It
prints techniques per 1,000 words at the 33rd and 67th percentiles of two
distributions, words counted exactly as the detector counts them (spaCy
tokens that are neither punctuation nor space):

- ``detected``: the shipped technique detector's spans (at its default
  minimum score) over the 90 unlabelled test articles, which no model was
  trained or tuned on.  These are the level thresholds: a level compares an
  article with PTC articles *as the same detector sees them*, so a detector
  that finds more spans than the annotators did does not push every article
  to "high".
- ``gold``: the annotators' spans over the 371 training articles, printed for
  reference (what a perfect detector's thresholds would be).
"""

from __future__ import annotations

import sys
from pathlib import Path

PERCENTILES = (33, 67)


def ptc_dir() -> Path:
    from spinscope import shared_data

    return shared_data.folder("ptc2020")


def article_densities(ptc: Path) -> list[float]:
    """Gold techniques per 1,000 words, one value per training article."""
    from spinscope import nlp
    from spinscope.detectors.propaganda.detector import count_words

    tokenizer = nlp.load().tokenizer
    values = []
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        aid = path.stem[len("article") :]
        labels = ptc / "train-labels-task2-technique-classification" / f"article{aid}.task2-TC.labels"
        n = sum(1 for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()) if labels.exists() else 0
        words = count_words(tokenizer(path.read_text(encoding="utf-8")))
        values.append(1000.0 * n / words if words else 0.0)
    return values


def detected_densities(ptc: Path, accurate: bool = False) -> list[float]:
    """The author's detected techniques per 1,000 words, one value per unlabelled test article (quotes run
    too, so techniques in quoted or reported speech are left out, as in a default analysis)."""
    from spinscope import engine as pipeline
    from spinscope.detectors import accurate_models
    from spinscope.model import Article
    from spinscope.options import Options

    paths = sorted((ptc / "test-articles-unlabeled").glob("article*.txt"))
    articles = [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in paths]
    return [
        (a.profile.propaganda or {}).get("per_1000_words", 0.0)
        for a in pipeline.analyze_many(articles, detectors=["quotes", "techniques", "propaganda"], options=Options(model_paths=accurate_models() if accurate else {}))
    ]


def thresholds(values: list[float]) -> tuple[float, float]:
    import numpy as np

    low, high = np.percentile(values, PERCENTILES)
    return round(float(low), 2), round(float(high), 2)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    accurate = "--accurate" in args  # the accurate setting's spans (``analyze --accurate``)
    args = [a for a in args if a != "--accurate"]
    ptc = Path(args[0]) if args else ptc_dir()
    for name, values in (("gold", article_densities(ptc)), ("detected", detected_densities(ptc, accurate))):
        low, high = thresholds(values)
        print(f"{name}: articles={len(values)} median={sorted(values)[len(values) // 2]:.2f} p{PERCENTILES[0]}={low} p{PERCENTILES[1]}={high}")
    print(f"LOW_BELOW = {low}\nHIGH_FROM = {high}")


if __name__ == "__main__":
    main()
