"""The language a text is written in, as an ISO 639-1 code (``en``, ``fr``), when it is clear.

The page's own word wins (a record's ``language`` field, the HTML's ``<html lang>``); otherwise
py3langid (langid.py's naive Bayes model over byte n-grams, 97 languages, shipped in its wheel)
reads the first 5,000 characters.  A guess below 0.9 probability, or on fewer than 40 letters, is no
answer: ``language`` stays null.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 5000
MIN_LETTERS = 40
MIN_PROBABILITY = 0.9
HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", re.IGNORECASE)
CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The text's language code, or None when the text is too short or the model is unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if float(probability) >= MIN_PROBABILITY else None


def code_of(value: str | None) -> str | None:
    """A language tag as given (``en-US``, ``EN``, ``pt_BR``) -> its primary code (``en``, ``pt``); None if it is not one."""
    m = CODE.match(value or "")
    return m.group(1).lower() if m else None


def html_language(html: str) -> str | None:
    """The ``lang`` attribute of the page's ``<html>`` element."""
    m = HTML_LANG.search(html[:20000])
    return m.group(1).lower() if m else None
