import csv
import io
import json

import pytest

from spinscope.errors import UsageError
from spinscope.model import Analysis, Span
from spinscope.outputs.formats import make_writer
from spinscope.outputs.writers import merge_intervals


def _analysis(id_="article123", text="Bad people did bad things.") -> Analysis:
    return Analysis(
        id=id_,
        text=text,
        spans=[
            Span(start=0, end=10, kind="technique", label="Name_Calling,Labeling", score=0.9),
            Span(start=4, end=14, kind="technique", label="Loaded_Language", score=0.8),
            Span(start=15, end=25, kind="technique", label="Loaded_Language", score=0.7),
            Span(start=0, end=3, kind="entity", label="ORG", score=1.0, attrs={"k": "v"}),
        ],
    )


def _render(fmt: str, analyses, single=False) -> str:
    out = io.StringIO()
    w = make_writer(fmt, out, single=single)
    for a in analyses:
        w.write(a)
    w.close()
    return out.getvalue()


def test_writers_json_single_is_an_object_and_several_a_list():
    assert json.loads(_render("json", [_analysis()], single=True))["id"] == "article123"
    many = json.loads(_render("json", [_analysis("a"), _analysis("b")]))
    assert [a["id"] for a in many] == ["a", "b"]
    assert json.loads(_render("json", [])) == []


def test_writers_jsonl_one_analysis_per_line():
    lines = _render("jsonl", [_analysis("a"), _analysis("b")]).splitlines()
    assert [Analysis.from_json(x).id for x in lines] == ["a", "b"]


def test_writers_csv_one_row_per_span_with_its_text():
    rows = list(csv.DictReader(io.StringIO(_render("csv", [_analysis()]))))
    assert len(rows) == 4
    assert rows[0]["article_id"] == "article123"
    assert rows[0]["text"] == "Bad people"
    assert json.loads(rows[3]["attrs"]) == {"k": "v"}


def test_writers_semeval_tc_uses_article_digits():
    lines = _render("semeval-tc", [_analysis()]).splitlines()
    assert lines == ["123\tName_Calling,Labeling\t0\t10", "123\tLoaded_Language\t4\t14", "123\tLoaded_Language\t15\t25"]


def test_writers_semeval_si_merges_overlaps_and_ignores_other_kinds():
    assert _render("semeval-si", [_analysis()]).splitlines() == ["123\t0\t14", "123\t15\t25"]


def test_writers_semeval_keeps_non_article_ids():
    assert _render("semeval-si", [_analysis("story-7")]).startswith("story-7\t")


def test_writers_unknown_format_names_the_choices():
    with pytest.raises(UsageError, match="semeval-tc"):
        make_writer("xml", io.StringIO())


def test_writers_merge_intervals_touching_and_nested():
    assert merge_intervals([(5, 8), (0, 3), (3, 4), (6, 7)]) == [(0, 4), (5, 8)]
