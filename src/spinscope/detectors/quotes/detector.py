"""The ``quotes`` detector: spans of kind ``quote`` labelled ``direct`` or ``indirect``.

Each span's ``attrs`` hold ``direct``, ``speaker`` and ``cue`` (``{"start",
"end", "text"}`` or null), ``actor``: the id of the speaking actor as the
``actors`` detector names it, and ``source_type`` (named_person,
named_organisation, anonymous, vague, document, self or none; see
:mod:`spinscope.detectors.source_types`).  Both detectors read the same within-article
actor clustering (:func:`spinscope.detectors.actors.resolve.cluster`, cached
on the shared ``Doc``), so a quote's ``attrs.actor`` and the actor list agree
without one detector editing the other's spans.  A pronoun or role-noun
speaker ("he", "the official") keeps its own words as ``speaker`` and gets the
actor it refers to where the clustering resolved it.
"""

from __future__ import annotations

from pathlib import Path

from spinscope.detectors.base import BaseDetector, Findings
from spinscope.model import ModelInfo, Span

SCORER_NAME = "spinscope/quotes-scorer"
TAGGER_NAME = "spinscope/quotes-tagger"


class QuotesDetector(BaseDetector):
    """Direct and indirect quotes with their speakers (rules over the spaCy parse and a candidate scorer).

    With a ``model_path`` (the accurate setting, ``--accurate``, gives the shipped
    ``models/quotes/tagger/``; ``--model quotes=DIR`` another that ``spinscope train
    quotes --tagger`` wrote), the candidates are blended with that attribution
    tagger's outputs and a quote the parse leaves without a speaker takes the
    tagger's source: more accurate, slower (see the quotes model card).
    """

    name = "quotes"
    version = "1"
    kind = "quote"
    labels = frozenset({"direct", "indirect"})
    default_min_score = 0.0
    requires = frozenset({"doc.actor_clusters"})
    assigns = frozenset({"spans.quote"})

    def detect(self, doc, article) -> Findings:
        from spinscope.detectors.actors.resolve import cluster

        text = article.text
        actors = cluster(doc)
        spans = []
        from spinscope.detectors.source_types import classify

        for q in find(doc, self._tagger()):
            actor = _speaker_actor(actors, q)
            source_type = classify(doc, *(q.speaker or (None, None)), actor_type=actors.type_of(actor))
            if source_type in ("anonymous", "vague") and actors.actor_at(q.speaker_token) is None and _indefinite(doc[q.speaker_token]):
                actor = None  # "a senior Democratic aide", "a US official": one unnamed person, not the party or the country
            if q.speaker is None and q.cue_token is not None and _impersonal(doc[q.cue_token]):
                source_type = "vague"
            spans.append(
                Span(
                    start=q.start,
                    end=q.end,
                    kind=self.kind,
                    label="direct" if q.direct else "indirect",
                    score=q.score,
                    attrs={"direct": q.direct, "speaker": _ref(text, q.speaker), "cue": _ref(text, q.cue), "actor": actor, "source_type": source_type},
                )
            )
        return Findings(spans=spans)

    def _tagger(self) -> str | bool:
        """The tagger folder of this run, checked once (E302 where it is not a whole tagger); False without one."""
        if not self.model_path:
            return False
        if "_checked" not in self.__dict__:
            from spinscope.detectors.quotes.tagger import complete, loaded
            from spinscope.errors import PipelineError

            folder = str(Path(self.model_path).resolve())
            if not complete(folder):
                raise PipelineError("E302", name=TAGGER_NAME, path=folder, detail="not a quotes tagger folder (model.onnx, tokenizer.json, blend.json, scorer.json)")
            try:
                loaded(folder)[0].session()
            except Exception as exc:  # a broken checkpoint: say which and why
                raise PipelineError("E302", name=TAGGER_NAME, path=folder, detail=str(exc)) from exc
            self._checked = folder
        return self._checked

    def models(self) -> list[ModelInfo]:
        found = [ModelInfo(name=SCORER_NAME, version=self.version)]
        if self.model_path:
            found.append(ModelInfo(name=TAGGER_NAME, version=self.version))
        return found


def find(doc, tagger: bool | str = False) -> list:
    """The quotes of a parsed text as the detector reads them: the rules and the candidate scorer; with
    ``tagger`` (True: the shipped one; or the folder of one), the candidates blended with the attribution
    tagger (:mod:`.tagger`).  The tagger is the accurate setting, not the default: the hyperpartisan model
    and the propaganda levels were fitted on the scorer's quotes."""
    from spinscope.detectors.quotes.rules import extract
    from spinscope.detectors.quotes.tagger import DEFAULT_TAGGER, loaded

    if not tagger:
        return extract(doc)
    model = loaded(str(DEFAULT_TAGGER if tagger is True else tagger))
    if model is None:
        return extract(doc)
    tagging, blend, scorer = model
    return extract(doc, scorer=scorer, tagged=tagging.tag(doc.text), blend=blend)


def _impersonal(verb) -> bool:
    """'It is said that …', 'it is believed …': a passive reporting verb with an empty subject and no agent."""
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    empty = any(c.dep_ in ("nsubjpass", "expl") and c.lower_ in ("it", "this") for c in children)
    return passive and empty and not any(c.dep_ == "agent" for c in children)


def _indefinite(head) -> bool:
    """Whether a speaker's head word has an indefinite article ("a US official", "an aide", "one source")."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)


def _speaker_actor(actors, quote) -> str | None:
    """The actor of the speaker's head word, else of another word of the speaker mention ("Iranian officials");
    the caller drops the second when the mention is an unnamed person ("a US official")."""
    if quote.speaker_token is None:
        return None
    found = actors.actor_at(quote.speaker_token)
    if found is None and quote.speaker_tokens:
        found = next((a for a in map(actors.actor_at, range(*quote.speaker_tokens)) if a), None)
    return found


def _ref(text: str, span: tuple[int, int] | None) -> dict | None:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0] : span[1]]}
