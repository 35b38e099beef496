"""WARC files (``.warc``, ``.warc.gz``) -> one Article per HTML response record.

Requests, metadata, images, scripts and every other record that is not an
HTML response are not articles: they are skipped without an error and
counted in :class:`~spinscope.ingest.files.IngestStats`, so that a summary can
say how many were passed over.  A corrupt or truncated archive ends with one
E111 after the records read before the damage.
"""

from __future__ import annotations

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

    skipped, number = 0, 0
    with open(path, "rb") as fh:
        try:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if not is_html_response(record):
                    skipped += 1
                    continue
                yield _guard(record, options, f"{path}:{number}")
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            yield InputError("E111", path, detail=f"after record {number}: {_detail(exc)}")
    stats.warc_skipped += skipped
    if skipped:
        log.info("%s: ignored %d non-HTML WARC records", path, skipped)


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
    html = decode(data, source, html=True, hint=http_charset(record))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return article_from_html(html, url=url, options=options, source=source, id=record_uuid(record))


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
