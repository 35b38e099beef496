"""schemathesis over the API's own OpenAPI document: no server error, every response as the schema declares it.

The fuzzed app is built as ``conftest.make_client`` builds it, over a small
temporary SQLite corpus, with URL fetching off (no network).  Analyses run the
real detectors on the short texts schemathesis generates.  The tests after the
fuzz pin what it found.
"""

from __future__ import annotations

import logging

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance, status_code_conformance

from spinscope.model import Analysis, Profile, Span

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]
BUDGET = "Springfield council passes budget\n\nThe Springfield city council passed the budget on Monday after Mayor Jane Smith warned of deep cuts."


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory) -> str:
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import add_analysis

    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'api.db'}"
    store = Store(url).open()
    cut = BUDGET.index("deep cuts")
    spans = [Span(start=cut, end=cut + 9, kind="technique", label="Loaded_Language", score=0.8)]
    add_analysis(store, Analysis(id="b1", title="Springfield council passes budget", text=BUDGET, outlet="Herald", published="2024-03-04", spans=spans, profile=Profile(words=20)))
    store.close()
    return url


@pytest.fixture(scope="module")
def api_schema(corpus_url):
    from spinscope.api import ApiSettings, create_app

    return schemathesis.openapi.from_asgi("/openapi.json", create_app(ApiSettings(db=corpus_url)))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_api_schema_fuzz(case):
    case.call_and_validate(checks=CHECKS)


def test_api_openapi_declares_the_error_shape_for_every_error_status(client):
    doc = client.get("/openapi.json").json()
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            errors = {code: r for code, r in op["responses"].items() if code != "200"}
            for code, response in errors.items():
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, (method, path, code)
    assert {"401", "403", "413", "415", "422", "503"} <= set(doc["paths"]["/api/analyze"]["post"]["responses"])
    assert set(doc["components"]["schemas"]["ErrorBody"]["required"]) == {"error", "status"}


def test_api_unreadable_multipart_is_a_422_not_a_400(client):
    body = b"--b1\r\n-2.2e-64--b1--\r\n"
    r = client.post("/api/analyze", content=body, headers={"content-type": "multipart/form-data; boundary=b1"})
    assert r.status_code == 422, r.text
    assert r.json()["ok"] is False and "E610" in r.json()["error"] and "form" in r.json()["error"]


def test_api_articles_page_past_any_offset_is_a_422(make_client, corpus_url):
    r = make_client(db=corpus_url).get("/api/articles", params={"page": 184467440737095518})
    assert r.status_code == 422, r.text
    assert "page" in r.json()["error"]


def test_api_internal_error_is_logged_with_its_traceback(make_client, caplog):
    client = make_client()

    def broken(article, opts, store=None):
        raise RuntimeError("detector bug")

    client.app.state.analyzer.analyse = broken
    with caplog.at_level(logging.ERROR, logger="spinscope.api"):
        r = client.post("/api/analyze", json={"text": "The council met on Monday."})
    assert r.status_code == 500 and "RuntimeError" in r.json()["error"]
    (record,) = [rec for rec in caplog.records if rec.name == "spinscope.api"]
    assert record.exc_info and record.exc_info[0] is RuntimeError


def test_api_export_declares_its_body_and_file_types(client):
    op = client.get("/openapi.json").json()["paths"]["/api/export"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Analysis"}
    assert set(op["responses"]["200"]["content"]) == {"application/json", "text/csv", "text/html"}


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_api_export_of_an_id_outside_latin_1_is_a_file_not_a_500(client, fmt):
    r = client.post(f"/api/export?format={fmt}", json={"id": "статья-Ā", "text": "Мэр сказал."})
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"] == f'attachment; filename="spinscope-______-_.{fmt}"'
