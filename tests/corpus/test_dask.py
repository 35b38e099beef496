"""Analysis on a Dask LocalCluster (2 worker processes) stores what a single-process run stores."""

from __future__ import annotations

import pytest

from spinscope.options import Options


def test_dask_local_cluster_matches_single_process(articles_file, tmp_path):
    pytest.importorskip("dask.distributed")
    from spinscope.corpus.add import add_paths, local_analyser
    from spinscope.corpus.distributed import dask_analyser
    from spinscope.corpus.export import export
    from spinscope.corpus.store import Store

    opts = Options(detectors=("profile",), batch_size=1)
    single = Store(f"sqlite:///{tmp_path / 'single.db'}").open()
    add_paths(single, [str(articles_file)], opts, analyser=local_analyser)
    spread = Store(f"sqlite:///{tmp_path / 'dask.db'}").open()
    with dask_analyser("local", workers=2) as analyser:
        report = add_paths(spread, [str(articles_file)], opts, analyser=analyser)
    assert report.stored == 4 and not report.failures
    export(single, "jsonl", tmp_path / "single.jsonl")
    export(spread, "jsonl", tmp_path / "dask.jsonl")
    assert (tmp_path / "dask.jsonl").read_text() == (tmp_path / "single.jsonl").read_text()
