"""The outlets page's bar charts: every bar inside its SVG, scaled against the largest absolute value drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from spinscope.web.charts import CHART_WIDTH, LABEL_WIDTH, bar_chart

ROWS = [
    {"outlet": "Daily Planet", "articles": 12, "tone": -0.62, "techniques_per_1000_words": 14.2},
    {"outlet": "Herald", "articles": 7, "tone": 0.21, "techniques_per_1000_words": 4.1},
    {"outlet": "Gazette", "articles": 3, "tone": -0.05, "techniques_per_1000_words": 0.0},
]


class ToneCorpus:
    def __init__(self, rows):
        self.rows = rows

    def outlets(self):
        return self.rows


def _svgs(rows) -> list[ET.Element]:
    from fastapi.testclient import TestClient

    from spinscope.api import ApiSettings, create_app

    app = create_app(ApiSettings())
    app.state.corpus = ToneCorpus(rows)
    page = TestClient(app).get("/outlets")
    assert page.status_code == 200
    return [ET.fromstring(svg) for svg in re.findall(r"<svg class=\"chart\".*?</svg>", page.text, re.S)]


def _bars(svg: ET.Element) -> list[tuple[float, float]]:
    return [(float(r.get("x")), float(r.get("width"))) for r in svg.iter("rect")]


@pytest.mark.parametrize("tones", [[-0.62, 0.21, -0.05], [-0.62, -0.3, -0.05], [0.4, 0.1, 0.0]])
def test_charts_every_bar_fits_its_svg(tones):
    rows = [r | {"tone": t} for r, t in zip(ROWS, tones)]
    svgs = _svgs(rows)
    assert len(svgs) == 3  # articles, tone, techniques per 1000 words
    for svg in svgs:
        width = float(svg.get("width"))
        for x, w in _bars(svg):
            assert w >= 0 and x >= LABEL_WIDTH and x + w <= width, (svg.get("aria-label"), x, w, width)
        for text in svg.iter("text"):
            assert 0 <= float(text.get("x")) <= width


def test_charts_tone_scaled_against_the_largest_absolute_value():
    (tone,) = [svg for svg in _svgs(ROWS) if svg.get("aria-label") == "tone"]
    widths = [w for _, w in _bars(tone)]
    half = CHART_WIDTH / 2  # values of both signs: each side of the zero line gets half
    assert widths[0] == pytest.approx(half) and widths[1] == pytest.approx(half * 0.21 / 0.62, abs=0.1) and widths[2] == pytest.approx(half * 0.05 / 0.62, abs=0.1)
    (x0, w0), (x1, _) = _bars(tone)[:2]
    assert x0 + w0 == pytest.approx(x1)  # the negative bar ends where the positive one starts: the zero line


def test_charts_all_negative_values_fill_the_width_leftwards():
    chart = bar_chart("tone", [("a", -2.0), ("b", -1.0)])
    a, b = chart["bars"]
    assert a["width"] == CHART_WIDTH and a["x"] == LABEL_WIDTH
    assert b["x"] + b["width"] == LABEL_WIDTH + CHART_WIDTH
