"""The shared article view: overlapping spans, legend, side panel, escaping."""

from __future__ import annotations

import re

from spinscope.model import Analysis, Boilerplate, Span
from spinscope.web import environment, static_text
from spinscope.web.render import article_view, segments, technique_catalogue

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
