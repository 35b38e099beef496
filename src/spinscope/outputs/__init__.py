"""Renderers: Analysis -> JSON, JSONL, CSV, SemEval TSV.  They never compute, only write."""

from spinscope.outputs.writers import FORMATS, Writer, make_writer

__all__ = ["FORMATS", "Writer", "make_writer"]
