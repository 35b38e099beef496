"""Generated hostile input through ingest and the whole pipeline: an analysis with in-bounds spans, or the project's own input error."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinscope.errors import InputError
from spinscope.ingest import iter_paths
from spinscope.model import Analysis
from spinscope.options import Options
from spinscope.pipeline import Failure, analyze_stream

NASTY = st.sampled_from(["\u200b", "\u202e", "\u2066", "\ufeff", "\x00", "\r", "\r\n", "é", "e\u0301", "😀", "<", "&amp;", "\"", "“", "”", "\t", " "])
TEXT = st.lists(st.one_of(st.text(max_size=40), NASTY), max_size=40).map("".join)
WORDS = st.lists(st.sampled_from(["Kyiv", "said", "the", "Reuters", "40", "traitors", "Putin", "war", "."]), max_size=30).map(" ".join)


def _html(depth: int, body: str, attr: str) -> str:
    return "<html><body>" + "<div>" * depth + f'<p title="{attr}">{body}</p>' + "</div>" * (depth // 2) + "<script>x</script>"


DOCS = st.one_of(
    st.tuples(st.just(".txt"), st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")), TEXT.map(lambda t: t.encode("cp1252", "replace")))),
    st.tuples(st.just(".html"), st.builds(_html, st.integers(0, 300), st.one_of(TEXT, WORDS), st.text(max_size=2000)).map(lambda h: h.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".jsonl"), st.lists(st.one_of(st.builds(lambda t: json.dumps({"text": t}), st.one_of(TEXT, WORDS)), TEXT), max_size=4).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".csv"), st.lists(st.one_of(WORDS, TEXT), max_size=4).map(lambda rows: ("id,text\n" + "\n".join(f'{i},"{r}"' for i, r in enumerate(rows))).encode("utf-8", "surrogatepass"))),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=DOCS)
def test_fuzz_pipeline_returns_analyses_or_input_errors(tmp_path, doc):
    suffix, payload = doc
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(payload)
    for result in analyze_stream(iter_paths([str(path)], Options()), detectors=["entities", "profile"]):
        if isinstance(result, Failure):
            assert isinstance(result.error, InputError), result.error
            continue
        assert isinstance(result, Analysis) and result.text.strip()
        for span in result.spans:
            assert 0 <= span.start < span.end <= len(result.text)
