"""The self-contained HTML report writer."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from spinscope.model import Analysis, Profile, Span
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
    assert 'id="summary"' not in html


def test_html_csp_hashes_allow_exactly_the_inline_script_and_style():
    html = _write([_analysis(1, "Daily")], single=True)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert f"script-src '{csp_hash(script)}'" in html and f"style-src '{csp_hash(style)}'" in html


def test_html_escapes_article_text():
    html = _write([_analysis(1, "Daily")], single=True)
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_html_single_report_streams_and_has_no_summary():
    out = io.StringIO()
    writer = make_writer("html", out, single=True)
    assert "<style>" in out.getvalue() and "article" not in out.getvalue().split("</head>")[1]
    writer.write(_analysis(1, "Daily"))
    assert out.getvalue().count('class="analysis"') == 1  # written as it arrives
    writer.close()
    assert 'id="summary"' not in out.getvalue() and 'href="#summary"' not in out.getvalue()  # no link to a summary it lacks


class _Outline(HTMLParser):
    """The report's landmarks in document order: the summary, each article, and the summary's links and rows."""

    def __init__(self):
        super().__init__()
        self.order, self.links, self.rows, self._row, self._table = [], [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "summary":
            self.order.append("summary")
        if "analysis" in (attrs.get("class") or "").split():
            self.order.append(attrs.get("data-article"))
        if tag == "table":
            self._table = attrs.get("class")
        if tag == "tr":
            self._row = []
        if tag == "a" and self._table == "report-articles":
            self.links.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append((self._table, self._row))
            self._row = None

    def handle_data(self, data):
        if self._row is not None and data.strip():
            self._row.append(data.strip())


def test_html_report_opens_with_the_summary_of_its_articles():
    out = io.StringIO()
    writer = make_writer("html", out)
    analyses = [_analysis(i, outlet) for i, outlet in enumerate(["Daily", "Daily", "Herald"])]
    analyses[0] = analyses[0].model_copy(update={"profile": Profile(genre="opinion", hyperpartisan={"hyperpartisan": True, "probability": 0.81})})
    for a in analyses:
        writer.write(a)
    writer.close()
    html = out.getvalue()
    outline = _Outline()
    outline.feed(html)
    assert outline.order == ["summary", "a0", "a1", "a2"]  # the summary before the first article
    assert outline.links == ["#a1", "#a2", "#a3"] and all(f'id="{link[1:]}"' in html for link in outline.links)
    articles = [row for table, row in outline.rows if table == "report-articles"]
    assert articles[1] == ["1", "Story 0", "Daily", "opinion", "yes (0.81)", "1", "Loaded Language: 1"]
    assert articles[2][3:6] == ["—", "—", "1"]  # no genre or hyperpartisan verdict in that analysis
    outlets = [row[:6] for table, row in outline.rows if table == "report-outlets"]
    assert outlets[1:] == [["Daily", "2", "2", "2", "2", "0"], ["Herald", "1", "1", "1", "1", "0"]]
    assert html.rstrip().endswith("</html>") and html.count("<main>") == 1


def test_html_report_prints_the_technique_explanations():
    html = _write([_analysis(1, "Daily")], single=True)
    explained = html[html.index('<section class="explanations"') : html.index("</section>", html.index('<section class="explanations"'))]
    assert "Loaded language" in explained and "Example:" in explained
    assert '<span class="explain-tag t8"' in html
    printed = html.split("@media print {")[1].split("\n}\n")[0]
    assert ".explain-tag { display: inline; }" in printed and ".explanations { display: block;" in printed
