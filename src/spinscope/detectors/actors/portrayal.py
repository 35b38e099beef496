"""How an article portrays each actor, read from its own spans and sentences.

* techniques: every ``technique`` span that overlaps a mention or shares a
  sentence with one (Name_Calling aimed at it, Loaded_Language around it);
* quotes: the ``quote`` spans the actor speaks (``attrs.actor``);
* claims: ``claim`` spans that contain a mention;
* tone: VADER's compound score averaged over the sentences that mention the
  actor, outside its own quotes (what the article says about it, not what it
  says); below -0.05 is negative, above 0.05 positive.
"""

from __future__ import annotations

import functools

from spinscope.model import Portrayal

TONE_CUTOFF = 0.05


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def portray(actor, sentences: list[tuple[int, int]], spans: list, text: str) -> Portrayal:
    """The portrayal of one resolved actor, given the article's sentence bounds and other detectors' spans."""
    mentions = [(m.start, m.end) for m in actor.mentions]
    near = [s for s in sentences if any(_overlaps(s, m) for m in mentions)]
    quotes = [s for s in spans if s.kind == "quote" and s.attrs.get("actor") == actor.id]
    techniques = [s for s in spans if s.kind == "technique"
                  and (any(_overlaps((s.start, s.end), m) for m in mentions) or any(_overlaps((s.start, s.end), n) for n in near))]
    claims = [s for s in spans if s.kind == "claim" and any(s.start <= m[0] and m[1] <= s.end for m in mentions)]
    return Portrayal(
        techniques=[{"label": s.label, "start": s.start, "end": s.end} for s in techniques],
        quotes=[{"start": s.start, "end": s.end, "label": s.label} for s in quotes],
        claims=[{"start": s.start, "end": s.end} for s in claims],
        counts={"mentions": len(mentions), "quotes": len(quotes), "techniques": len(techniques), "claims": len(claims)},
        tone=tone(near, [(q.start, q.end) for q in quotes], text),
    )


def tone(sentences: list[tuple[int, int]], quotes: list[tuple[int, int]], text: str) -> dict | None:
    """VADER over the sentences, with the actor's own quoted words blanked out."""
    scores = []
    for start, end in sentences:
        chars = list(text[start:end])
        for qs, qe in quotes:
            for i in range(max(qs, start), min(qe, end)):
                chars[i - start] = " "
        sentence = "".join(chars).strip()
        if sentence:
            scores.append(_vader().polarity_scores(sentence)["compound"])
    if not scores:
        return None
    score = round(sum(scores) / len(scores), 4)
    label = "negative" if score < -TONE_CUTOFF else "positive" if score > TONE_CUTOFF else "neutral"
    return {"label": label, "score": score, "sentences": len(scores)}
