"""WARC files (``.warc``, ``.warc.gz``) -> one Article per HTML response record.

Requests, metadata, images, scripts and every other record that is not an
HTML response are not articles: they are skipped without an error and
counted in :class:`~spinscope.ingest.files.IngestStats`, so that a summary can
say how many were passed over.  A corrupt or truncated archive ends with one
E111 after the records read before the damage.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator

from spinscope.errors import InputError
from spinscope.ingest.decode import decode, read_limited, too_big
from spinscope.model import Article
from spinscope.options import Options

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(path: str, options: Options, stats) -> Iterator[Article | InputError]:
    """Every HTML response in a WARC file, in order; ``source`` is ``file.warc.gz:N`` (N-th record)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    problem = not_a_warc(path)
    if problem:
        yield InputError("E111", path, detail=problem)
        return
    skipped, number, record = 0, 0, None
    with open(path, "rb") as fh:
        try:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if not is_html_response(record):
                    skipped += 1
                    continue
                yield _guard(record, options, f"{path}:{number}")
            if record is not None and is_truncated(record):
                raise EOFError
        except EOFError as exc:  # the file ends inside record `number`
            yield InputError("E111", path, detail=f"record {number}: {_detail(exc)}")
        # record `number + 1` cannot be read; warcio raises the second group on a header cut short or garbled
        except (ArchiveLoadFailed, zlib.error, OSError, ValueError, AttributeError, KeyError, IndexError, TypeError) as exc:
            yield InputError("E111", path, detail=f"record {number + 1}: {_detail(exc)}")
    stats.warc_skipped += skipped
    if skipped:
        log.info("%s: ignored %d non-HTML WARC records", path, skipped)


def not_a_warc(path: str) -> str | None:
    """Why the file cannot be a WARC file (it must begin with ``WARC/``), or None."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            start = (gzip.GzipFile(fileobj=fh) if head == b"\x1f\x8b" else fh).read(5)
    except (OSError, EOFError, zlib.error) as exc:
        return _detail(exc)
    if start and start != b"WARC/":
        return "it does not begin with a WARC/1.x header"
    return None


def is_truncated(record) -> bool:
    """True when the file ended before the record's declared Content-Length."""
    return getattr(record.raw_stream, "limit", 0) > 0


def is_html_response(record) -> bool:
    """A ``response`` record whose HTTP Content-Type is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in HTML_TYPES)


def _guard(record, options: Options, source: str) -> Article | InputError:
    try:
        return article_from_record(record, options, source)
    except InputError as exc:
        return exc


def article_from_record(record, options: Options, source: str) -> Article:
    """One HTML response -> Article: id from WARC-Record-ID, url from WARC-Target-URI."""
    from spinscope.ingest.html import article_from_html

    length = int(record.rec_headers.get_header("Content-Length") or 0)
    if length > options.max_bytes:
        raise too_big(length, options.max_bytes, source)
    data = read_limited(record.content_stream(), options.max_bytes, source)
    if is_truncated(record):
        raise EOFError  # the archive ends inside this record: reported once, by iter_warc
    html = decode(data, source, html=True, hint=http_charset(record))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return article_from_html(html, url=url, options=options, source=source, id=record_uuid(record), given_by="warc")


def record_uuid(record) -> str | None:
    """``<urn:uuid:0c1e...>`` -> ``0c1e...``."""
    value = record.rec_headers.get_header("WARC-Record-ID") or ""
    value = value.strip().strip("<>")
    return value.rpartition(":")[2] or None


def http_charset(record) -> str | None:
    """The charset named in the response's Content-Type header, if any."""
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip() or None
    return None


def _detail(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the file is truncated"
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]
