"""Analyses in notebooks: the HTML view Jupyter shows, the pandas frames, the store's frames, pandas as an extra."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import spinscope
from spinscope.errors import UsageError
from spinscope.model import Analysis, Profile, Span
from spinscope.notebook import rows
from spinscope.outputs import make_writer

pd = pytest.importorskip("pandas", reason='pandas is not installed: pip install "spinscope[notebook]"')

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BODY = "The corrupt regime lied again, Senator Hale said. Officials said 40 people died. <script>alert(1)</script> Unemployment fell."


def _at(piece: str) -> tuple[int, int]:
    start = BODY.index(piece)
    return start, start + len(piece)


def _span(piece, kind, label, score=0.9, **attrs) -> Span:
    start, end = _at(piece)
    return Span(start=start, end=end, kind=kind, label=label, score=score, attrs=attrs)


def _hand_made(id_="h1", outlet="Herald", published="2024-05-01", title="Hale speaks") -> Analysis:
    hale = dict(zip(("start", "end"), _at("Senator Hale"))) | {"text": "Senator Hale"}
    officials = dict(zip(("start", "end"), _at("Officials"))) | {"text": "Officials"}
    spans = [
        _span("corrupt regime", "technique", "Loaded_Language", 0.75, voice="quoted"),
        _span("The corrupt regime lied again", "quote", "indirect", 0.6, direct=False, speaker=hale, cue={"text": "said"}, actor="tomas-hale", source_type="named_person"),
        _span("Officials said 40 people died.", "claim", "check_worthy", 0.5, attributed=True, source=officials, actor=None, source_type="anonymous", quantities=[{"text": "40", "type": "CARDINAL"}]),
        _span("Unemployment fell.", "claim", "check_worthy", 0.25, attributed=False, source=None, actor=None, source_type="none", quantities=[]),
        _span("Senator Hale", "actor", "person", 1.0, actor="tomas-hale", mention="title"),
    ]
    actors = [
        {
            "id": "tomas-hale",
            "name": "Tomas Hale",
            "type": "person",
            "aliases": ["Hale", "Senator Hale"],
            "mentions": [list(_at("Senator Hale"))],
            "portrayal": {"counts": {"mentions": 1, "quotes": 1, "techniques": 1, "claims": 0}, "tone": {"label": "negative", "score": -0.4}},
        }
    ]
    profile = Profile(words=17, characters=len(BODY), readability={"flesch_reading_ease": 61.5}, genre="reporting", hyperpartisan={"probability": 0.31, "hyperpartisan": False})
    return Analysis(id=id_, title=title, outlet=outlet, published=published, url="https://herald.example/1", text=BODY, spans=spans, profile=profile, actors=actors, authors=["A. Writer", "B. Writer"])


@pytest.fixture(scope="module")
def examples() -> list[Analysis]:
    texts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in ("oped-hyperpartisan.txt", "wire-report.txt", "satire.txt", "opinion-page.html")]
    records = [json.loads(line) for line in (EXAMPLES / "same-event.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(spinscope.analyze_many(texts + records))


# --- what Jupyter shows -------------------------------------------------------------------


class _Tree(HTMLParser):
    """Every element's tag and attributes, the text inside each open tag, and script/style bodies."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in ("meta", "input", "br", "img", "link"):
            self._open.append((tag, attrs))
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._open and self._open[-1][0] == "script":
            self.scripts[-1] += data
        for _tag, attrs in self._open:
            for name in (attrs.get("class") or "").split():
                self.texts.setdefault(name, []).append(data)

    def text_of(self, css_class: str) -> str:
        return "".join(self.texts.get(css_class, []))


def _report(analyses) -> str:
    out = io.StringIO()
    writer = make_writer("html", out, single=len(analyses) == 1)
    for a in analyses:
        writer.write(a)
    writer.close()
    return out.getvalue()


def _inner(shown: str) -> str:
    frames = [attrs for tag, attrs in _Tree(shown).elements if tag == "iframe"]
    assert len(frames) == 1
    return frames[0]["srcdoc"]


