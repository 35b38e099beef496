"""The numbers a claim rests on: amounts, dates, percentages and counts, with offsets."""

from __future__ import annotations

import bisect

ENTITY_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"})
NUMBER_WORDS = frozenset("dozens hundreds thousands millions billions trillions tens scores dozen handful couple".split())


def quantities(sent) -> list[dict]:
    """spaCy's numeric entities in ``sent`` plus number-words and numbers its NER missed, in text order."""
    found = []
    covered: set[int] = set()
    for ent in _ents_within(sent):
        if ent.label_ in ENTITY_TYPES:
            found.append(_widened(sent, ent.start, ent.end, ent.label_))
            covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered:
            continue
        if tok.lower_ in NUMBER_WORDS:
            found.append(_item(tok.idx, tok.idx + len(tok.text), tok.text, "NUMBER_WORD"))
        elif tok.like_num and any(ch.isdigit() for ch in tok.text):
            found.append(_widened(sent, tok.i, tok.i + 1, "CARDINAL"))
    return sorted((q for q in found if q["text"]), key=lambda q: (q["start"], q["end"]))


# Written against a figure with no space: "$4.2bn", "€300m", "5k"
SCALE_SUFFIXES = frozenset("k m mn mln bn b tn trn million billion trillion".split())


def _widened(sent, start: int, end: int, kind: str) -> dict:
    """The quantity from token ``start`` to ``end``, taking in a currency sign written against it
    ("$" of "$4.2bn", which the entity recogniser may leave out; the amount is then MONEY) and a
    scale suffix ("m" of "€300m")."""
    doc = sent.doc
    if start > sent.start and doc[start - 1].is_currency and _touching(doc[start - 1], doc[start]):
        start -= 1
        kind = "MONEY" if kind == "CARDINAL" else kind
    if end < sent.end and doc[end].lower_ in SCALE_SUFFIXES and _touching(doc[end - 1], doc[end]):
        end += 1
    span = doc[start:end]
    return _item(span.start_char, span.end_char, span.text, kind)


def _touching(left, right) -> bool:
    return left.idx + len(left.text) == right.idx


def _item(start: int, end: int, text: str, kind: str) -> dict:
    """One quantity, its offsets trimmed of the white space spaCy may leave inside an entity ("March    ")."""
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    return {"start": start + lead, "end": end - trail, "text": text.strip(), "type": kind}


_ENTS_KEY = "spinscope.claims.ents"


def _ents_within(sent) -> list:
    """The Doc's entities that lie wholly inside ``sent``, as ``sent.ents`` gives them.

    ``Span.ents`` walks every entity of the Doc for each sentence, which on a
    long text made this quadratic; the Doc's entities are read once here and
    found by bisection.
    """
    doc = sent.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = cached
    found = []
    for ent in ents[bisect.bisect_left(starts, sent.start) :]:
        if ent.start >= sent.end:
            break
        if ent.end <= sent.end:
            found.append(ent)
    return found
