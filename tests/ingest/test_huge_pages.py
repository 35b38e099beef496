"""Huge pages are refused before trafilatura spends minutes on them."""

import pytest

from spinscope.errors import InputError
from spinscope.ingest import html
from spinscope.options import Options

PARAGRAPH = "<p>The council approved the budget on Tuesday after a long debate about local taxes.</p>\n"


def _page(chars: int) -> str:
    return "<html><body><article>" + PARAGRAPH * (chars // len(PARAGRAPH) + 1) + "</article></body></html>"


def test_a_page_with_far_more_text_than_the_limit_is_refused_before_extraction(monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("extraction ran")

    monkeypatch.setattr(html, "extract_main_text", never)
    page = _page(html.FAST_EXTRACTION_CHARS + 1000)
    with pytest.raises(InputError) as refused:
        html.article_from_html(page, options=Options(max_chars=100_000), source="huge.html")
    assert refused.value.code == "E117" and "--max-chars" in str(refused.value)


def test_a_small_page_is_never_refused_early_even_under_a_small_limit():
    body = "".join(f"<p>Item {i}: the council voted {i} times on the budget and local taxes this year.</p>\n" for i in range(80))
    page = f"<html><body><article>{body}</article></body></html>"
    with pytest.raises(InputError) as refused:
        html.article_from_html(page, options=Options(max_chars=1_000), source="small.html")
    assert refused.value.code == "E114"  # measured on the extracted text, as before


def test_rough_text_chars_counts_what_lies_outside_tags():
    assert html.rough_text_chars("<p>abc</p><div class='x'>de</div>") == 5
