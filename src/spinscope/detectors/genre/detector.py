"""Genre of an article: ``reporting``, ``opinion`` or ``satire``.

A text classifier (TF-IDF word and character n-grams plus style rates, logistic
regression with equal genre priors; see ``models/genre/MODEL_CARD.md``)
scores the title and text.  A page from a known satirical outlet is satire
whatever the model says, and a page that labels itself opinion ("(TMU
Op-Ed)", an ``/opinion/`` URL) is opinion; ``genre_basis`` tells which
decided.
"""

from __future__ import annotations

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.detectors.genre import outlets, rubric

GENRES = ("opinion", "reporting", "satire")


class GenreDetector(BaseDetector):
    """Adds ``genre``, ``genre_scores`` (a probability per genre), ``genre_basis`` and ``genre_cues``
    (the words that pushed the model most towards the genre it chose; empty when an outlet or a
    label decided) to the profile."""

    name = "genre"
    version = "2"
    kind = "profile"
    labels = frozenset()
    default_min_score = 0.0
    assigns = frozenset({"profile.genre", "profile.genre_scores", "profile.genre_basis", "profile.genre_outlet", "profile.genre_label", "profile.genre_cues"})

    def detect(self, doc, article) -> Findings:
        from spinscope.detectors.genre import model as genre_model

        model = genre_model.load(self.model_path)
        text = model_input(article)
        scores = genre_model.probabilities(model, [text])[0]
        satire = outlets.satire_outlet(article.url, article.outlet)
        found = decide(scores, satire, rubric.opinion_label(text, article.url))
        found["genre_cues"] = genre_model.cues(model, text, found["genre"]) if found["genre_basis"] == "model" else []
        return Findings(profile=found)

    def models(self):
        from spinscope.detectors.genre.model import NAME
        from spinscope.model import ModelInfo

        return [ModelInfo(name=NAME, version=self.version)]


def model_input(article) -> str:
    """The title (when not already the first line) and the text, as the model was trained on."""
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        return f"{title}\n\n{article.text}"
    return article.text


def decide(scores: dict[str, float], outlet: str | None, label: str | None = None) -> dict:
    """The profile keys: a known satire outlet first, then the page's own opinion label, then the model."""
    rounded = {g: round(scores.get(g, 0.0), 4) for g in GENRES}
    best = max(GENRES, key=lambda g: (scores.get(g, 0.0), g == "reporting"))
    profile = {"genre": best, "genre_scores": rounded, "genre_basis": "model"}
    if outlet:
        profile.update(genre="satire", genre_basis="outlet", genre_outlet=outlet)
    elif label:
        profile.update(genre="opinion", genre_basis="label", genre_label=label)
    return profile
