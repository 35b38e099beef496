"""WARC files -> Articles: HTML responses only, ids and URLs from the headers, corrupt archives."""

from __future__ import annotations

import gzip
import io

import pytest

from spinscope.ingest import IngestStats, iter_paths
from spinscope.ingest.warc import record_uuid

from .helpers import articles, kinds, page

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def _response(writer, url, body: bytes, content_type="text/html; charset=utf-8"):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)


def write_warc(path, gz: bool = True, pages: int = 2) -> list[str]:
    """A small crawl: warcinfo, a request, HTML pages, an image, a CSS file, a metadata record."""
    ids = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example.com/a", "request", payload=io.BytesIO(b""), http_headers=req))
        for i in range(pages):
            rec = _response(writer, f"https://news.example.com/{i}", page(body=f"Story number {i} tells what the city council decided on Monday evening.").encode())
            ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
            writer.write_record(rec)
        writer.write_record(_response(writer, "https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"))
        writer.write_record(_response(writer, "https://news.example.com/site.css", b"p { color: red }", "text/css"))
        win = page(body="The mayor said \u201cwe pay 5\u20ac more\u201d to the contractors this year.").encode("cp1252")
        writer.write_record(_response(writer, "https://news.example.com/w", win, "text/html; charset=windows-1252"))
        writer.write_record(writer.create_warc_record("https://news.example.com/0", "metadata", payload=io.BytesIO(b"x: y")))
    return ids


@pytest.mark.parametrize("gz", [True, False])
def test_warc_only_html_responses(tmp_path, opts, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    ids = write_warc(path, gz)
    stats = IngestStats()
    items = list(iter_paths([str(path)], opts, stats))
    assert kinds(items) == ["A", "A", "A"]
    first = items[0]
    assert first.url == "https://news.example.com/0"
    assert first.id == ids[0].strip("<>").rpartition(":")[2] and len(first.id) == 36
    assert first.outlet == "example.com"
    assert first.source == f"{path}:3"
    assert "Story number 0" in first.text
    assert "\u201cwe pay 5\u20ac more\u201d" in items[2].text
    assert stats.warc_skipped == 5  # warcinfo, request, image, CSS, metadata


def test_warc_record_uuid():
    class Headers:
        def get_header(self, name):
            return "<urn:uuid:0c1e2d3f-1111-4222-8333-944455556666>"

    class Record:
        rec_headers = Headers()

    assert record_uuid(Record()) == "0c1e2d3f-1111-4222-8333-944455556666"


def test_warc_truncated_gzip_keeps_earlier_records(tmp_path, opts):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, gz=True, pages=30)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_paths([str(path)], opts))
    good = articles(items)
    assert len(good) >= 5 and kinds(items)[-1] == "E111"
    assert [a.url for a in good] == [f"https://news.example.com/{i}" for i in range(len(good))]


def test_warc_garbage_file(tmp_path, opts):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a WARC file at all\n" * 10)
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E111" and "junk.warc" in str(err)


def test_warc_record_over_max_bytes(tmp_path):
    from spinscope.options import Options

    path = tmp_path / "big.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(_response(writer, "https://x.org/big", page(body="word " * 2000).encode()))
        writer.write_record(_response(writer, "https://x.org/small", page().encode()))
    items = list(iter_paths([str(path)], Options(max_bytes=5000, keep_boilerplate=True)))
    assert kinds(items) == ["E103", "A"] and items[1].url == "https://x.org/small"


def test_warc_empty_gzip_member(tmp_path, opts):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b""))
    assert list(iter_paths([str(path)], opts)) == []


def test_warc_response_without_target_uri_is_an_input_error(tmp_path, opts):
    """warcio raises AttributeError on a response record with no WARC-Target-URI (a header cut short)."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    record = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"
    path = tmp_path / "cut.warc"
    path.write_bytes(record)
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E111" and "cut.warc" in str(err)
