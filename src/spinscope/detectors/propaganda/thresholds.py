"""Recompute the density thresholds from the PTC-2020 gold labels.

Run ``python -m spinscope.detectors.propaganda.thresholds [PTC_FOLDER]``: it
prints techniques per 1,000 words at the 33rd and 67th percentiles over the
training articles, words counted exactly as the detector counts them (spaCy
tokens that are neither punctuation nor space; the tokenizer alone suffices).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PERCENTILES = (33, 67)


def ptc_dir() -> Path:
    repo = Path(__file__).resolve().parents[4]
    return Path(os.environ.get("SPINSCOPE_DATA", repo.parent / "shared" / "data")) / "ptc2020"


def article_densities(ptc: Path) -> list[float]:
    """Gold techniques per 1,000 words, one value per training article."""
    from spinscope import nlp
    from spinscope.detectors.propaganda.detector import count_words

    tokenizer = nlp.load().tokenizer
    values = []
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        aid = path.stem[len("article"):]
        labels = ptc / "train-labels-task2-technique-classification" / f"article{aid}.task2-TC.labels"
        n = sum(1 for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()) if labels.exists() else 0
        words = count_words(tokenizer(path.read_text(encoding="utf-8")))
        values.append(1000.0 * n / words if words else 0.0)
    return values


def thresholds(values: list[float]) -> tuple[float, float]:
    import numpy as np

    low, high = np.percentile(values, PERCENTILES)
    return round(float(low), 2), round(float(high), 2)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    ptc = Path(args[0]) if args else ptc_dir()
    values = article_densities(ptc)
    low, high = thresholds(values)
    print(f"articles={len(values)} median={sorted(values)[len(values) // 2]:.2f}")
    print(f"p{PERCENTILES[0]}={low} p{PERCENTILES[1]}={high}")
    print(f"LOW_BELOW = {low}\nHIGH_FROM = {high}")


if __name__ == "__main__":
    main()
