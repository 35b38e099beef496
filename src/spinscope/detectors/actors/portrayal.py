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

import bisect
import functools

from spinscope.model import Portrayal

TONE_CUTOFF = 0.05


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


class ArticleIndex:
    """An article's sentences and spans, sorted once so that each actor's portrayal is found by
    bisection rather than by comparing every mention with every span (a long text has thousands)."""

    def __init__(self, sentences: list[tuple[int, int]], spans: list, text: str) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self.sentence_starts = [s[0] for s in self.sentences]
        self.spans = spans
        self.quotes: dict[str, list[int]] = {}
        for i, s in enumerate(spans):
            if s.kind == "quote" and s.attrs.get("actor") is not None:
                self.quotes.setdefault(s.attrs["actor"], []).append(i)
        self.techniques = _Intervals([(s.start, s.end, i) for i, s in enumerate(spans) if s.kind == "technique"])
        self.claims = _Intervals([(s.start, s.end, i) for i, s in enumerate(spans) if s.kind == "claim"])

    def near(self, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences that overlap a mention, in text order."""
        found = set()
        for m in mentions:
            i = max(0, bisect.bisect_right(self.sentence_starts, m[0]) - 1)
            while i < len(self.sentences) and self.sentences[i][0] < m[1]:
                if _overlaps(self.sentences[i], m):
                    found.add(i)
                i += 1
        return [self.sentences[i] for i in sorted(found)]


class _Intervals:
    """(start, end, key) intervals sorted by start, for "which overlap / contain this" questions."""

    def __init__(self, items: list[tuple[int, int, int]]) -> None:
        self.items = sorted(items)
        self.starts = [it[0] for it in self.items]
        self.longest = max((it[1] - it[0] for it in self.items), default=0)

    def _from(self, start: int) -> int:
        return bisect.bisect_left(self.starts, start - self.longest)

    def overlapping(self, interval: tuple[int, int]) -> set[int]:
        out = set()
        for i in range(self._from(interval[0]), bisect.bisect_left(self.starts, interval[1])):
            if _overlaps(self.items[i][:2], interval):
                out.add(self.items[i][2])
        return out

    def containing(self, interval: tuple[int, int]) -> set[int]:
        out = set()
        for i in range(self._from(interval[0]), bisect.bisect_right(self.starts, interval[0])):
            if self.items[i][0] <= interval[0] and interval[1] <= self.items[i][1]:
                out.add(self.items[i][2])
        return out


def portray(actor, article: ArticleIndex) -> Portrayal:
    """The portrayal of one resolved actor, given its article's sentences and the other detectors' spans."""
    mentions = [(m.start, m.end) for m in actor.mentions]
    near = article.near(mentions)
    spans = article.spans
    quotes = [spans[i] for i in article.quotes.get(actor.id, [])]
    techniques = [spans[i] for i in sorted(set().union(*(article.techniques.overlapping(x) for x in mentions + near)))]
    claims = [spans[i] for i in sorted(set().union(*(article.claims.containing(m) for m in mentions)))]
    return Portrayal(
        techniques=[{"label": s.label, "start": s.start, "end": s.end} for s in techniques],
        quotes=[{"start": s.start, "end": s.end, "label": s.label} for s in quotes],
        claims=[{"start": s.start, "end": s.end} for s in claims],
        counts={"mentions": len(mentions), "quotes": len(quotes), "techniques": len(techniques), "claims": len(claims)},
        tone=tone(near, [(q.start, q.end) for q in quotes], article.text),
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
