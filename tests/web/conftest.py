"""Web fixtures: a live server on a free 127.0.0.1 port, a test-only technique detector, a stub corpus."""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from spinscope import detectors as registry
from spinscope.detectors.base import BaseDetector, Findings
from spinscope.model import Analysis, Span

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHRASES = {"corrupt traitors": ("Loaded_Language", 0.4), "traitors": ("Name_Calling,Labeling", 0.9), "Make the nation great": ("Slogans", 0.7)}


class WebTechniques(BaseDetector):
    """Marks fixed phrases as techniques so that the page has known, overlapping spans."""

    name, kind, version = "web-techniques", "technique", "1"
    labels = frozenset(label for label, _ in PHRASES.values())

    def detect(self, doc, article):
        spans = [Span(start=m.start(), end=m.end(), kind="technique", label=label, score=score) for phrase, (label, score) in PHRASES.items() for m in re.finditer(re.escape(phrase), article.text)]
        return Findings(spans=spans)


STORED = Analysis(
    id="doc-1",
    title="Stored article",
    outlet="Daily Planet",
    text="The corrupt traitors met again. Make the nation great, the minister said.",
    spans=[Span(start=4, end=20, kind="technique", label="Loaded_Language", score=0.8)],
)


class StubCorpus:
    """The corpus views with hand-made rows, in the shapes the store returns."""

    def articles(self, offset, limit, **filters):
        return {"items": [{"id": STORED.id, "title": STORED.title, "outlet": STORED.outlet, "published": "2024-03-01"}], "total": 1}

    def article(self, doc_id):
        from spinscope.api.errors import ApiError

        if doc_id != STORED.id:
            raise ApiError(404, "E609", id=doc_id)
        return STORED

    def story_of(self, doc_id):
        return {"id": 7, "title": "Ceasefire talks"}

    def outlets(self):
        return [
            {
                "outlet": "Daily Planet",
                "domain": "planet.example",
                "articles": 12,
                "techniques_per_1000_words": 14.2,
                "technique_per_1000_words": {"Loaded_Language": 9.1, "Doubt": 5.1},
                "unattributed_claims_share": 0.4,
                "tone": None,
                "top_actors": ["Lopez"],
                "ratings": {},
            },
            {
                "outlet": "Herald",
                "domain": "herald.example",
                "articles": 7,
                "techniques_per_1000_words": 4.1,
                "technique_per_1000_words": {"Loaded_Language": 4.1},
                "unattributed_claims_share": 0.1,
                "tone": None,
                "top_actors": [],
                "ratings": {},
            },
        ]

    def stories(self, threshold=None, days=3):
        framing = {"Daily Planet": {"articles": 1, "techniques_per_1000_words": 12.5, "tone": -0.2}, "Herald": {"articles": 1, "techniques_per_1000_words": None, "tone": None}}
        return [
            {"label": "Ceasefire talks", "start": "2024-03-01", "end": "2024-03-02", "articles": ["doc-1", "doc-2"], "outlets": {"Daily Planet": ["doc-1"], "Herald": ["doc-2"]}, "framing": framing}
        ]

    def duplicates(self, threshold=0.5):
        return [{"a": "doc-1", "b": "doc-2", "jaccard": 0.93, "first": "doc-1", "outlet_a": "Daily Planet", "outlet_b": "Herald"}]

    def search(self, query, limit=20, **filters):
        return [{"id": STORED.id, "title": STORED.title, "outlet": STORED.outlet, "published": None, "snippet": STORED.text, "spans": []}]


@pytest.fixture(scope="module")
def web_detector():
    registry.register(WebTechniques)
    yield WebTechniques.name
    registry._REGISTRY.pop(WebTechniques.name, None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(web_detector):
    import uvicorn

    from spinscope.api import ApiSettings, create_app

    app = create_app(ApiSettings())
    app.state.corpus = StubCorpus()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)
