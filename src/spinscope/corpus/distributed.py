"""Analysis on a Dask cluster; the store is still written from one place, the client.

The client reads and cleans the documents, skips those already stored, and
submits batches of articles to the workers.  At most ``in_flight`` batches are
out at once, and results are taken back in submission order, so memory stays
flat and the store ends up the same as after a single-process run.  A worker
returns each analysis as the JSON string it produced, stored as it is; when
the actors detector runs, the client first names each analysis's actors as
the store and the earlier batches did (one merger over the whole run, as in
a single process: a worker sees only its own batch).
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spinscope.errors import InputError
from spinscope.model import Article
from spinscope.options import Options


def analyse_remote(articles: list[Article], opts: Options) -> list[tuple[str, str, str | None]]:
    """Runs on a worker: ``("ok", analysis_json, None)`` or ``("error", message, source)`` per article."""
    from spinscope.pipeline import Failure, analyze_stream

    out = []
    for article, result in zip(articles, analyze_stream(articles, options=opts)):
        if isinstance(result, Failure):
            out.append(("error", f"{type(result.error).__name__}: {result.error}", result.source))
        else:
            out.append(("ok", result.to_json(), article.source))
    return out


class RemoteError(Exception):
    """An analysis that failed on a worker, carried back as its message."""


@contextmanager
def dask_analyser(address: str, workers: int = 2, in_flight: int | None = None):
    """An analyser for :func:`spinscope.corpus.add.add_paths` backed by a Dask client.

    ``address`` is a scheduler address, or ``local`` for a LocalCluster of
    ``workers`` single-threaded processes.
    """
    from spinscope.corpus.store import StoreError

    cluster, client = None, None
    try:
        from dask.distributed import Client, LocalCluster

        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, env={"OMP_NUM_THREADS": "1"})
            client = Client(cluster)
        else:
            client = Client(address, timeout="20s")
    except (OSError, ValueError) as exc:  # ValueError: not an address at all ("missing port number")
        raise StoreError("E504", address=address, detail=str(exc).splitlines()[0]) from None
    limit = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
    try:
        yield lambda items, opts, known_actors=None: _run(client, items, opts, limit, known_actors)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(client, items: Iterable[Article | InputError], opts: Options, limit: int, known_actors: list[tuple[str, str]] | None = None) -> Iterator:
    """Submit batches, at most ``limit`` out at once; yield results in input order.

    With ``known_actors`` (the store's recent actors; given when the actors
    detector runs) every result's actors go through one merger seeded with them.
    """
    from spinscope.pipeline import Failure

    merger = None
    if known_actors is not None:
        from spinscope.detectors.actors.merge import StreamingMerger

        merger = StreamingMerger()
        merger.seed(known_actors)

    pending: deque = deque()
    iterator = iter(items)
    while True:
        while len(pending) < limit and (batch := list(itertools.islice(iterator, opts.batch_size))):
            articles = [a for a in batch if isinstance(a, Article)]
            future = client.submit(analyse_remote, articles, opts, pure=False) if articles else None
            pending.append((batch, future))
        if not pending:
            return
        batch, future = pending.popleft()
        results = iter(future.result() if future is not None else [])
        for item in batch:
            if isinstance(item, Article):
                yield _result(next(results), merger)
            else:
                yield Failure(getattr(item, "source", None), item)


def _result(result: tuple[str, str, str | None], merger=None):
    from spinscope.corpus.write import Stored
    from spinscope.pipeline import Failure

    status, payload, source = result
    if status != "ok":
        return Failure(source, RemoteError(payload))
    if merger is None:
        return Stored.from_json(payload)
    from spinscope.model import Analysis

    analysis = merger.merge(Analysis.from_json(payload))
    return Stored(json=analysis.to_json(), data=analysis.to_dict())
