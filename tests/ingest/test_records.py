"""JSONL and CSV records -> Articles: fields, metadata, sources, bad lines, streaming."""

from __future__ import annotations

import csv
import gzip
import json

import pytest

from spinscope.errors import InputError
from spinscope.ingest import from_record, iter_paths
from spinscope.ingest.records import iter_jsonl
from spinscope.options import Options

from .helpers import articles, errors, kinds, page


def write_jsonl(path, lines) -> str:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), encoding="utf-8")
    return str(path)


def test_records_jsonl_broken_line_among_good_ones(tmp_path, opts):
    path = write_jsonl(tmp_path / "batch.jsonl", [{"id": "a", "text": "First story."}, '{"id": "b", "text": "unterminated', {"id": "c", "text": "Third story."}])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["A", "E106", "A"]
    assert items[1].source == f"{path}:2" and "line 2" in str(items[1])
    assert [a.source for a in articles(items)] == [f"{path}:1", f"{path}:3"]


@pytest.mark.parametrize("line,kind", [("[1, 2]", "an array"), ('"just text"', "a string"), ("42", "a number"), ("null", "null")])
def test_records_jsonl_line_not_an_object(tmp_path, opts, line, kind):
    path = write_jsonl(tmp_path / "x.jsonl", [{"text": "Fine."}, line])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["A", "E107"]
    assert kind in str(items[1]) and "line 2" in str(items[1])


def test_records_jsonl_blank_lines_skipped_but_counted(tmp_path, opts):
    path = tmp_path / "gaps.ndjson"
    path.write_text('{"text": "One."}\n\n   \n{"text": "Two."}\n')
    items = list(iter_paths([str(path)], opts))
    assert [a.source for a in items] == [f"{path}:1", f"{path}:4"]


@pytest.mark.parametrize("value,kind", [({"body": "x"}, "an object"), (True, "true or false"), (3.5, "a number"), (["a", 1], "a list")])
def test_records_text_that_is_not_text_is_skipped_with_its_kind(tmp_path, opts, value, kind):
    path = write_jsonl(tmp_path / "types.jsonl", [{"id": "x", "text": value}, {"id": "y", "text": "Fine."}])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["E118", "A"]
    assert kind in str(items[0]) and "'text'" in str(items[0])


def test_records_null_text_is_empty_and_falls_through_to_the_next_field(tmp_path, opts):
    assert from_record({"text": None, "content": "From content."}, options=opts).text == "From content."
    path = write_jsonl(tmp_path / "null.jsonl", [{"id": "n", "text": None}])
    (error,) = list(iter_paths([path], opts))
    assert error.code == "E113"
    assert from_record({"text": ["Para one.", "Para two."]}, options=opts).text == "Para one.\n\nPara two."


def test_records_text_field_order(opts):
    assert from_record({"text": "From text.", "content": "From content."}, options=opts).text == "From text."
    assert from_record({"text": "  ", "content": "From content."}, options=opts).text == "From content."
    html = from_record({"html": page(), "content": "ignored"}, options=opts)
    assert "city council on Monday" in html.text and html.title == "Council votes on budget"


def test_records_content_that_looks_like_html_is_extracted(opts):
    article = from_record({"content": page()}, options=opts)
    assert "<p>" not in article.text and "city council" in article.text


def test_records_text_field_is_never_html_sniffed(opts):
    article = from_record({"text": "<p>Tags are <b>literal</b> here.</p>"}, options=opts)
    assert article.text == "<p>Tags are <b>literal</b> here.</p>"


def test_records_custom_text_field(opts):
    from dataclasses import replace

    custom = replace(opts, text_field="body")
    assert from_record({"body": "The body.", "text": "Not this."}, options=custom).text == "The body."
    with pytest.raises(InputError) as err:
        from_record({"text": "Only text."}, options=custom)
    assert err.value.code == "E108" and "body" in str(err.value)


