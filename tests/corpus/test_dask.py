"""Analysis on a Dask LocalCluster (2 worker processes) stores what a single-process run stores."""

from __future__ import annotations

import pytest

from spinscope.options import Options


def test_dask_local_cluster_matches_single_process(articles_file, tmp_path):
    pytest.importorskip("dask.distributed")
    from spinscope.corpus.add import add_paths
    from spinscope.corpus.distributed import dask_executor
    from spinscope.corpus.export import export
    from spinscope.corpus.store import Store

    opts = Options(detectors=("profile",), batch_size=1)
    single = Store(f"sqlite:///{tmp_path / 'single.db'}").open()
    add_paths(single, [str(articles_file)], opts)
    spread = Store(f"sqlite:///{tmp_path / 'dask.db'}").open()
    with dask_executor("local", workers=2) as executor:
        report = add_paths(spread, [str(articles_file)], opts, executor=executor)
    assert report.stored == 4 and not report.failures
    export(single, "jsonl", tmp_path / "single.jsonl")
    export(spread, "jsonl", tmp_path / "dask.jsonl")
    assert (tmp_path / "dask.jsonl").read_text() == (tmp_path / "single.jsonl").read_text()


def test_dask_names_actors_across_batches_and_as_the_store_does(tmp_path):
    pytest.importorskip("dask.distributed")
    import json

    from spinscope.corpus.add import add_paths
    from spinscope.corpus.distributed import dask_executor
    from spinscope.corpus.export import export
    from spinscope.corpus.store import Store

    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "a", "text": "Barack Obama spoke in Chicago on Monday about the economy."}) + "\n", encoding="utf-8")
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps({"id": "b", "text": "Obama said the plan would create jobs in the spring."})
        + "\n"
        + json.dumps({"id": "c", "text": "Kamala Harris visited a factory in Ohio on Monday."})
        + "\n"
        + json.dumps({"id": "d", "text": "Harris said the factory would hire more workers."})
        + "\n",
        encoding="utf-8",
    )
    opts = Options(detectors=("actors",), batch_size=1)  # every article its own batch, on either worker
    store = Store(f"sqlite:///{tmp_path / 'dask.db'}").open()
    with dask_executor("local", workers=2) as executor:
        add_paths(store, [str(first)], opts, executor=executor)
        add_paths(store, [str(later)], opts, executor=executor)
    out = tmp_path / "all.jsonl"
    export(store, "jsonl", out)
    people = {r["id"]: {a["id"] for a in r["actors"] if a["type"] == "person"} for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert people["a"] == {"barack-obama"}
    assert people["b"] == {"barack-obama"}  # as the store named him in the earlier run, not a new "obama"
    assert people["c"] == people["d"] == {"kamala-harris"}  # one id across batches of one run, not "harris"
