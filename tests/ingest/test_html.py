"""HTML pages -> Articles: main text, metadata, broken and pathological markup."""

from __future__ import annotations

import time

import pytest

from spinscope.errors import InputError
from spinscope.ingest import from_string, looks_like_html
from spinscope.ingest.html import article_from_html, extract_main_text, site_name, visible_text

from .helpers import page


def test_html_extract_main_text_and_metadata():
    head = '<meta property="og:site_name" content="The Daily Example"><meta name="date" content="2023-11-02">'
    text, meta = extract_main_text(page(head=head), "https://www.example.com/a")
    assert "city council on Monday" in text and "Home" not in text
    assert meta["title"] == "Council votes on budget"
    assert meta["outlet"] == "The Daily Example"
    assert meta["published"] == "2023-11-02"


def test_html_truncated_and_unclosed_tags_still_extract(opts):
    html = "<html><body><div><p>The council met on Monday and voted <b>for the <i>budget, officials said. <p>A second paragraph that never closes its tags and just ends"
    article = article_from_html(html, options=opts, source="broken.html")
    assert "voted for the budget" in article.text and "never closes its tags" in article.text


def test_html_garbage_around_text(opts):
    html = "<<<>>><p <<a href=>garbage &&&; <div <span>Real words survive the garbage here.</p"
    assert "Real words survive the garbage here." in article_from_html(html, options=opts).text


@pytest.mark.parametrize(
    "html", ["<html><head><title>Only a title</title></head><body></body></html>", "<html><body><script>var x = 1;</script><style>p {}</style></body></html>", "<div></div><span></span>"]
)
def test_html_no_text_is_e105(opts, html):
    with pytest.raises(InputError) as err:
        article_from_html(html, options=opts, source="empty.html")
    assert err.value.code == "E105" and "empty.html" in str(err.value)


def test_html_deep_nesting_is_bounded(opts):
    depth = 20_000
    html = "<html><body>" + "<div>" * depth + "<p>Deeply nested words are still words.</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    article = article_from_html(html, options=opts)
    assert time.perf_counter() - start < 5.0
    assert "Deeply nested words are still words." in article.text


def test_html_parser_exception_is_e115(opts, monkeypatch):
    def boom(html, url=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("spinscope.ingest.html.extract_main_text", boom)
    with pytest.raises(InputError) as err:
        article_from_html("<p>x</p>", options=opts, source="deep.html")
    assert err.value.code == "E115" and "RecursionError" in str(err.value)


def test_html_visible_text_skips_scripts_and_open_head():
    html = "<head><title>T</title><script>alert(1)</script><body><p>One &amp; two</p><div>Three</div>"
    assert visible_text(html) == "One & two\nThree"


@pytest.mark.parametrize(
    "sitename,url,expected",
    [("The Guardian", "https://www.theguardian.com/x", "The Guardian"), ("www.bbc.co.uk", None, "bbc.co.uk"), (None, "https://news.example.com/a", "example.com"), (None, None, None)],
)
def test_html_site_name(sitename, url, expected):
    assert site_name(sitename, url) == expected


def test_html_caller_metadata_wins(opts):
    article = article_from_html(page(), options=opts, url="https://www.example.org/x", title="Given title", outlet="Given", published="2020-01-01", id="given")
    assert (article.url, article.title, article.outlet, article.published, article.id) == ("https://www.example.org/x", "Given title", "Given", "2020-01-01", "given")


@pytest.mark.parametrize(
    "text,expected",
    [
        (page(), True),
        ("<p>One paragraph.</p><p>Another.</p>", True),
        ("Plain text that mentions <p> once.", False),
        ("Title\n\nBody text with a < b and c > d.", False),
    ],
)
def test_html_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_html_from_string_sniffs(opts):
    assert "<p>" not in from_string(page(), options=opts).text
    assert from_string("Title\n\nBody.", options=opts).text == "Title\n\nBody."
