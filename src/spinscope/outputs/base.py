"""Streaming writers: each analysis is written and flushed as soon as it is made.

A run that fails or is interrupted part-way keeps everything written before;
``close`` finishes the document (e.g. the closing bracket of a JSON list).
"""

from __future__ import annotations

from typing import IO, ClassVar

from spinscope.model import Analysis


class Writer:
    """Base writer: ``write`` one analysis at a time, then ``close``."""

    name: ClassVar[str] = ""

    def __init__(self, stream: IO[str], single: bool = False) -> None:
        self.stream = stream
        self.single = single
        self.count = 0

    def write(self, analysis: Analysis) -> None:
        self._write(analysis)
        self.count += 1
        self.stream.flush()

    def _write(self, analysis: Analysis) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()
