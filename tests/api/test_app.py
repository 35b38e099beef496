"""The analyse endpoint, the error shape, limits, token and read-only mode."""

from __future__ import annotations

import re

import pytest

TEXT = "The corrupt traitors met in Geneva on Tuesday.\nOfficials said 40 people were hurt."
BAD_BODIES = [
    (b"{bad", "malformed JSON"),
    (b"[]", "malformed request"),
    (b"{}", "nothing to analyse"),
    (b'{"text": 5}', "text"),
    (b'{"text": "   "}', "E102"),
    (b'{"text": "x", "detectors": ["nope"]}', "unknown detector"),
    (b'{"text": "x", "min_score": 3}', "min_score"),
    (b'{"text": "x", "colour": "red"}', "colour"),
    (b'{"html": "<html><body></body></html>"}', "E10"),
    (b"\xff\xfe\x00", "malformed"),
]


def _is_error(body: dict, status: int) -> bool:
    shape = set(body) == {"ok", "code", "error", "status", "source"} and body["ok"] is False and body["status"] == status
    return (
        shape
        and bool(body["error"])
        and bool(re.fullmatch(r"E\d{3}", body["code"] or ""))
        and body["error"].startswith(f"[{body['code']}]")
        or (
            shape and body["code"] == "E614"  # a route that does not exist: the framework's words
        )
    )


def test_api_analyze_text_returns_the_analysis(client, fake_techniques):
    r = client.post("/api/analyze", json={"text": TEXT, "detectors": [fake_techniques, "profile"], "outlet": "Daily"})
    assert r.status_code == 200
    body = r.json()
    assert body["schema"] == "spinscope.analysis/1" and body["outlet"] == "Daily"
    found = {(body["text"][s["start"] : s["end"]], s["label"]) for s in body["spans"]}
    assert found == {("traitors", "Name_Calling,Labeling"), ("corrupt traitors", "Loaded_Language")}
    assert body["profile"]["words"] > 5


def test_api_analyze_min_score_drops_low_spans(client, fake_techniques):
    r = client.post("/api/analyze", json={"text": TEXT, "detectors": [fake_techniques], "min_score": 0.5})
    assert [s["label"] for s in r.json()["spans"]] == ["Name_Calling,Labeling"]


def test_api_analyze_multipart_upload(client, fake_techniques):
    page = b"<html><head><title>Traitors</title></head><body><article><p>" + TEXT.encode() * 3 + b"</p></article></body></html>"
    r = client.post("/api/analyze", files={"file": ("page.html", page, "text/html")}, data={"detectors": fake_techniques})
    assert r.status_code == 200, r.text
    assert "corrupt traitors" in r.json()["text"]


@pytest.mark.parametrize("name", ["page.html.gz", "page.xhtml", "page.htm.gz"])
def test_api_upload_is_read_as_ingest_reads_a_file_of_that_name(client, fake_techniques, name):
    import gzip

    page = b"<html><head><title>Traitors</title></head><body><article><p>" + TEXT.encode() * 3 + b"</p></article></body></html>"
    body = gzip.compress(page, mtime=0) if name.endswith(".gz") else page
    r = client.post("/api/analyze", files={"file": (name, body, "application/octet-stream")}, data={"detectors": fake_techniques})
    assert r.status_code == 200, r.text
    assert "corrupt traitors" in r.json()["text"] and "<p>" not in r.json()["text"]


def test_api_upload_of_a_record_file_is_refused_with_its_reason(client):
    r = client.post("/api/analyze", files={"file": ("dump.jsonl", b'{"text": "One."}\n{"text": "Two."}\n', "application/json")})
    assert r.status_code == 422 and r.json()["code"] == "E119", r.text
    assert "corpus add" in r.json()["error"]


@pytest.mark.parametrize("body, words", BAD_BODIES)
def test_api_bad_input_gets_422_in_the_one_shape(client, body, words):
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert _is_error(r.json(), 422)
    assert words in r.json()["error"]


def test_api_error_shape_is_the_same_everywhere(client):
    cases = [
        client.get("/api/nothing-here"),
        client.put("/api/analyze"),
        client.post("/api/analyze", content=b"text", headers={"content-type": "text/plain"}),
        client.get("/api/outlets"),
        client.get("/api/search"),
        client.post("/api/export?format=pdf", content=b"{}"),
    ]
    assert [r.status_code for r in cases] == [404, 405, 415, 503, 422, 422]
    for r in cases:
        assert _is_error(r.json(), r.status_code), r.text


def test_api_body_over_limit_gets_413_by_header_and_by_stream(make_client):
    client = make_client(max_body=1000)
    r = client.post("/api/analyze", json={"text": "x" * 2000})
    assert r.status_code == 413 and _is_error(r.json(), 413)

    def chunks():
        for _ in range(10):
            yield b"y" * 300

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["error"]


def test_api_token_required_for_writes(make_client, fake_techniques):
    client = make_client(token="s3cret")
    body = {"text": TEXT, "detectors": [fake_techniques]}
    assert client.post("/api/analyze", json=body).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/analyze", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/techniques").status_code == 200


def test_api_read_only_refuses_to_store(make_client, fake_techniques):
    client = make_client(read_only=True, db="sqlite:///:memory:")
    r = client.post("/api/analyze", json={"text": TEXT, "detectors": [fake_techniques], "store": True})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_api_export_formats(client, fake_techniques):
    analysis = client.post("/api/analyze", json={"text": TEXT, "detectors": [fake_techniques]}).json()
    import json

    csv = client.post("/api/export?format=csv", content=json.dumps(analysis))
    assert csv.status_code == 200 and "attachment" in csv.headers["content-disposition"]
    assert "Loaded_Language" in csv.text and csv.text.startswith("article_id,kind,label")
    html = client.post("/api/export?format=html", content=json.dumps(analysis))
    assert html.status_code == 200 and 'class="hl' in html.text


def test_api_security_headers_and_docs(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/analyze" in docs.text
    assert "/api/analyze" in client.get("/openapi.json").json()["paths"]


def test_api_cli_module_is_cheap_to_import():
    import subprocess
    import sys

    code = "import sys, spinscope.api.cli as c; assert 'serve' in c.COMMANDS; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_api_accurate_runs_the_ensemble_setting(client):
    for accurate, version in ((False, "5"), (True, "5-accurate")):
        r = client.post("/api/analyze", json={"text": "These lying traitors are destroying our beloved country.", "detectors": ["techniques"], "accurate": accurate})
        assert r.status_code == 200, r.text
        assert [m["version"] for m in r.json()["models"] if m["name"].startswith("spinscope/techniques")] == [version]


def test_api_request_metadata_is_checked_and_wins_over_the_page(client):
    page = "By Jane Doe | Springfield Gazette\n\nMarch 3, 2019\n\n" + TEXT
    r = client.post("/api/analyze", json={"text": page, "detectors": ["profile"], "outlet": "Daily", "published": "2025-03-03"})
    body = r.json()
    assert r.status_code == 200, body
    assert (body["outlet"], body["published"], body["authors"]) == ("Daily", "2025-03-03", ["Jane Doe"])
    assert body["metadata_sources"]["outlet"] == "request" and body["metadata_sources"]["authors"] == "byline"
    bad = client.post("/api/analyze", json={"text": TEXT, "detectors": ["profile"], "published": "last Tuesday"})
    assert bad.status_code in (400, 422) and bad.json()["code"] == "E206"
