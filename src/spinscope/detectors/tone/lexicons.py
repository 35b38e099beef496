"""The two lexicons, each loaded once on first use from its installed package.

* VADER (``vaderSentiment==3.3.2``, MIT): its rule-based analyser and lexicon
  ship inside the package; nothing is downloaded.
* NRC Emotion Lexicon (EmoLex, Mohammad & Turney 2013), as shipped in the
  ``nrclex`` package's ``data/nrc_en.json``.  The package is MIT-licensed; the
  lexicon itself is free for research and non-commercial use (commercial use
  needs a licence from the National Research Council Canada).  Only the JSON
  file is read: the package's own class would re-tokenise with TextBlob.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

EMOTIONS = ("anger", "anticipation", "disgust", "fear", "joy", "sadness", "surprise", "trust")


@functools.lru_cache(maxsize=1)
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def emolex() -> dict[str, tuple[str, ...]]:
    """Word -> the NRC emotions it evokes (the eight emotions only, not positive/negative)."""
    spec = importlib.util.find_spec("nrclex")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("nrclex is not installed: pip install nrclex==4.1.0")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nrc_en.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    table = {}
    for word, tags in raw.items():
        emotions = tuple(e for e in EMOTIONS if e in tags)
        if emotions:
            table[word.lower()] = emotions
    return table


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {"vaderSentiment": version("vaderSentiment"), "nrclex": version("nrclex")}
