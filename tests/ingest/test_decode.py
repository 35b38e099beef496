"""Bytes -> str: BOMs, UTF-8, legacy encodings, binary data, size limits, gzip."""

from __future__ import annotations

import codecs
import gzip
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.errors import InputError
from spinscope.ingest.decode import declared_charset, decode, format_size, not_language, read_file

CP1252_SENTENCE = "He said \u201cthe price is 5\u20ac\u201d \u2014 and left."
LATIN1_SENTENCE = "Le caf\u00e9 est tr\u00e8s bon, sagte er \u00fcber M\u00fcnchen."


def test_decode_cp1252_bytes_without_declaration():
    data = CP1252_SENTENCE.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data and b"\x80" in data
    assert decode(data) == CP1252_SENTENCE


def test_decode_latin1_bytes_without_declaration():
    assert decode(LATIN1_SENTENCE.encode("latin-1")) == LATIN1_SENTENCE


def test_decode_html_meta_charset_is_used():
    html = f'<html><head><meta charset="windows-1252"></head><body><p>{CP1252_SENTENCE}</p></body></html>'
    assert CP1252_SENTENCE in decode(html.encode("cp1252"), html=True)


def test_decode_html_http_equiv_latin1_reads_as_windows_1252():
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>caf\u00e9 \u201cquoted\u201d</p></body></html>'
    assert "caf\u00e9 \u201cquoted\u201d" in decode(html.encode("cp1252"), html=True)


def test_decode_cyrillic_declared_charset():
    text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440"
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'
    assert text in decode(html.encode("cp1251"), html=True)


def test_decode_declared_charset_utf16_label_is_ignored():
    assert declared_charset(b'<meta charset="utf-16"><p>x</p>') is None
    assert declared_charset(b"<meta charset='ISO-8859-2'>") == "iso8859-2"


def test_decode_http_hint_wins_over_detection():
    text = "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144"
    assert decode(text.encode("cp1250"), hint="windows-1250") == text


def test_decode_utf8_strict_before_detection():
    text = "Stra\u00dfe \u2014 \u201cquoted\u201d \u00e9\u00e8 \u4e2d\u6587"
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_bom_is_honoured_and_removed(codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    text = "Caf\u00e9 society \u2014 news"
    assert decode(bom + text.encode(codec)) == text


def test_decode_utf16_without_bom():
    text = "Plain English text in UTF-16 without a byte-order mark."
    assert decode(text.encode("utf-16-le")) == text


def test_decode_png_is_binary():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(InputError) as err:
        decode(png, "photo.txt")
    assert err.value.code == "E101" and "PNG" in str(err.value) and "photo.txt" in str(err.value)


def test_decode_nul_bytes_are_binary():
    with pytest.raises(InputError) as err:
        decode(b"some text\x00\x01\x02\xff\xfe more", "x.txt")
    assert err.value.code == "E101"


def _random(seed: int, alphabet: bytes, n: int = 4000) -> bytes:
    import random

    r = random.Random(seed)
    return bytes(r.choice(alphabet) for _ in range(n))


@pytest.mark.parametrize(
    "data",
    [
        _random(1, bytes(range(1, 256))),  # random bytes without NULs: decodes in some code page
        _random(2, bytes(range(128, 256)) + b" \n"),
        _random(3, bytes(range(32, 127)) + b"\n\t"),  # random printable ASCII: valid UTF-8, still noise
    ],
    ids=["any-byte", "high-bytes", "printable"],
)
def test_decode_random_bytes_are_refused_as_not_language(data):
    with pytest.raises(InputError) as err:
        decode(data, "noise.txt")
    assert err.value.code == "E101" and "noise.txt" in str(err.value)
    for codec in ("cp1252", "cp1251", "latin-1"):  # whatever code page the bytes were read in, they are not language
        assert not_language(data.decode(codec, errors="replace")), codec


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday that the plan would cost $4.2bn (about 3% of GDP). " * 20,
        "def f(x):\n    return {'a': [x, x * 2]}  # code reads as language too\n" * 40,
        "\n".join(",".join(str(i * j) for j in range(8)) for i in range(60)),  # a table of figures
        "我们的国家是一个伟大的国家，人民生活幸福。" * 20,
        "Они заявили, что «план» будет стоить 4,2 млрд — около 3% ВВП. " * 20,
    ],
    ids=["prose", "code", "figures", "chinese", "russian"],
)
def test_decode_prose_code_and_tables_are_kept(text):
    assert decode(text.encode("utf-8"), "ok.txt") == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_decode_empty_or_whitespace(data):
    with pytest.raises(InputError) as err:
        decode(data, "empty.txt")
    assert err.value.code == "E102"


def test_format_size_reads_as_megabytes():
    assert format_size(50 * 1024 * 1024) == "50.0 MB"
    assert format_size(20 * 1024 * 1024) == "20.0 MB"
    assert format_size(3 * 1024) == "3.0 KB"
    assert format_size(1000) == "1,000 bytes"


def test_read_file_gzip_stops_past_the_limit(tmp_path):
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        for _ in range(64):
            fh.write(b"<p>" + b"a" * (1024 * 1024) + b"</p>")
    start = time.perf_counter()
    with pytest.raises(InputError) as err:
        read_file(str(path), 2 * 1024 * 1024)
    assert time.perf_counter() - start < 2.0
    assert err.value.code == "E103"
    assert "64.0 MB is over the 2.0 MB limit" in str(err.value)


def test_read_file_truncated_gzip(tmp_path):
    data = gzip.compress(("A sentence of news text. " * 4000).encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        read_file(str(path), 10**7)
    assert err.value.code == "E112" and "truncated" in str(err.value)


def test_read_file_not_gzip_at_all(tmp_path):
    path = tmp_path / "fake.html.gz"
    path.write_bytes(b"<html><body>not compressed</body></html>")
    with pytest.raises(InputError) as err:
        read_file(str(path), 10**7)
    assert err.value.code == "E112"


# Any text but control characters and a leading U+FEFF (which reads as a byte-order mark).
TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(lambda t: t.strip() and not t.startswith("\ufeff"))


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_decode_any_utf8_text_round_trips(text):
    assert decode(text.encode("utf-8")) == text


@settings(max_examples=50, deadline=None)
@given(TEXTS)
def test_decode_any_text_with_bom_round_trips(text):
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text


def test_a_few_stray_nul_bytes_do_not_make_a_csv_binary(tmp_path):
    from spinscope.ingest import iter_paths
    from spinscope.options import Options

    path = tmp_path / "cells.csv"
    path.write_bytes(b"id,text\n1,The council met on Monday.\n2,The vote\x00 passed.\n3,Protesters gathered outside.\n")
    items = list(iter_paths([str(path)], Options()))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    assert items[1].text == "The vote passed."  # NUL characters are dropped from the text


def test_many_nul_bytes_still_mean_binary(tmp_path):
    from spinscope.ingest import iter_paths
    from spinscope.options import Options

    path = tmp_path / "blob.txt"
    path.write_bytes(b"ELF-like" + b"\x00\x01\x02\x00" * 50)
    (item,) = list(iter_paths([str(path)], Options()))
    assert item.code == "E101"
