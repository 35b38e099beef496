"""The self-contained HTML report writer."""

from __future__ import annotations

import io
import re

from spinscope.model import Analysis, Span
from spinscope.outputs import FORMATS, make_writer
from spinscope.outputs.html import csp_hash


def _analysis(i: int, outlet: str) -> Analysis:
    text = f'Article {i}: the corrupt traitors lied. <img src=x onerror="alert(1)">'
    spans = [Span(start=17, end=33, kind="technique", label="Loaded_Language", score=0.8), Span(start=0, end=40, kind="claim", label="check_worthy", score=0.5, attrs={"attributed": False})]
    return Analysis(id=f"a{i}", title=f"Story {i}", outlet=outlet, text=text, spans=spans)


def _write(analyses, single=False) -> str:
    out = io.StringIO()
    writer = make_writer("html", out, single=single)
    for a in analyses:
        writer.write(a)
    writer.close()
    return out.getvalue()


def test_html_is_registered_and_self_contained():
    assert "html" in FORMATS
    html = _write([_analysis(1, "Daily")], single=True)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)  # nothing loaded from anywhere
    assert "http://" not in html.split("<main>")[0] and "https://" not in html.split("<main>")[0]
    assert "@media print" in html
    assert "Summary by outlet" not in html


def test_html_csp_hashes_allow_exactly_the_inline_script_and_style():
    html = _write([_analysis(1, "Daily")], single=True)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert f"script-src '{csp_hash(script)}'" in html and f"style-src '{csp_hash(style)}'" in html


def test_html_escapes_article_text():
    html = _write([_analysis(1, "Daily")], single=True)
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_html_streams_head_first_and_summary_on_close():
    out = io.StringIO()
    writer = make_writer("html", out)
    assert "<style>" in out.getvalue() and "article" not in out.getvalue().split("</head>")[1]
    for i, outlet in enumerate(["Daily", "Daily", "Herald"]):
        writer.write(_analysis(i, outlet))
        assert out.getvalue().count('class="analysis"') == i + 1
    assert "Summary by outlet" not in out.getvalue()
    writer.close()
    summary = out.getvalue().split('id="summary"')[1]
    rows = re.findall(r"<tr><td>(\w+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)</td>", summary)
    assert rows == [("Daily", "2", "2", "2", "2"), ("Herald", "1", "1", "1", "1")]