def test_records_metadata_coerced_to_strings(opts):
    article = from_record({"id": 123, "text": "Body.", "title": "T", "url": "https://x.org/a", "outlet": "X", "published": 2024}, options=opts)
    assert (article.id, article.title, article.url, article.outlet, article.published) == ("123", "T", "https://x.org/a", "X", "2024")


def test_records_without_id_get_content_hash(opts):
    article = from_record({"text": "Body without id."}, options=opts)
    assert article.id == article.content_id()


def test_records_html_record_url_and_outlet(opts):
    article = from_record({"html": page(), "url": "https://www.bbc.co.uk/news/1"}, options=opts)
    assert article.url == "https://www.bbc.co.uk/news/1" and article.outlet == "bbc.co.uk"


def test_records_missing_and_empty_text_fields(tmp_path, opts):
    path = write_jsonl(tmp_path / "r.jsonl", [{"id": 1, "title": "no text"}, {"id": 2, "text": ""}, {"id": 3, "text": "ok"}])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["E108", "E113", "A"]
    assert "text, html, content" in str(items[0])


def test_records_jsonl_gz_and_bom(tmp_path, opts):
    path = tmp_path / "r.jsonl.gz"
    path.write_bytes(gzip.compress(b"\xef\xbb\xbf" + json.dumps({"text": "Caf\u00e9."}).encode() + b"\n"))
    (article,) = list(iter_paths([str(path)], opts))
    assert article.text == "Caf\u00e9."


def test_records_jsonl_line_in_cp1252(tmp_path, opts):
    path = tmp_path / "r.jsonl"
    path.write_bytes('{"text": "Prices \u201csoar\u201d to 5\u20ac."}\n'.encode("cp1252"))
    (article,) = list(iter_paths([str(path)], opts))
    assert article.text == "Prices \u201csoar\u201d to 5\u20ac."


def test_records_truncated_jsonl_gz_keeps_earlier_records(tmp_path, opts):
    lines = "".join(json.dumps({"id": i, "text": f"Story number {i} " + "filler " * 50}) + "\n" for i in range(400)).encode()
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(iter_paths([str(path)], opts))
    assert len(articles(items)) > 10
    assert kinds(items)[-1] == "E112" and len(errors(items)) == 1


def test_records_jsonl_line_over_max_bytes(tmp_path):
    path = write_jsonl(tmp_path / "big.jsonl", [{"text": "small"}, {"text": "x" * 5000}, {"text": "after"}])
    items = list(iter_paths([path], Options(max_bytes=1000, keep_boilerplate=True)))
    assert kinds(items) == ["A", "E103", "A"]
    assert items[1].source == f"{path}:2" and items[2].text == "after"


class CountingStream:
    """A file wrapper that records how many bytes were read."""

    def __init__(self, fh):
        self.fh, self.read_bytes = fh, 0

    def readline(self, size=-1):
        line = self.fh.readline(size)
        self.read_bytes += len(line)
        return line

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()


def test_records_jsonl_streams_line_by_line(tmp_path, opts, monkeypatch):
    path = tmp_path / "many.jsonl"
    with open(path, "w") as fh:
        for i in range(100_000):
            fh.write(f'{{"id": {i}, "text": "Record {i}."}}\n')
    streams = []

    def counting_open(p):
        streams.append(CountingStream(open(p, "rb")))
        return streams[0]

    monkeypatch.setattr("spinscope.ingest.records.open_binary", counting_open)
    gen = iter_jsonl(str(path), opts)
    first, second = next(gen), next(gen)
    assert (first.id, second.id) == ("0", "1")
    assert streams[0].read_bytes < 100 < path.stat().st_size


def write_csv(path, header, rows, encoding="utf-8") -> str:
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def test_records_csv_rows_and_sources(tmp_path, opts):
    path = write_csv(tmp_path / "a.csv", ["id", "title", "text"], [["1", "First", "Line one.\nLine two."], ["2", "Second", ""], ["3", "Third", "Text three."]])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["A", "E113", "A"]
    assert items[0].text == "Line one.\nLine two." and items[0].title == "First"
    assert [x.source for x in items] == [f"{path}:2", f"{path}:3", f"{path}:4"]


