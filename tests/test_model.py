import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from spinscope.model import SCHEMA_ID, Analysis, Span, analysis_json_schema, content_hash

REPO = Path(__file__).resolve().parents[1]


def _analysis() -> Analysis:
    text = "Ein Beispiel 😀 with e\u0301 and more."
    return Analysis(id="a1", text=text, spans=[Span(start=0, end=3, kind="entity", label="ORG", score=0.5, attrs={"x": [1, 2]})])


def test_model_round_trip_is_lossless():
    a = _analysis()
    assert Analysis.from_json(a.to_json()) == a
    assert json.loads(a.to_json())["schema"] == SCHEMA_ID


def test_model_span_text_uses_python_indices():
    a = _analysis()
    assert a.span_text(a.spans[0]) == "Ein"


def test_model_rejects_bad_scores_and_negative_offsets():
    with pytest.raises(ValidationError):
        Span(start=0, end=1, kind="k", label="l", score=1.5)
    with pytest.raises(ValidationError):
        Span(start=-1, end=1, kind="k", label="l", score=0.5)


def test_model_output_validates_against_checked_in_schema():
    schema = json.loads((REPO / "src/spinscope/schema/analysis.schema.json").read_text())
    assert schema == analysis_json_schema(), "schema file is stale: run `spinscope schema > src/spinscope/schema/analysis.schema.json`"
    jsonschema.validate(json.loads(_analysis().to_json()), schema)


def test_model_content_hash_is_stable_and_short():
    assert content_hash("abc") == content_hash("abc") != content_hash("abd")
    assert len(content_hash("abc")) == 16
