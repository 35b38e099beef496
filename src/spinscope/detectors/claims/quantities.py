"""The numbers a claim rests on: amounts, dates, percentages and counts, with offsets."""

from __future__ import annotations

ENTITY_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"})
NUMBER_WORDS = frozenset(
    "dozens hundreds thousands millions billions trillions tens scores dozen handful couple".split()
)


def quantities(sent) -> list[dict]:
    """spaCy's numeric entities in ``sent`` plus number-words and numbers its NER missed, in text order."""
    found = []
    covered: set[int] = set()
    for ent in sent.ents:
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
    return sorted(found, key=lambda q: (q["start"], q["end"]))


def _item(start: int, end: int, text: str, kind: str) -> dict:
    return {"start": start, "end": end, "text": text, "type": kind}
