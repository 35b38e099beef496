"""Article basics: size counts, readability (textstat) and what boilerplate was removed."""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings


class ProfileDetector(BaseDetector):
    """Adds ``characters``, ``words``, ``sentences``, ``paragraphs``, ``readability`` and ``boilerplate`` to the profile."""

    name = "profile"
    version = "1"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    assigns = frozenset({"profile.characters", "profile.words", "profile.sentences", "profile.paragraphs", "profile.readability", "profile.boilerplate"})

    def detect(self, doc, article) -> Findings:
        words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        sentences = sum(1 for s in doc.sents if any(not (t.is_punct or t.is_space) for t in s))
        paragraphs = sum(1 for p in article.text.split("\n") if p.strip())
        return Findings(
            profile={
                "characters": len(article.text),
                "words": words,
                "sentences": sentences,
                "paragraphs": paragraphs,
                "readability": readability(article.text, words, sentences),
                "boilerplate": boilerplate_counts(article),
            }
        )

    def models(self):
        from spinscope.model import ModelInfo

        return [ModelInfo(name="textstat", version=_textstat_version())]


def readability(text: str, words: int, sentences: int) -> dict:
    """Flesch reading ease and Flesch-Kincaid grade (textstat's own word, sentence and
    syllable counts, see :mod:`.readability`) and words per sentence (spaCy's counts, as in the profile)."""
    if not words:
        return {"flesch_reading_ease": None, "flesch_kincaid_grade": None, "avg_sentence_length": None}
    from spinscope.detectors.profile.readability import scores

    ease, grade = scores(text)
    return {
        "flesch_reading_ease": round(float(ease), 2),
        "flesch_kincaid_grade": round(float(grade), 2),
        "avg_sentence_length": round(words / max(sentences, 1), 2),
    }


def boilerplate_counts(article) -> dict[str, int]:
    """Blocks the ingest cleaner removed from the page, counted by label (``{}`` when none)."""
    counts: dict[str, int] = {}
    for block in article.boilerplate:
        counts[block.label] = counts.get(block.label, 0) + 1
    return dict(sorted(counts.items()))


def _textstat_version() -> str:
    from importlib.metadata import version

    return version("textstat")
