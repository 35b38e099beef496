"""Record files (JSONL, CSV) -> one Article per record, streamed.

A record takes its text from the first present, non-empty field of ``text``,
``html`` and ``content`` (or from ``Options.text_field`` alone when set), and
its metadata from ``id``, ``title``, ``url``, ``outlet``, ``published`` and ``language``.
``html`` (and ``content`` that looks like HTML) goes through HTML extraction.
A record's ``source`` is ``file.jsonl:LINE`` (1-based line) or ``file.csv:ROW``
(the row as a spreadsheet numbers it: the header is row 1).

Files are read line by line (JSONL) or row by row (CSV), never whole: a file
of a million records streams in constant memory.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from spinscope.errors import InputError
from spinscope.ingest import LONE_SURROGATES
from spinscope.ingest.decode import BOMS, check_binary, decode, detect_encoding, format_size, gzip_detail, is_gzip_name, too_big
from spinscope.model import Article
from spinscope.options import Options

TEXT_FIELDS = ("text", "html", "content")
META_FIELDS = ("id", "title", "url", "outlet", "published", "language")
SAMPLE_BYTES = 1 << 16
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false", type(None): "null"}
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


def article_from_record(record: dict, *, options: Options, source: str | None = None) -> Article:
    """One record dict -> Article; raises E108 (no text field) or E113 (text field empty)."""
    from spinscope.ingest import article_from_text, looks_like_html
    from spinscope.ingest.html import article_from_html

    field, text = pick_text(record, options, source)
    meta = {name: _as_str(record.get(name)) for name in META_FIELDS}
    if field == "html" or (field != "text" and looks_like_html(text)):
        return article_from_html(text, options=options, source=source, **meta)
    return article_from_text(text, options=options, source=source, **meta)


def text_fields(options: Options) -> tuple[str, ...]:
    return (options.text_field,) if options.text_field else TEXT_FIELDS


def pick_text(record: dict, options: Options, source: str | None) -> tuple[str, str]:
    """The field a record's text comes from and that text."""
    fields = text_fields(options)
    present = [f for f in fields if f in record]
    if not present:
        raise InputError("E108", source, fields=", ".join(fields))
    where = _as_str(record.get("id")) or (source or "").rpartition(":")[2] or "?"
    for field in present:
        text = _as_text(record[field])
        if text is None:
            raise InputError("E118", source, where=where, field=field, kind=_kind(record[field]))
        if text.strip():
            return field, text
    raise InputError("E113", source, where=where, field=present[0])


def _as_text(value) -> str | None:
    """A text field's text: a string, or a list of strings (paragraphs); null is empty; anything else None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return None if any(p is None for p in parts) else "\n\n".join(parts)
    return None


def _kind(value) -> str:
    if isinstance(value, list):
        return "a list that holds more than strings"
    return {bool: "true or false", int: "a number", float: "a number", dict: "an object"}.get(type(value), type(value).__name__)


def _as_str(value) -> str | None:
    """Metadata as a string (ids and years are often numbers); empty -> None; lone surrogates replaced."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = LONE_SURROGATES.sub("\ufffd", str(value)).strip()
    return text or None


def open_binary(path: str) -> BinaryIO:
    """The file's bytes, decompressed on the fly when the name ends in ``.gz``."""
    return gzip.open(path, "rb") if is_gzip_name(path) else open(path, "rb")


# ---------------------------------------------------------------- JSONL


def iter_jsonl(path: str, options: Options, stats=None) -> Iterator[Article | InputError]:
    """One Article or InputError per non-blank line, in order; a gzip error ends the file with E112."""
    with open_binary(path) as raw:
        try:
            stream = _utf8_lines(raw)
            for number, line in _lines(stream, options.max_bytes):
                source = f"{path}:{number}"
                if line is None:
                    yield too_big(f"line {number} (more than {format_size(options.max_bytes)})", options.max_bytes, source)
                elif line.strip():
                    yield _guard_line(line, number, options, source)
        except GZIP_ERRORS as exc:
            yield InputError("E112", path, detail=gzip_detail(exc))