def test_notebook_repr_html_is_the_html_report_framed():
    a = _hand_made()
    shown = a._repr_html_()
    assert _inner(shown) == _report([a])  # the very document `analyze --format html` writes
    outer = _Tree(shown)
    assert [tag for tag, _ in outer.elements] == ["div", "iframe"]  # no style or script reaches the notebook page
    assert outer.elements[1][1]["sandbox"] == "allow-scripts"


def test_notebook_repr_html_shows_article_and_profile():
    inner = _Tree(_inner(_hand_made()._repr_html_()))
    body = inner.text_of("article-text")
    assert body.startswith("The corrupt regime") and "lied again, Senator Hale said. Officials said 40 people died." in body
    assert inner.text_of("hl") == "corrupt regime"
    profile = inner.text_of("profile")
    assert "Profile" in profile and "17" in profile
    assert "Officials said 40 people died." in inner.text_of("claims") and "Tomas Hale" in inner.text_of("actors")


def test_notebook_repr_html_escapes_the_articles_markup():
    shown = _hand_made()._repr_html_()
    assert "<script>alert(1)</script>" not in shown
    inner = _Tree(_inner(shown))
    assert "<script>alert(1)</script>" in inner.text_of("article-text")  # shown as text
    assert len(inner.scripts) == 1 and "alert(1)" not in inner.scripts[0]  # the report's own script only


def test_notebook_show_many_is_one_report_with_the_summary():
    a, b = _hand_made("h1", "Herald"), _hand_made("h2", "Courier")
    report = spinscope.show([a, b])
    assert report.html() == _report([a, b]) and 'id="summary"' in report.html()
    assert _inner(report._repr_html_()) == report.html()
    assert spinscope.show(a).html() == _report([a]) and repr(report) == "<spinscope report of 2 articles>"


def test_notebook_several_views_on_one_page_stay_apart():
    page = _hand_made("h1")._repr_html_() + _hand_made("h2")._repr_html_()
    tree = _Tree(page)
    assert [tag for tag, _ in tree.elements] == ["div", "iframe", "div", "iframe"] and not tree.scripts


