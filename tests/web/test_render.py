"""The shared article view: overlapping spans, legend, side panel, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import escape

from spinscope.model import Analysis, Boilerplate, Span
from spinscope.web import environment, static_text
from spinscope.web.render import article_view, segments, technique_catalogue, title_line

TECHNIQUES_TXT = (
    "Appeal_to_Authority Appeal_to_fear-prejudice Bandwagon,Reductio_ad_hitlerum Black-and-White_Fallacy Causal_Oversimplification "
    "Doubt Exaggeration,Minimisation Flag-Waving Loaded_Language Name_Calling,Labeling Repetition Slogans Thought-terminating_Cliches "
    "Whataboutism,Straw_Men,Red_Herring"
).split()


def _analysis() -> Analysis:
    text = "They are corrupt traitors. <script>window.__pwned=1</script> Experts say 40 died."
    return Analysis(
        id="a1",
        title="Title <b>",
        outlet="Daily",
        text=text,
        spans=[
            Span(start=9, end=25, kind="technique", label="Loaded_Language", score=0.4),
            Span(start=17, end=25, kind="technique", label="Name_Calling,Labeling", score=0.9),
            Span(start=61, end=81, kind="claim", label="check_worthy", score=0.3, attrs={"attributed": False, "source": None, "quantities": ["40"]}),
            Span(start=0, end=25, kind="claim", label="check_worthy", score=0.8, attrs={"attributed": True, "source": {"start": 0, "end": 4, "text": "They"}}),
            Span(start=61, end=81, kind="quote", label="quote", score=0.7, attrs={"speaker": {"text": "Experts"}, "cue": "say", "direct": False}),
        ],
        boilerplate=[Boilerplate(label="donation_appeal", text="Please donate today")],
        actors=[{"id": "x", "name": "Experts", "type": "GROUP", "aliases": [], "mentions": [[61, 68]], "portrayal": {"positive": 0.1, "negative": 0.7}}],
        profile={"genre": "opinion", "tone": {"negativity": 0.6}, "propaganda": {"level": "high", "techniques": 2, "per_1000_words": 150.0}},
    )


def test_render_catalogue_names_every_ptc_technique_with_definition_and_example():
    catalogue = technique_catalogue()
    assert list(catalogue) == TECHNIQUES_TXT
    assert all(info["definition"] and info["example"] and info["title"] for info in catalogue.values())


def test_render_css_colours_match_the_catalogue():
    css = static_text("spinscope.css")
    for info in technique_catalogue().values():
        assert f".t{info['index']} {{ --c: {info['colour']};" in css


def test_render_segments_cover_text_and_nest_overlaps():
    a = _analysis()
    spans = [s for s in a.spans if s.kind == "technique"]
    segs = segments(a.text, spans)
    assert "".join(s.text for s in segs) == a.text
    inner = next(s for s in segs if s.text == "traitors")
    assert [layer.span for layer in inner.layers] == [0, 1]  # the longer span outside, the shorter inside
    assert [layer.pad for layer in inner.layers] == [1, 0]
    assert "Loaded language — confidence 0.40" in inner.title and "Name calling" in inner.title
    assert [layer.span for layer in next(s for s in segs if s.text == "corrupt ").layers] == [0]


def test_render_article_escapes_text_and_shows_side_panel():
    html = environment().get_template("report_article.html").render(view=article_view(_analysis()), number=1)
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "Title &lt;b&gt;" in html
    assert re.search(r'<span class="hl t8 p1"[^>]*><span class="hl t9 p0"[^>]*>traitors</span></span>', html)
    claims = html[html.index('class="panel claims"') : html.index('class="panel quotes"')]
    assert claims.index("Experts say 40") < claims.index("They are corrupt traitors")  # the unattributed claim first, though it scores lower
    assert "unattributed" in claims and "source: They" in claims
    assert "Experts</strong>" in html and "negative: 0.70" in html
    assert "Please donate today" in html and "donation appeal" in html
    assert "opinion" in html and "high — 2 techniques" in html


def test_render_names_the_actor_behind_a_claim_source():
    text = "Kevin Barrett spoke. Mr. Barrett said 40 tanks were lost. Barrett said 12 were hit."
    analysis = Analysis(
        id="a2",
        text=text,
        spans=[
            Span(start=21, end=57, kind="claim", label="check_worthy", score=0.9, attrs={"attributed": True, "source": {"start": 21, "end": 32, "text": "Mr. Barrett"}, "actor": "kevin-barrett"}),
            Span(start=58, end=83, kind="claim", label="check_worthy", score=0.8, attrs={"attributed": True, "source": {"start": 58, "end": 65, "text": "Barrett"}, "actor": "kevin-barrett"}),
        ],
        actors=[{"id": "kevin-barrett", "name": "Kevin Barrett", "type": "person", "aliases": [], "mentions": [[0, 13], [25, 32], [58, 65]]}],
    )
    view = article_view(analysis)
    assert [c["actor"] for c in view["claims"]] == ["Kevin Barrett", ""]  # "Barrett" already names him
    html = environment().get_template("report_article.html").render(view=view, number=1)
    assert "source: Mr. Barrett (Kevin Barrett)" in html and "source: Barrett (" not in html


HEADLINE = "Traitors sell out the valley"
TITLED = f"  {HEADLINE}\n\nThe corrupt traitors met again. Make the nation great, the minister said."


def _titled() -> Analysis:
    body = TITLED.index("corrupt")
    return Analysis(
        id="t1",
        title="Traitors  sell out the Valley",  # the same words as the first line, spaced and cased otherwise
        text=TITLED,
        spans=[
            Span(start=2, end=10, kind="technique", label="Name_Calling,Labeling", score=0.9),
            Span(start=body, end=body + 16, kind="technique", label="Loaded_Language", score=0.8),
        ],
    )


class _Tree(HTMLParser):
    """Each element's classes and text, in document order, and the plain text of ``.article-text`` without its tags."""

    VOID = {"br", "input", "img", "meta", "link", "hr", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.found, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        item = [(dict(attrs).get("class") or "").split(), ""]
        self.stack.append(item)
        self.found.append(item)

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.stack.pop()

    def handle_data(self, data):
        for item in self.stack:
            item[1] += data
        classes = {c for item in self.stack for c in item[0]}
        if "article-text" in classes and "explain-tag" not in classes:
            self.text.append(data)


def _tree(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    return tree


def test_render_title_line_is_found_by_its_words():
    assert title_line(TITLED, "traitors sell out the valley") == (2, 2 + len(HEADLINE), TITLED.index("The corrupt"))
    assert title_line(TITLED, "Another headline") is None
    assert title_line(TITLED, None) is None
    assert title_line(HEADLINE, HEADLINE) is None  # a text that is only its title keeps it


def test_render_text_starts_after_the_title_and_spans_keep_their_offsets():
    a = _titled()
    view = article_view(a)
    assert "".join(s.text for s in view["title_segments"]) == HEADLINE
    assert "".join(s.text for s in view["segments"]) == a.text[a.text.index("The corrupt") :]
    html = environment().get_template("report_article.html").render(view=view, number=1)
    tree = _tree(html)
    assert "".join(tree.text).startswith("The corrupt traitors met again.")
    assert HEADLINE not in "".join(tree.text)
    heading = html[html.index("<h2>") : html.index("</h2>")]
    assert re.search(r'<span class="hl t9 p0" data-span="0"[^>]*>Traitors</span>', heading)  # the headline's span, drawn in the heading
    body = a.spans[1]
    marked = [text for classes, text in tree.found if "hl" in classes and "t8" in classes]
    assert marked == [a.text[body.start : body.end]] == ["corrupt traitors"]


def test_render_explanations_in_place_and_under_the_text():
    a = _titled()
    html = environment().get_template("report_article.html").render(view=article_view(a), number=1)
    loaded = technique_catalogue()["Loaded_Language"]
    tags = [text for classes, text in _tree(html).found if "explain-tag" in classes]
    assert tags == ["Name calling / labelling", "Loaded language"]
    assert re.search(r'>corrupt traitors</span><span class="explain-tag t8" data-t="8"', html)  # right after its span
    explained = html[html.index('<section class="explanations"') :]
    assert escape(loaded["definition"]) in explained and escape(loaded["example"]) in explained and "Example:" in explained
    assert 'class="explain-toggle"' in html


def test_render_print_stylesheet_prints_the_explanations():
    css = static_text("spinscope.css")
    screen, printed = css.split("@media print {")[0], css.split("@media print {")[1].split("\n}\n")[0]
    assert ".explain-tag { display: none;" in screen and ".explanations { display: none;" in screen
    assert ".explain-tag { display: inline; }" in printed and ".explanations { display: block;" in printed
    assert ".explain-switch" in printed and ".definition" in printed  # the switch and the closed details are not printed
