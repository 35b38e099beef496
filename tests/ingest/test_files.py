"""Paths -> documents: single files, gzip, stdin, folders, limits, bad input."""

from __future__ import annotations

import gzip
import io
import os
import sys
import time

import pytest

from spinscope.ingest import IngestStats, iter_paths, single_document
from spinscope.ingest.files import document_id, kind_of
from spinscope.model import Article
from spinscope.options import Options

from .helpers import articles, kinds, page


def one(path, options) -> Article:
    (item,) = list(iter_paths([str(path)], options))
    if not isinstance(item, Article):
        raise AssertionError(f"expected an Article, got {item!r}")
    return item


def test_files_text_file_id_title_and_newlines(tmp_path, opts):
    path = tmp_path / "article123.txt"
    path.write_bytes(b"Storm hits the coast\r\n\r\nWinds reached 150 km/h.\rPower is out.\n")
    article = one(path, opts)
    assert article.id == "article123"
    assert article.title == "Storm hits the coast"
    assert article.text == "Storm hits the coast\n\nWinds reached 150 km/h.\nPower is out.\n"
    assert article.source == str(path)


def test_files_text_offsets_match_python_open(tmp_path, opts):
    text = "Title\n\nFirst \u201cline\u201d.\r\nSecond line.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    with open(path, encoding="utf-8") as fh:
        assert one(path, opts).text == fh.read()


def test_files_cp1252_text_file(tmp_path, opts):
    text = "Prices \u201csoar\u201d to 5\u20ac a litre.\n"
    path = tmp_path / "w.txt"
    path.write_bytes(text.encode("cp1252"))
    assert one(path, opts).text == text


def test_files_html_page_in_windows_1252(tmp_path, opts):
    body = "The mayor said \u201cwe will not pay 5\u20ac more\u201d to the contractors on Monday evening."
    path = tmp_path / "w1252.html"
    path.write_bytes(page(body).encode("cp1252"))
    assert "\u201cwe will not pay 5\u20ac more\u201d" in one(path, opts).text


def test_files_html_page_in_latin1(tmp_path, opts):
    body = "Le caf\u00e9 du march\u00e9 a ferm\u00e9, sagte der B\u00fcrgermeister \u00fcber die Entscheidung am Montag."
    path = tmp_path / "latin1.htm"
    path.write_bytes(page(body).encode("latin-1"))
    text = one(path, opts).text
    assert "caf\u00e9 du march\u00e9" in text and "B\u00fcrgermeister \u00fcber" in text


def test_files_html_metadata(tmp_path, opts):
    head = '<link rel="canonical" href="https://www.example.co.uk/news/council-budget"><meta property="article:published_time" content="2024-03-05T10:00:00Z">'
    path = tmp_path / "ab12.html.gz"
    path.write_bytes(gzip.compress(page(head=head).encode()))
    article = one(path, opts)
    assert article.id == "ab12"
    assert article.title == "Council votes on budget"
    assert article.url == "https://www.example.co.uk/news/council-budget"
    assert article.outlet == "example.co.uk"
    assert article.published == "2024-03-05"
    assert "city council on Monday" in article.text
    assert "Home" not in article.text


def test_files_txt_gz(tmp_path, opts):
    path = tmp_path / "note.txt.gz"
    path.write_bytes(gzip.compress(b"Short note\n\nBody.\n"))
    article = one(path, opts)
    assert article.id == "note" and article.text == "Short note\n\nBody.\n"


@pytest.mark.parametrize("name,expected", [("article123.txt", "article123"), ("ab12.html.gz", "ab12"), ("Report.v2.HTM", "Report.v2"), ("x.jsonl.gz", "x")])
def test_files_document_id(name, expected):
    assert document_id(name) == expected


@pytest.mark.parametrize("name,kind", [("a.TXT", "text"), ("a.htm.gz", "html"), ("a.ndjson", "jsonl"), ("a.warc.gz", "warc"), ("a.csv", "csv"), ("a.pdf", None), (".txt", None), ("a.gz", None)])
def test_files_kind_of(name, kind):
    assert kind_of(name) == kind


def test_files_missing_path(tmp_path, opts):
    (err,) = list(iter_paths([str(tmp_path / "nope.txt")], opts))
    assert err.code == "E100" and "nope.txt" in str(err)