def test_notebook_views_run_in_a_browser_without_touching_the_page(tmp_path):
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("no chromium at /usr/bin/chromium: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    outputs = [_hand_made("h1")._repr_html_(), spinscope.show([_hand_made("h2"), _hand_made("h3", "Courier")])._repr_html_()]
    script = "JSON.parse(document.getElementById('o').textContent).forEach(function (h) { var d = document.createElement('div'); d.innerHTML = h; document.body.appendChild(d); });"
    data = json.dumps(outputs).replace("<", "\\u003c")
    page_html = f"<html><body><h1>notebook</h1><script type='application/json' id='o'>{data}</script><script>{script}</script></body></html>"
    (tmp_path / "nb.html").write_text(page_html, encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto((tmp_path / "nb.html").as_uri())
            page.wait_for_function("document.querySelectorAll('iframe').length == 2")
            frames = page.frames[1:]
            assert len(frames) == 2
            for frame in frames:
                frame.wait_for_selector(".article-text")
                assert "<script>alert(1)</script>" in frame.inner_text(".article-text")
            first = frames[0]
            first.click(".legend-item")
            assert first.eval_on_selector_all(".hl", "els => els.map(e => e.classList.contains('off'))") == [True]
            assert frames[1].eval_on_selector_all(".hl", "els => els.map(e => e.classList.contains('off'))") == [False, False]
            assert page.evaluate("getComputedStyle(document.body).margin") == "8px"  # the report's CSS stays in its frame
        finally:
            browser.close()


# --- frames ------------------------------------------------------------------------------


def _dtypes(frame) -> list[tuple[str, str]]:
    return [(name, str(dtype)) for name, dtype in frame.dtypes.items()]


EXPECTED_DTYPES = {"string": "string", "int64": "int64", "Int64": "Int64", "boolean": "boolean", "float64": "float64", "datetime": "datetime64[us, UTC]", "object": "object"}


def _check_shape(frames):
    for name in rows.FRAMES:
        frame = getattr(frames, name)
        assert _dtypes(frame) == [(c, EXPECTED_DTYPES[t]) for c, t in rows.COLUMNS[name]], name
        assert list(frame.columns[:4]) == ["article_id", "outlet", "title", "published"]
        assert isinstance(frame.index, pd.RangeIndex)


def test_notebook_frames_of_a_hand_made_analysis():
    frames = spinscope.to_pandas([_hand_made()])
    _check_shape(frames)
    articles, spans, claims, quotes, actors = frames
    assert [len(f) for f in frames] == [1, 5, 2, 1, 1]
    art = articles.iloc[0]
    assert art.article_id == "h1" and art.outlet == "Herald" and art.published == pd.Timestamp("2024-05-01", tz="UTC") and art.published_text == "2024-05-01"
    assert art.authors == "A. Writer; B. Writer" and art.words == 17 and art.flesch_reading_ease == 61.5 and pd.isna(art.flesch_kincaid_grade)
    assert art.genre == "reporting" and not art.hyperpartisan and art.hyperpartisan_probability == 0.31 and pd.isna(art.tone)
    assert (art.spans, art.techniques, art.quoted_techniques, art.claims, art.unattributed_claims, art.quotes, art.actors) == (5, 1, 1, 2, 1, 1, 1)
    assert art.text == BODY and pd.isna(art.sentences)
    assert spans.kind.tolist() == ["technique", "quote", "claim", "claim", "actor"] and spans.span.tolist() == [0, 1, 2, 3, 4]
    start, end = _at("corrupt regime")
    assert (spans.start[0], spans.end[0], spans.text[0], spans.voice[0], spans.score[0]) == (start, end, "corrupt regime", "quoted", 0.75)
    assert spans.attributes[4] == {"actor": "tomas-hale", "mention": "title"} and spans.actor[4] == "tomas-hale"
    assert claims.attributed.tolist() == [True, False] and claims.source_type.tolist() == ["anonymous", "none"]
    assert claims.source_text[0] == "Officials" and claims.source_start[0] == BODY.index("Officials") and pd.isna(claims.source_start[1])
    assert claims.quantities[0] == "40" and pd.isna(claims.quantities[1]) and claims.quantity_count.tolist() == [1, 0] and claims.span.tolist() == [2, 3]
    q = quotes.iloc[0]
    assert (q.text, q.direct, q.speaker_text, q.speaker_actor, q.speaker_name, q.source_type, q.cue_text) == (
        "The corrupt regime lied again",
        False,
        "Senator Hale",
        "tomas-hale",
        "Tomas Hale",
        "named_person",
        "said",
    )
    ac = actors.iloc[0]
    assert (ac.actor_id, ac["name"], ac.type, ac.aliases, ac.mentions, ac.quotes, ac.techniques, ac.claims, ac.tone_label, ac.tone_score) == (
        "tomas-hale",
        "Tomas Hale",
        "person",
        "Hale; Senator Hale",
        1,
        1,
        1,
        0,
        "negative",
        -0.4,
    )


def test_notebook_frames_carry_the_article_on_every_row():
    frames = spinscope.to_pandas([_hand_made("h1", "Herald", "2024-05-01", "One"), _hand_made("h2", "Courier", "not a date", "Two")])
    for name in rows.FRAMES:
        frame = getattr(frames, name)
        assert frame.article_id.notna().all() and frame.outlet.notna().all() and frame.title.notna().all(), name
        by = frame.groupby("outlet").size().to_dict()
        assert set(by) == {"Herald", "Courier"} and by["Herald"] == by["Courier"], name
        assert frame.loc[frame.article_id == "h2", "published"].isna().all()  # unparsed dates are NaT
        assert (frame.loc[frame.article_id == "h1", "published"] == pd.Timestamp("2024-05-01", tz="UTC")).all()
    assert frames.articles.published_text.tolist() == ["2024-05-01", "not a date"]


def test_notebook_frames_of_nothing_have_the_columns():
    for given in ([], iter(())):
        frames = spinscope.to_pandas(given)
        _check_shape(frames)
        assert [len(f) for f in frames] == [0, 0, 0, 0, 0]


def test_notebook_frames_of_a_bare_analysis():
    frames = spinscope.to_pandas(Analysis(id="x", text="Nothing here."))
    _check_shape(frames)
    assert [len(f) for f in frames] == [1, 0, 0, 0, 0]
    art = frames.articles.iloc[0]
    assert pd.isna(art.outlet) and pd.isna(art.published) and pd.isna(art.hyperpartisan) and art.spans == 0


def test_notebook_frames_of_the_bundled_examples(examples):
    frames = spinscope.to_pandas(examples)
    _check_shape(frames)
    articles, spans, claims, quotes, actors = frames
    assert len(articles) == len(examples) == 7
    assert len(spans) == sum(len(a.spans) for a in examples)
    assert len(claims) == (spans.kind == "claim").sum() > 0 and len(quotes) == (spans.kind == "quote").sum() > 0
    assert len(actors) == sum(len(a.actors) for a in examples) > 0
    assert articles.set_index("article_id").spans.to_dict() == {a.id: len(a.spans) for a in examples}
    dated = articles.dropna(subset=["outlet"])
    assert set(dated.outlet) == {"The Civic Lantern", "Northline News", "Patriot Daybreak"} and dated.published.notna().all()
    for a in examples:  # every span's text is the article's text at its offsets
        mine = spans[spans.article_id == a.id]
        assert mine.text.tolist() == [a.text[s.start : s.end] for s in a.spans]
        assert mine.outlet.isna().all() if a.outlet is None else (mine.outlet == a.outlet).all()
    assert set(claims.source_type.dropna()) <= {"named_person", "named_organisation", "anonymous", "vague", "document", "self", "none"}
    assert claims.attributed.notna().all() and quotes.speaker_name.notna().any() and (actors.mentions > 0).all()


def test_notebook_frames_from_dicts_and_pages_join(monkeypatch, examples):
    from spinscope.notebook import frames as module

    whole = spinscope.to_pandas(examples)
    monkeypatch.setattr(module, "PAGE", 2)
    paged = spinscope.to_pandas(a.to_dict() for a in examples)
    for mine, theirs in zip(paged, whole):
        pd.testing.assert_frame_equal(mine, theirs)


# --- the store ----------------------------------------------------------------------------


def test_notebook_read_store_gives_the_analyses_frames(tmp_path, monkeypatch, examples):
    from spinscope.corpus import export
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch
    from spinscope.notebook import frames as module

    url = f"sqlite:///{tmp_path / 'news.db'}"
    analyses = examples + [_hand_made()]
    store = Store(url).open()
    write_batch(store, [Stored.from_json(a.to_json()) for a in analyses], None)
    store.close()
    monkeypatch.setattr(export, "PAGE", 3)  # read in pages
    monkeypatch.setattr(module, "PAGE", 4)
    stored = spinscope.read_store(url)
    for mine, theirs in zip(stored, spinscope.to_pandas(analyses)):
        pd.testing.assert_frame_equal(mine, theirs)
    pd.testing.assert_frame_equal(spinscope.read_store(str(tmp_path / "news.db")).claims, stored.claims)  # a bare path is a SQLite file


def test_notebook_read_store_of_an_empty_store_and_a_missing_one(tmp_path):
    from spinscope.corpus.store import Store, StoreError

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    Store(url).open().close()
    frames = spinscope.read_store(url)
    _check_shape(frames)
    assert [len(f) for f in frames] == [0] * 5
    with pytest.raises(StoreError) as caught:
        spinscope.read_store(tmp_path / "nothing.db")
    assert caught.value.code == "E510" and not (tmp_path / "nothing.db").exists()


# --- pandas is an extra -------------------------------------------------------------------


def test_notebook_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    for call in (lambda: spinscope.to_pandas([_hand_made()]), lambda: spinscope.read_store("sqlite:///x.db")):
        with pytest.raises(UsageError) as caught:
            call()
        assert caught.value.code == "E260"
        assert 'pip install "spinscope[notebook]"' in str(caught.value) and "\n" not in str(caught.value)
    assert "<iframe" in _hand_made()._repr_html_()  # the HTML view needs no pandas


def test_notebook_importing_spinscope_imports_no_pandas():
    code = "import sys, spinscope; a = spinscope.Analysis(id='x', text='t'); a._repr_html_(); spinscope.show([a]).html(); print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
