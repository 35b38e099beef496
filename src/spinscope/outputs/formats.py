"""The output formats by name: the one registry the CLI, the API and the docs read."""

from __future__ import annotations

from typing import IO

from spinscope.errors import UsageError
from spinscope.outputs.base import Writer
from spinscope.outputs.html import HtmlWriter
from spinscope.outputs.writers import CsvWriter, JsonlWriter, JsonWriter, SemevalSIWriter, SemevalTCWriter

FORMATS: dict[str, type[Writer]] = {w.name: w for w in (JsonWriter, JsonlWriter, CsvWriter, SemevalSIWriter, SemevalTCWriter, HtmlWriter)}
# Formats whose offsets must refer to the input file exactly as read: no boilerplate removal.
VERBATIM_FORMATS = frozenset({"semeval-si", "semeval-tc"})


def make_writer(name: str, stream: IO[str], single: bool = False) -> Writer:
    try:
        cls = FORMATS[name]
    except KeyError:
        raise UsageError("E201", name=name, choices=", ".join(FORMATS)) from None
    return cls(stream, single)
