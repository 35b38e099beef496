"""Where the engine's batches are analysed: in this process, in processes, or on a Dask cluster.

An executor has one method, ``map(batches, options)``: it takes batches of
:class:`Article` lazily and yields, for each batch and in batch order, one
:class:`Analysis` or :class:`Failure` per article.  A bounded number of
batches is in flight at once, so memory stays flat however long the stream.
Remote executors send articles out and take analyses back as JSON, so nothing
but plain data crosses a process boundary, and the engine's stream stages and
sink run in the calling process whichever executor analysed.
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Iterable, Iterator

from spinscope.failures import Failure
from spinscope.model import Analysis, Article
from spinscope.options import Options


def default_executor(opts: Options):
    """In this process, or in ``opts.workers`` processes when that is more than one."""
    return Processes(opts.workers) if opts.workers > 1 else InProcess()


class InProcess:
    """Each batch in this process, with the detectors shared by this process."""

    def map(self, batches: Iterable[list[Article]], opts: Options) -> Iterator[list[Analysis | Failure]]:
        from spinscope.pipeline import analyse_articles

        for articles in batches:
            yield analyse_articles(articles, opts)


class RemoteFailure(Failure):
    """A document that failed in another process, as that process described it."""

    def __init__(self, data: dict, line: str) -> None:
        self.source = data.get("source")
        self.error = RuntimeError(line)
        self._data, self._line = data, line
        Exception.__init__(self, line)

    def to_dict(self) -> dict:
        return self._data

    def line(self) -> str:
        return self._line


def analyse_packed(articles: list[Article], opts: Options) -> list[tuple]:
    """Runs in a worker: ``("analysis", json)`` or ``("failure", record, line)`` per article."""
    from spinscope.pipeline import analyse_articles

    out = []
    for result in analyse_articles(articles, opts):
        if isinstance(result, Failure):
            out.append(("failure", result.to_dict(), result.line()))
        else:
            out.append(("analysis", result.to_json()))
    return out


def unpack(rows: list[tuple]) -> list[Analysis | Failure]:
    return [Analysis.from_json(row[1]) if row[0] == "analysis" else RemoteFailure(row[1], row[2]) for row in rows]


def _in_order(submit, batches: Iterable[list[Article]], limit: int) -> Iterator[list[Analysis | Failure]]:
    """Submit batches (``submit(articles) -> a future``), at most ``limit`` out at once; yield results in order."""
    in_flight: collections.deque = collections.deque()
    for articles in batches:
        in_flight.append(submit(articles) if articles else None)
        if len(in_flight) >= limit:
            future = in_flight.popleft()
            yield unpack(future.result()) if future is not None else []
    while in_flight:
        future = in_flight.popleft()
        yield unpack(future.result()) if future is not None else []


class Processes:
    """``workers`` processes of this machine; each loads its own models once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, batches: Iterable[list[Article]], opts: Options) -> Iterator[list[Analysis | Failure]]:
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")  # no inherited threads or half-loaded models
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            try:
                yield from _in_order(lambda articles: pool.submit(analyse_packed, articles, opts), batches, 2 * self.workers)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise


class Dask:
    """A Dask cluster, through a connected ``distributed.Client``; see :func:`spinscope.corpus.distributed.dask_executor`."""

    def __init__(self, client, limit: int) -> None:
        self.client, self.limit = client, limit

    def map(self, batches: Iterable[list[Article]], opts: Options) -> Iterator[list[Analysis | Failure]]:
        yield from _in_order(lambda articles: self.client.submit(analyse_packed, articles, opts, pure=False), batches, self.limit)