def test_records_csv_missing_text_column_is_one_error(tmp_path, opts):
    path = write_csv(tmp_path / "no_text.csv", ["id", "headline"], [["1", "a"], ["2", "b"], ["3", "c"]])
    (err,) = list(iter_paths([path], opts))
    assert err.code == "E108" and "text, html, content" in str(err) and "no_text.csv" in str(err)


def test_records_csv_very_long_field(tmp_path, opts):
    long_text = "word " * 100_000  # 500 KB, over the csv module's 128 KB default
    path = write_csv(tmp_path / "long.csv", ["id", "text"], [["1", long_text], ["2", "short"]])
    items = list(iter_paths([path], opts))
    assert kinds(items) == ["A", "A"] and len(items[0].text) == len(long_text)


def test_records_csv_field_over_max_bytes(tmp_path):
    path = write_csv(tmp_path / "huge.csv", ["text"], [["ok"], ["y" * 5000]])
    items = list(iter_paths([path], Options(max_bytes=1000, keep_boilerplate=True)))
    assert kinds(items) == ["A", "E103"]


def test_records_csv_html_column_and_content(tmp_path, opts):
    path = write_csv(tmp_path / "pages.csv", ["url", "html"], [["https://news.example.com/a", page()]])
    (article,) = list(iter_paths([path], opts))
    assert article.url == "https://news.example.com/a" and article.outlet == "example.com"
    assert "city council" in article.text


def test_records_csv_cp1252_and_bom(tmp_path, opts):
    text = "Costs \u201crise\u201d by 5\u20ac, caf\u00e9 owners say."
    path = write_csv(tmp_path / "w.csv", ["text"], [[text]], encoding="cp1252")
    assert list(iter_paths([path], opts))[0].text == text
    path = write_csv(tmp_path / "bom.csv", ["text"], [[text]], encoding="utf-8-sig")
    assert list(iter_paths([path], opts))[0].text == text


def test_records_csv_gz_and_empty(tmp_path, opts):
    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress(b"text\nHello.\n"))
    assert list(iter_paths([str(path)], opts))[0].text == "Hello."
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    (err,) = list(iter_paths([str(empty)], opts))
    assert err.code == "E102"


def test_records_csv_binary(tmp_path, opts):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (err,) = list(iter_paths([str(path)], opts))
    assert err.code == "E101"


def test_records_csv_unterminated_quote(tmp_path, opts):
    path = tmp_path / "bad.csv"
    path.write_bytes(b'id,text\n1,"good one"\n2,He said "hi" loudly\n3,"never closed\n4,lost\n')
    items = list(iter_paths([str(path)], opts))
    assert kinds(items) == ["A", "A", "E109"]
    assert items[1].text == 'He said "hi" loudly'
    assert items[2].source == f"{path}:4" and "unexpected end of data" in str(items[2])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_records_jsonl_in_utf16_or_utf32_with_a_bom(tmp_path, opts, encoding):
    path = tmp_path / "wide.jsonl"
    lines = [{"id": "a", "text": "Première histoire: le conseil a voté."}, {"id": "b", "text": "Second story."}]
    path.write_bytes("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode(encoding))
    items = list(iter_paths([str(path)], opts))
    assert kinds(items) == ["A", "A"] and items[0].text.startswith("Première")


def test_records_lone_surrogates_from_json_escapes_are_replaced(tmp_path, opts):
    path = tmp_path / "surrogates.jsonl"
    path.write_text('{"id": "s\\ud800", "title": "T \\udc00", "text": "Bad \\ud800 char in the vote."}\n', encoding="utf-8")
    (article,) = list(iter_paths([str(path)], opts))
    assert article.text == "Bad \ufffd char in the vote." and article.title == "T \ufffd" and article.id == "s\ufffd"
    article.model_dump_json()  # serialisable: no lone surrogate is left
