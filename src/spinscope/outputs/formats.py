"""The writer of each output format named in :data:`spinscope.formats.OUTPUT_FORMATS`."""

from __future__ import annotations

from typing import IO

from spinscope.errors import UsageError
from spinscope.formats import OUTPUT_FORMATS, VERBATIM_FORMATS, WRITERS, load
from spinscope.outputs.base import Writer

FORMATS: dict[str, type[Writer]] = {name: load(WRITERS[name]) for name in OUTPUT_FORMATS}  # a format without a writer fails here, at import
__all__ = ["FORMATS", "VERBATIM_FORMATS", "make_writer"]


def make_writer(name: str, stream: IO[str], single: bool = False) -> Writer:
    try:
        cls = FORMATS[name]
    except KeyError:
        raise UsageError("E201", name=name, choices=", ".join(FORMATS)) from None
    return cls(stream, single)
