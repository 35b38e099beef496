"""Hypothesis strategies for hostile documents, shared by the CI fuzz test and ``benchmarks/fuzz.py``.

Each strategy draws ``(suffix, bytes)``: a file name ending and its content.
``DOCS`` is bounded for CI; ``BIG_DOCS`` adds 1 MB single lines and huge
attributes for the longer benchmark run.
"""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import strategies as st

NASTY = st.sampled_from(
    [
        "\u200b",
        "\u200d",
        "\u202e",
        "\u202d",
        "\u2066",
        "\u2069",
        "\ufeff",
        "\x00",
        "\x1b",
        "\r",
        "\r\n",
        "\u2028",
        "é",
        "e\u0301",
        "😀",
        "👍🏽",
        "🇺🇸",
        "<",
        ">",
        "&amp;",
        "&#0;",
        "&#x110000;",
        '"',
        "“",
        "”",
        "\t",
        " ",
        "\ud800",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=40).map("".join)
WORDS = st.lists(st.sampled_from(["Kyiv", "said", "the", "Reuters", "40", "traitors", "Putin", "war", ".", "“", "”", "according", "to"]), max_size=30).map(" ".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "shift_jis"])


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "replace") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")


def _mixed(parts: list[tuple[str, str]]) -> bytes:
    """Pieces of one file in different encodings (a common scraping accident)."""
    return b"".join(_encode(t, e) for t, e in parts)


def _html(depth: int, body: str, attr: str, close: bool) -> str:
    tail = "</div>" * depth if close else "</div>" * (depth // 2)
    return "<html><head><title>" + body[:30] + "</title></head><body>" + "<div>" * depth + f'<p title="{attr}" onload="{attr[:20]}">{body}</p>' + tail + "<script>x</script>"


def _jsonl(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def _csv(rows: list[str]) -> bytes:
    return ("id,text,url\n" + "\n".join(f'{i},"{r}",http://x/{i}' for i, r in enumerate(rows))).encode("utf-8", "surrogatepass")


def _warc(body: bytes, truncate: int | None) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    block = head + body
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: " + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"
    )
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as gz:
        gz.write(record)
    data = out.getvalue()
    return data[:truncate] if truncate else data


TEXT_DOCS = st.one_of(
    st.binary(max_size=300),
    st.builds(_encode, st.one_of(TEXT, WORDS), ENCODINGS),
    st.lists(st.tuples(st.one_of(TEXT, WORDS), ENCODINGS), max_size=4).map(_mixed),
)
HTML_DOCS = st.builds(_html, st.integers(0, 300), st.one_of(TEXT, WORDS), st.text(max_size=2000), st.booleans()).map(lambda h: h.encode("utf-8", "surrogatepass"))
JSONL_DOCS = st.lists(
    st.one_of(
        st.builds(lambda t: json.dumps({"id": "x", "text": t}), st.one_of(TEXT, WORDS)),
        st.builds(lambda h: json.dumps({"html": h}), HTML_DOCS.map(lambda b: b.decode("utf-8", "replace"))),
        st.builds(lambda t: json.dumps({"text": t}, ensure_ascii=False)[: max(1, len(t) // 2)], TEXT),  # cut-off line
        TEXT,
    ),
    max_size=4,
).map(_jsonl)
CSV_DOCS = st.lists(st.one_of(WORDS, TEXT), max_size=4).map(_csv)
WARC_DOCS = st.builds(_warc, HTML_DOCS, st.one_of(st.none(), st.integers(1, 400)))

DOCS = st.one_of(
    st.tuples(st.just(".txt"), TEXT_DOCS),
    st.tuples(st.just(".html"), HTML_DOCS),
    st.tuples(st.just(".jsonl"), JSONL_DOCS),
    st.tuples(st.just(".csv"), CSV_DOCS),
    st.tuples(st.just(".warc.gz"), WARC_DOCS),
)

MEGABYTE = 1_000_000
_BIG = st.one_of(
    st.tuples(st.just(".txt"), st.builds(lambda w, n: ((w + " ") * n)[:MEGABYTE].encode("utf-8", "surrogatepass"), WORDS.filter(bool), st.just(MEGABYTE))),
    st.tuples(
        st.just(".html"),
        st.builds(lambda a, b: f'<html><body><p data-x="{a * (MEGABYTE // max(len(a), 1))}">{b}</p></body></html>'.encode("utf-8", "surrogatepass"), st.text(min_size=1, max_size=5), WORDS),
    ),
    st.tuples(st.just(".jsonl"), st.builds(lambda w: json.dumps({"text": (w + " ") * (MEGABYTE // (len(w) + 1))}).encode(), WORDS.filter(bool))),
    st.tuples(st.just(".html"), st.integers(1000, 20000).map(lambda d: ("<html><body>" + "<b>" * d + "deep" + "</b>" * d + "</body></html>").encode())),
)
BIG_DOCS = st.integers(0, 19).flatmap(lambda i: _BIG if i == 0 else DOCS)  # one draw in 20 is a big one


def check(path, detectors=None) -> tuple[int, int]:
    """Run one file through ingest and the pipeline; ``(analyses, input errors)``.

    Raises AssertionError when a span lies outside ``text`` or anything but
    the project's own input error comes out.
    """
    from spinscope.engine import analyze_stream
    from spinscope.errors import InputError
    from spinscope.failures import Failure
    from spinscope.ingest import iter_paths
    from spinscope.model import Analysis
    from spinscope.options import Options

    analyses = errors = 0
    for result in analyze_stream(iter_paths([str(path)], Options()), detectors=detectors):
        if isinstance(result, Failure):
            assert isinstance(result.error, InputError), repr(result.error)
            errors += 1
            continue
        assert isinstance(result, Analysis) and result.text.strip()
        for span in result.spans:
            assert 0 <= span.start < span.end <= len(result.text), span
        analyses += 1
    return analyses, errors
