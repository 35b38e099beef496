"""The analyse form posted without a browser: the text and fields it keeps, metadata, and storing."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

TEXT = 'Leaders meet in Geneva\n\nThe corrupt traitors met again. <b onclick="x()">Make the nation great</b> & more, the minister said.\n'


@pytest.fixture
def make_client():
    from fastapi.testclient import TestClient

    from spinscope.api import ApiSettings, create_app

    return lambda **settings: TestClient(create_app(ApiSettings(**settings)), raise_server_exceptions=False)


def _post(client, detector, **fields):
    data = {"text": TEXT, "detectors": f"{detector},profile", **fields}
    return client.post("/analyze", data=data, files={"file": ("", b"", "application/octet-stream")})  # as a browser sends an empty file field


def _textarea(html: str) -> str:
    raw = re.search(r'<textarea id="text" name="text"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "<b " not in raw and "&lt;b onclick=" in raw  # escaped, not markup
    return unescape(raw.removeprefix("\n"))  # the newline after the tag is dropped by the HTML parser, as browsers do


def _analysis(html: str) -> dict:
    """The analysis the page's export form holds: what the page shows."""
    return json.loads(unescape(re.search(r'<textarea name="analysis" hidden>(.*?)</textarea>', html, re.S).group(1)))


def _value(html: str, name: str) -> str | None:
    found = re.search(rf'<input [^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return unescape(found.group(1)) if found else None


def test_form_keeps_the_text_and_fields_and_passes_the_metadata(make_client, web_detector):
    r = _post(make_client(), web_detector, title="Geneva talks", outlet="Daily <Planet>", published="2024-03-01", min_score="0.3")
    assert r.status_code == 200, r.text
    assert _textarea(r.text) == TEXT
    assert (_value(r.text, "title"), _value(r.text, "outlet"), _value(r.text, "published"), _value(r.text, "min_score")) == ("Geneva talks", "Daily <Planet>", "2024-03-01", "0.3")
    head = r.text[r.text.index('<header class="article-head">') :]
    assert "<h2>Geneva talks</h2>" in head and "Outlet: Daily &lt;Planet&gt;" in head and "Published: 2024-03-01" in head
    analysis = _analysis(r.text)
    assert (analysis["title"], analysis["outlet"], analysis["published"]) == ("Geneva talks", "Daily <Planet>", "2024-03-01")
    assert analysis["metadata_sources"]["title"] == "request"


def test_form_keeps_the_text_when_the_analysis_fails(make_client):
    r = _post(make_client(), "no-such-detector")
    assert r.status_code == 422 and 'class="error"' in r.text
    assert _textarea(r.text) == TEXT


def test_form_store_box_is_off_without_a_store(make_client, web_detector):
    page = make_client().get("/").text
    assert re.search(r'name="store" value="true" disabled', page) and "start it with --db" in page
    read_only = make_client(db="sqlite:///:memory:", read_only=True).get("/").text
    assert re.search(r'name="store" value="true" disabled', read_only) and "read-only" in read_only
    r = _post(make_client(), web_detector, store="true")  # sent anyway: refused as the API refuses it
    assert r.status_code == 503 and "E608" in r.text
    assert _textarea(r.text) == TEXT


def test_form_stores_the_analysis_when_asked(make_client, web_detector, tmp_path):
    client = make_client(db=f"sqlite:///{tmp_path / 'web.db'}")
    assert re.search(r'<input type="checkbox" name="store" value="true">', client.get("/").text)
    r = _post(client, web_detector, outlet="Herald", store="true")
    assert r.status_code == 200, r.text
    doc_id = re.search(r'Stored in the corpus as <a href="/articles/([^"]+)">', r.text).group(1)
    assert re.search(r'name="store" value="true" checked', r.text)
    stored = client.get(f"/api/articles/{doc_id}")
    assert stored.status_code == 200 and stored.json()["outlet"] == "Herald" and stored.json()["text"] == _analysis(r.text)["text"]
    assert "Stored in the corpus" not in _post(client, web_detector).text  # only when asked
