"""Generated hostile input through ingest and the whole pipeline: an analysis with in-bounds spans, or the project's own input error.

A bounded run for CI; ``python benchmarks/fuzz.py --seconds 600`` runs the
same strategies (plus 1 MB lines and huge attributes) for longer.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, given, settings

_spec = importlib.util.spec_from_file_location("fuzz_strategies", Path(__file__).parent / "fuzzing" / "strategies.py")
strategies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(strategies)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=strategies.DOCS)
def test_fuzz_pipeline_returns_analyses_or_input_errors(tmp_path, doc):
    suffix, payload = doc
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(payload)
    strategies.check(path)  # every detector


def test_fuzz_check_notices_a_span_outside_the_text(tmp_path, monkeypatch):
    import pytest

    from spinscope.failures import Failure
    from spinscope.model import Span

    path = tmp_path / "a.txt"
    path.write_text("Some text here.", encoding="utf-8")
    import spinscope.engine as pipeline

    real = pipeline.analyze_stream

    def broken(items, detectors=None, options=None):
        for result in real(items, detectors=["entities"], options=options):
            if not isinstance(result, Failure):
                result.spans.append(Span(start=0, end=len(result.text) + 5, kind="entity", label="X", score=1.0))
            yield result

    monkeypatch.setattr(pipeline, "analyze_stream", broken)
    with pytest.raises(AssertionError):
        strategies.check(path)
