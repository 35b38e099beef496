"""The writer of each output format named in :data:`spinscope.formats.OUTPUT_FORMATS`."""

from __future__ import annotations

from typing import IO

from spinscope.errors import UsageError
from spinscope.formats import OUTPUT_FORMATS, VERBATIM_FORMATS
from spinscope.outputs.base import Writer
from spinscope.outputs.html import HtmlWriter
from spinscope.outputs.writers import CsvWriter, JsonlWriter, JsonWriter, SemevalSIWriter, SemevalTCWriter

_WRITERS = {w.name: w for w in (JsonWriter, JsonlWriter, CsvWriter, SemevalSIWriter, SemevalTCWriter, HtmlWriter)}
FORMATS: dict[str, type[Writer]] = {name: _WRITERS[name] for name in OUTPUT_FORMATS}  # a format without a writer fails here, at import
__all__ = ["FORMATS", "VERBATIM_FORMATS", "make_writer"]


def make_writer(name: str, stream: IO[str], single: bool = False) -> Writer:
    try:
        cls = FORMATS[name]
    except KeyError:
        raise UsageError("E201", name=name, choices=", ".join(FORMATS)) from None
    return cls(stream, single)
