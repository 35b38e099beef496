"""Quotation-mark pairing: the character spans of direct quotes, straight or curly.

A quote that runs over several paragraphs repeats its opening mark at the start
of each paragraph and closes only at the end of the last one (the newspaper
convention), so an unclosed quote followed by a paragraph that opens with a mark
continues into it.  A quote left unclosed at a paragraph end with no
continuation is dropped: an unbalanced mark must not swallow the article.
Some wires write a doubled apostrophe (``''``) for a double quotation mark;
it counts as one mark.
"""

from __future__ import annotations

OPENERS = {"“", "«", '"', "„"}
CLOSERS = {"”", "»", '"'}
DOUBLED = "''"


def _width(text: str, i: int) -> int:
    """1 for a quotation mark at ``i``, 2 for a doubled apostrophe, else 0."""
    if text[i] in OPENERS or text[i] in CLOSERS:
        return 1
    if text.startswith(DOUBLED, i) and not text.startswith(DOUBLED + "'", i):
        return 2
    return 0


def _is_open(text: str, i: int, width: int = 1) -> bool:
    """Whether the mark at ``i`` opens a quote (curly marks say so; a straight one by its neighbours)."""
    ch = text[i]
    if ch in "“«„":
        return True
    if ch in "”»":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-:":
        return not after.isspace()
    return False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of quoted passages, marks included, continuations across paragraphs joined."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    i = 0
    while i < len(text):
        width = _width(text, i)
        if text[i] == "\n" and start is not None and not _continues(text, i):
            start = None
        elif width:
            opening = _is_open(text, i, width)
            if start is None and opening:
                start = i
            elif start is not None and not opening:
                spans.append((start, i + width))
                start = None
        i += max(width, 1)
    return spans


def _continues(text: str, i: int) -> bool:
    """At a newline inside an open quote: does the next paragraph open with a quotation mark?"""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text) or text[j - 1] != "\n":
        return False
    width = _width(text, j)
    return bool(width) and _is_open(text, j, width)
