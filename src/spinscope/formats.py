"""The input and output formats, as plain data: the one list the CLI help, the API, the errors and the docs read.

The readers live in :mod:`spinscope.ingest` (one per input kind) and the
writers in :mod:`spinscope.outputs` (one per output name); tests check that
both cover exactly these tables.  Adding an input format is a line here and
its reader; adding an output format is a line here and its writer.
"""

from __future__ import annotations

# A file's suffix -> the kind of input it holds; each is also read gzipped (``GZIP`` after it).
INPUT_SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
}
GZIP = ".gz"
# Kinds that hold one article per file (the others hold records).
SINGLE_KINDS = frozenset({"text", "html"})

# Output name -> what a file in it holds.
OUTPUT_FORMATS = {
    "json": "one analysis (a list of them for a batch)",
    "jsonl": "one analysis per line",
    "csv": "one row per span, with the article's id, source, outlet, title and date",
    "html": "a report to read in a browser, spans highlighted",
    "semeval-si": "SemEval-2020 Task 11 span identification lines (ID, start, end)",
    "semeval-tc": "SemEval-2020 Task 11 technique classification lines (ID, technique, start, end)",
}
# Formats whose offsets must refer to the input file exactly as read: no boilerplate removal.
VERBATIM_FORMATS = frozenset({"semeval-si", "semeval-tc"})


def input_kinds() -> dict[str, str]:
    """Every suffix read, gzipped ones included, longest first (so ``.html.gz`` is not read as ``.gz``)."""
    found = {suffix + GZIP: kind for suffix, kind in INPUT_SUFFIXES.items()} | INPUT_SUFFIXES
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def describe_inputs() -> str:
    """``.txt, .html, ... or .warc (each also .gz)``, for messages and help."""
    names = list(INPUT_SUFFIXES)
    return f"{', '.join(names[:-1])} or {names[-1]} (each also {GZIP})"


def describe_outputs() -> str:
    """``json | jsonl | ...``, for help."""
    return " | ".join(OUTPUT_FORMATS)
