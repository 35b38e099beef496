"""Paths -> documents: walk folders, dispatch each file by its suffix, read stdin.

:func:`iter_paths` yields an :class:`Article` or an :class:`InputError` for
every document, in order and lazily, and never raises for a bad document, so
that one broken file cannot stop a batch of thousands.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spinscope.errors import InputError
from spinscope.formats import RECORD_READERS, SINGLE_KINDS, describe_inputs, input_kinds, load
from spinscope.ingest.decode import decode, read_file, read_limited
from spinscope.model import Article
from spinscope.options import Options

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_SOURCE = "<stdin>"

KINDS = input_kinds()  # suffix -> kind, gzipped ones too, longest first (spinscope.formats is the list)


@dataclass
class IngestStats:
    """What a run of :func:`iter_paths` passed over without an error, for the CLI's summary."""

    warc_skipped: int = 0  # WARC records that are not HTML responses (requests, metadata, images, ...)
    files_skipped: int = 0  # unsupported or hidden files inside folders


def kind_of(path: str) -> str | None:
    """``text``, ``html``, ``jsonl``, ``csv`` or ``warc`` by the file name's suffix; None if unsupported."""
    name = os.path.basename(path).lower()
    for suffix, kind in KINDS.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    return None


def document_id(path: str) -> str:
    """The file name without its known extensions: ``ab12.html.gz`` -> ``ab12``."""
    name = os.path.basename(path)
    lower = name.lower()
    for suffix in KINDS:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def single_document(paths: Iterable[str | os.PathLike]) -> bool:
    """True when the call names exactly one text/HTML file or ``-``: one article, not a batch."""
    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if len(paths) != 1:
        return False
    path = paths[0]
    return path == STDIN or (not os.path.isdir(path) and kind_of(path) in SINGLE_KINDS)


def iter_paths(paths: Iterable[str | os.PathLike], options: Options, stats: IngestStats | None = None) -> Iterator[Article | InputError]:
    """Every document under ``paths`` (files, folders, ``-``), as an Article or the InputError that stopped it."""
    stats = stats if stats is not None else IngestStats()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in map(os.fspath, paths):
        if path == STDIN:
            yield _guard(read_stdin, options, source=STDIN_SOURCE)
        elif os.path.isdir(path):
            yield from iter_folder(path, options, stats)
        elif not os.path.exists(path):
            yield InputError("E100", path)
        elif kind_of(path) is None:
            yield InputError("E110", path, suffix=_suffix(path), supported=describe_inputs())
        else:
            yield from iter_file(path, options, stats)


def iter_folder(folder: str, options: Options, stats: IngestStats) -> Iterator[Article | InputError]:
    """Every supported file under a folder, recursively, in sorted order; others are skipped quietly."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.startswith(".") or kind_of(name) is None:
                stats.files_skipped += 1
                continue
            yield from iter_file(path, options, stats)


def iter_file(path: str, options: Options, stats: IngestStats) -> Iterator[Article | InputError]:
    """One file: a single article (text, HTML) or the records in it (JSONL, CSV, WARC)."""
    kind = kind_of(path)
    if kind in SINGLE_KINDS:
        yield _guard(read_document, path, kind, options, source=path)
        return
    try:
        yield from load(RECORD_READERS[kind])(path, options, stats)
    except OSError as exc:  # unreadable file or folder: permissions, a vanished file
        yield InputError("E116", path, detail=exc.strerror or str(exc))


def read_document(path: str, kind: str, options: Options) -> Article:
    """A ``.txt`` or ``.html`` file (optionally gzipped) -> one Article, its id the file name."""
    data = read_file(path, options.max_bytes, path)
    text = decode(data, path, html=kind == "html")
    return _to_article(text, kind == "html", options, source=path, id=document_id(path))


def read_stdin(options: Options) -> Article:
    """Standard input -> one Article; text or HTML is sniffed, gzip is decompressed."""
    return read_bytes(read_limited(sys.stdin.buffer, options.max_bytes, STDIN_SOURCE), None, options, source=STDIN_SOURCE)


def read_bytes(data: bytes, name: str | None, options: Options, *, source: str, id: str | None = None) -> Article:
    """One document's bytes -> one Article, read as a file of that ``name`` would be (stdin, an upload).

    See :func:`decode_bytes`."""
    text, html = decode_bytes(data, name, options.max_bytes, source=source)
    return _to_article(text, html, options, source=source, id=id)


def decode_bytes(data: bytes, name: str | None, max_bytes: int, *, source: str) -> tuple[str, bool]:
    """One document's bytes -> ``(text, is_html)``, as a file of that ``name`` would be read.

    A name with a single-article suffix (``.txt``, ``.html``, ``.xhtml``, ... also gzipped) says
    how to read it; without one (stdin, an upload named ``paste``), gzip is decompressed and text
    or HTML is sniffed.  A record file (JSONL, CSV, WARC) holds many articles: :class:`InputError`
    E119, since this reads one.
    """
    kind = kind_of(name) if name else None
    if kind is not None and kind not in SINGLE_KINDS:
        raise InputError("E119", source, kind=kind)
    if data[:2] == b"\x1f\x8b":
        data = read_limited(gzip.GzipFile(fileobj=io.BytesIO(data)), max_bytes, source)
    from spinscope.ingest import looks_like_html

    if kind is not None:
        return decode(data, source, html=kind == "html"), kind == "html"
    text = decode(data, source, html=looks_like_html(data[:4096].decode("latin-1")))
    return text, looks_like_html(text)


def _to_article(text: str, html: bool, options: Options, *, source: str, id: str | None) -> Article:
    from spinscope.ingest import article_from_text
    from spinscope.ingest.html import article_from_html

    make = article_from_html if html else article_from_text
    return make(text, options=options, source=source, id=id)


def _guard(read, *args, source: str) -> Article | InputError:
    """Run one reader, turning any failure to read into an InputError for ``source``."""
    try:
        return read(*args)
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError("E116", source, detail=exc.strerror or str(exc))


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1] or "(none)"