def test_files_unsupported_file_named_explicitly(tmp_path, opts):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E110" and "'.pdf'" in str(err) and "scan.pdf" in str(err)


def test_files_png_renamed_txt(tmp_path, opts):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + os.urandom(512))
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E101" and "image.txt" in str(err)


def test_files_random_binary_txt(tmp_path, opts):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 8)
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E101"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"])
def test_files_empty_and_whitespace(tmp_path, opts, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E102" and "blank.txt" in str(err)


def test_files_50mb_html_refused_fast(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: created instantly, never read
    start = time.perf_counter()
    (err,) = list(iter_paths([str(path)], Options()))
    assert time.perf_counter() - start < 1.0
    assert err.code == "E103"
    assert "50.0 MB is over the 20.0 MB limit" in str(err) and "huge.html" in str(err)


def test_files_max_bytes_option(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("x" * 2000)
    (err,) = list(iter_paths([str(path)], Options(max_bytes=1000)))
    assert err.code == "E103"


def test_files_max_chars_option(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 400)
    (err,) = list(iter_paths([str(path)], Options(max_chars=1000, keep_boilerplate=True)))
    assert err.code == "E114"


def test_files_folder_mixed_good_and_bad_sorted(tmp_path, opts):
    (tmp_path / "b.txt").write_text("Bravo\n\nSecond file.\n")
    (tmp_path / "a.txt").write_text("Alpha\n\nFirst file.\n")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 whatever")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nnot read\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.html").write_text(page())
    (sub / "e.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Not an article\n")
    stats = IngestStats()
    items = list(iter_paths([str(tmp_path)], opts, stats))
    assert kinds(items) == ["A", "A", "E102", "A", "E101"]
    assert [a.id for a in articles(items)] == ["a", "b", "d"]
    assert stats.files_skipped == 2  # notes.pdf and .hidden.txt


def test_files_iter_paths_is_lazy(tmp_path, opts):
    (tmp_path / "a.txt").write_text("Alpha\n\nFirst.\n")
    gen = iter_paths([str(tmp_path / "a.txt"), str(tmp_path / "later.txt")], opts)
    assert isinstance(next(gen), Article)
    (tmp_path / "later.txt").write_text("Later\n\nWritten after the first was read.\n")
    assert next(gen).title == "Later"


def test_files_several_paths_keep_order(tmp_path, opts):
    (tmp_path / "a.txt").write_text("Alpha\n\nText.\n")
    items = list(iter_paths([str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")], opts))
    assert kinds(items) == ["E100", "A"]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_files_stdin_text(monkeypatch, opts):
    _stdin(monkeypatch, b"Headline from a pipe\n\nBody text.\n")
    (article,) = list(iter_paths(["-"], opts))
    assert article.title == "Headline from a pipe"
    assert article.id == article.content_id()
    assert article.source == "<stdin>"


def test_files_stdin_html_sniffed(monkeypatch, opts):
    _stdin(monkeypatch, page().encode("utf-8"))
    (article,) = list(iter_paths(["-"], opts))
    assert article.title == "Council votes on budget" and "<p>" not in article.text


def test_files_stdin_gzip_and_cp1252(monkeypatch, opts):
    text = "Costs \u201crise\u201d by 5\u20ac\n"
    _stdin(monkeypatch, gzip.compress(text.encode("cp1252")))
    (article,) = list(iter_paths(["-"], opts))
    assert article.text == text


def test_files_stdin_too_big(monkeypatch):
    _stdin(monkeypatch, b"x" * 5000)
    (err,) = list(iter_paths(["-"], Options(max_bytes=1000)))
    assert err.code == "E103" and "<stdin>" in str(err)


def test_files_stdin_empty(monkeypatch, opts):
    _stdin(monkeypatch, b"")
    (err,) = list(iter_paths(["-"], opts))
    assert err.code == "E102"


def test_files_single_document(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    assert single_document(["-"])
    assert single_document([str(tmp_path / "a.txt")])
    assert single_document(["page.html.gz"])
    assert not single_document([str(tmp_path)])
    assert not single_document(["a.jsonl"])
    assert not single_document(["a.txt", "b.txt"])
    assert not single_document([])


def test_files_unreadable_file(tmp_path, opts, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "locked.txt"
    path.write_text("secret")
    monkeypatch.setattr("spinscope.ingest.files.read_file", denied)
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E116" and "Permission denied" in str(err) and "locked.txt" in str(err)