class _Reencoded:
    """A UTF-16/32 text stream read line by line as UTF-8 bytes, as the JSONL reader reads any file."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self.text = text

    def readline(self, size: int = -1) -> bytes:
        return self.text.readline(size).encode("utf-8")


def _utf8_lines(buffered: BinaryIO):
    """The stream itself, or a re-encoding view of it when it starts with a UTF-16 or UTF-32 byte-order mark."""
    head = buffered.peek(4)[:4] if hasattr(buffered, "peek") else b""  # files and gzip streams can peek
    for bom, encoding in BOMS:
        if encoding != "utf-8-sig" and head.startswith(bom):
            return _Reencoded(io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline=""))
    return buffered


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) pairs; a line over ``max_bytes`` comes as None and is skipped unread."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            line = None
        yield number, line


def _guard_line(line: bytes, number: int, options: Options, source: str) -> Article | InputError:
    try:
        return article_from_record(parse_line(line, number, source), options=options, source=source)
    except InputError as exc:
        return exc


def parse_line(line: bytes, number: int, source: str) -> dict:
    """One JSONL line -> a dict; E106 for malformed JSON, E107 for JSON that is not an object."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = decode(line, source, prose=False)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("E106", source, line=number, detail=f"{exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError("E107", source, line=number, kind=JSON_KINDS.get(type(record), type(record).__name__))
    return record


# ---------------------------------------------------------------- CSV


def iter_csv(path: str, options: Options, stats=None) -> Iterator[Article | InputError]:
    """One Article or InputError per row; a file without a text column is one E108."""
    _raise_field_limit(options.max_bytes)
    with open_binary(path) as raw:
        buffered = io.BufferedReader(raw, SAMPLE_BYTES)
        try:
            encoding = sniff_encoding(buffered.peek(SAMPLE_BYTES)[:SAMPLE_BYTES], path)
        except InputError as exc:
            yield exc
            return
        except GZIP_ERRORS as exc:
            yield InputError("E112", path, detail=gzip_detail(exc))
            return
        text = io.TextIOWrapper(buffered, encoding=encoding, newline="")
        # strict: an unterminated quote is an error (E109), not the rest of the file swallowed into one field
        yield from _rows(csv.DictReader(text, strict=True), path, options)


def _rows(reader: csv.DictReader, path: str, options: Options) -> Iterator[Article | InputError]:
    row = 1
    try:
        if reader.fieldnames is None:
            yield InputError("E102", path)
        elif not has_text_column(reader.fieldnames, options):
            yield InputError("E108", path, fields=", ".join(text_fields(options)))
        else:
            for row, record in enumerate(reader, start=2):
                yield _guard_row(record, options, f"{path}:{row}")
    except csv.Error as exc:
        yield _csv_error(exc, path, row + 1, options)
    except UnicodeDecodeError as exc:
        yield InputError("E104", f"{path}:{row + 1}", detail=f"{exc.encoding}: {exc.reason}")
    except GZIP_ERRORS as exc:
        yield InputError("E112", path, detail=gzip_detail(exc))


def has_text_column(fieldnames: list[str], options: Options) -> bool:
    names = {name.strip() for name in fieldnames if name}
    return any(field in names for field in text_fields(options))


def _guard_row(record: dict, options: Options, source: str) -> Article | InputError:
    record = {(k or "").strip(): v for k, v in record.items() if isinstance(v, str)}
    size = sum(len(v) for v in record.values())
    if size > options.max_bytes:  # characters: a lower bound on the bytes
        return too_big(f"the row ({format_size(size)} or more)", options.max_bytes, source)
    try:
        return article_from_record(record, options=options, source=source)
    except InputError as exc:
        return exc


def _csv_error(exc: csv.Error, path: str, row: int, options: Options) -> InputError:
    if "field larger than field limit" in str(exc):
        return too_big(f"a field (more than {format_size(options.max_bytes)})", options.max_bytes, f"{path}:{row}")
    return InputError("E109", f"{path}:{row}", detail=str(exc))


def _raise_field_limit(max_bytes: int) -> None:
    """Let a CSV field be as long as a document may be (the csv module's default is 128 KB)."""
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)


def sniff_encoding(sample: bytes, source: str) -> str:
    """The encoding of a record file, from its first bytes: BOM, UTF-8, else detected."""
    for bom, encoding in BOMS:
        if sample.startswith(bom):
            return encoding
    if not sample.strip():
        raise InputError("E102", source)
    utf16 = check_binary(sample, source)
    if utf16:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(sample)
    if encoding is None:
        raise InputError("E101", source, detail="no text encoding fits the bytes")
    return encoding
