"""The evidence the hyperpartisan model weighs beside the article's words, from the other detectors' findings.

Every figure is a pure function of the text, the spans found in it and the profile keys of the
detectors that ran before (techniques, quotes, claims, tone, genre), so training
(``spinscope_train.hyperpartisan``) and the detector compute them alike.  Rates are per 1,000
words, words counted by one regular expression so that the figure does not depend on a parser.
"""

from __future__ import annotations

import math
import re
from collections import Counter

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
WE = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)
YOU = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)

# Techniques that call names or load words (the inflammatory ones), and the rest.
INFLAMMATORY = frozenset({"Loaded_Language", "Name_Calling,Labeling", "Exaggeration,Minimisation", "Appeal_to_fear-prejudice", "Flag-Waving", "Slogans"})

# name -> what it measures, for the evidence a reader sees
DESCRIPTIONS: dict[str, str] = {
    "inflammatory_techniques": "loaded words, name calling, exaggeration, fear, flag-waving and slogans by the author, per 1,000 words",
    "other_techniques": "the author's other techniques (doubt, whataboutism, appeals to authority, ...), per 1,000 words",
    "quoted_techniques": "techniques inside quoted speech, per 1,000 words",
    "opinion": "the genre model's probability of opinion",
    "negative_tone": "share of sentences with negative tone",
    "tone": "mean sentence polarity (VADER compound)",
    "anger_fear_disgust": "anger, fear and disgust words per 1,000 words",
    "quotes": "quotes per 1,000 words",
    "top_speaker_share": "share of the quotes given to the most quoted speaker",
    "named_sources": "share of quotes and claims whose source is named",
    "unattributed_claims": "share of check-worthy claims with no source",
    "exclamations": "exclamation marks per 1,000 words",
    "questions": "question marks per 1,000 words",
    "capitals": "words in capitals per 1,000 words",
    "we": "we, us, our per 1,000 words",
    "you": "you, your per 1,000 words",
}
NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)
RATES = frozenset({"inflammatory_techniques", "other_techniques", "quoted_techniques", "anger_fear_disgust", "quotes", "exclamations", "questions", "capitals", "we", "you"})
NAMED = frozenset({"named_person", "named_organisation", "document", "self"})


def _get(span, key: str):
    return span.get(key) if isinstance(span, dict) else getattr(span, key, None)


def _attrs(span) -> dict:
    return _get(span, "attrs") or {}


def _speaker(quote) -> str | None:
    """The quote's actor id, or failing that its speaker's words."""
    attrs = _attrs(quote)
    speaker = attrs.get("speaker")
    return attrs.get("actor") or ((speaker.get("text") or "").lower() if isinstance(speaker, dict) else None)


def words(text: str) -> int:
    return len(WORD.findall(text))


def compute(text: str, spans, profile: dict) -> dict[str, float]:
    """The raw figures (rates per 1,000 words, shares in [0, 1]); a missing input counts as 0."""
    n = max(words(text), 1)
    per_1000 = 1000.0 / n
    techniques = [s for s in spans if _get(s, "kind") == "technique"]
    quoted = [s for s in techniques if _attrs(s).get("voice") == "quoted"]
    author = [s for s in techniques if _attrs(s).get("voice") != "quoted"]
    quotes = [s for s in spans if _get(s, "kind") == "quote"]
    claims = [s for s in spans if _get(s, "kind") == "claim"]
    speakers = Counter(_speaker(q) for q in quotes)
    speakers.pop(None, None)
    speakers.pop("", None)
    sourced = [_attrs(s).get("source_type") for s in quotes + claims if _attrs(s).get("source_type")]
    tone = profile.get("tone") or {}
    emotions = tone.get("emotions") or {}
    genre = profile.get("genre_scores") or {}
    return {
        "inflammatory_techniques": per_1000 * sum(1 for s in author if _get(s, "label") in INFLAMMATORY),
        "other_techniques": per_1000 * sum(1 for s in author if _get(s, "label") not in INFLAMMATORY),
        "quoted_techniques": per_1000 * len(quoted),
        "opinion": float(genre.get("opinion") or 0.0),
        "negative_tone": float(tone.get("negative_share") or 0.0),
        "tone": float(tone.get("compound_mean") or 0.0),
        "anger_fear_disgust": float(sum(emotions.get(e) or 0.0 for e in ("anger", "fear", "disgust"))),
        "quotes": per_1000 * len(quotes),
        "top_speaker_share": (max(speakers.values()) / sum(speakers.values())) if speakers else 0.0,
        "named_sources": (sum(1 for t in sourced if t in NAMED) / len(sourced)) if sourced else 0.0,
        "unattributed_claims": (sum(1 for c in claims if not _attrs(c).get("attributed")) / len(claims)) if claims else 0.0,
        "exclamations": per_1000 * text.count("!"),
        "questions": per_1000 * text.count("?"),
        "capitals": per_1000 * len(CAPS_WORD.findall(text)),
        "we": per_1000 * len(WE.findall(text)),
        "you": per_1000 * len(YOU.findall(text)),
    }


def vector(figures: dict[str, float]) -> list[float]:
    """The model's input: rates on a log scale (one outlier article must not dominate), shares as they are."""
    return [math.log1p(figures[name]) if name in RATES else figures[name] for name in NAMES]
