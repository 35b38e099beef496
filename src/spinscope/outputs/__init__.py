"""Renderers: Analysis -> JSON, JSONL, CSV, SemEval TSV.  They never compute, only write."""

from spinscope.outputs.base import Writer
from spinscope.outputs.formats import FORMATS, make_writer

__all__ = ["FORMATS", "Writer", "make_writer"]
