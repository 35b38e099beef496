"""Remove the boilerplate blocks that pages carry from plain text."""

from __future__ import annotations

from spinscope.model import Boilerplate


def remove_boilerplate(text: str) -> tuple[str, list[Boilerplate]]:
    return text, []
