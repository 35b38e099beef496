"""The numbers a claim rests on: amounts, dates, percentages and counts, with offsets."""

from __future__ import annotations

import bisect

ENTITY_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"})
NUMBER_WORDS = frozenset(
    "dozens hundreds thousands millions billions trillions tens scores dozen handful couple".split()
)


def quantities(sent) -> list[dict]:
    """spaCy's numeric entities in ``sent`` plus number-words and numbers its NER missed, in text order."""
    found = []
    covered: set[int] = set()
    for ent in _ents_within(sent):
        if ent.label_ in ENTITY_TYPES:
            found.append(_item(ent.start_char, ent.end_char, ent.text, ent.label_))
            covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered:
            continue
        if tok.lower_ in NUMBER_WORDS:
            found.append(_item(tok.idx, tok.idx + len(tok.text), tok.text, "NUMBER_WORD"))
        elif tok.like_num and any(ch.isdigit() for ch in tok.text):
            found.append(_item(tok.idx, tok.idx + len(tok.text), tok.text, "CARDINAL"))
    return sorted((q for q in found if q["text"]), key=lambda q: (q["start"], q["end"]))


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
