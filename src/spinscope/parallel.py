"""Analysis in several processes, results in input order, a bounded number of batches in flight.

Ingest stays in the calling process (it streams); each worker process loads
its own models once and analyses whole batches.  Results travel back as
analysis JSON, so nothing but plain data crosses the process boundary.
"""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from spinscope.failures import Failure
from spinscope.model import Analysis, Article
from spinscope.options import Options


class RemoteFailure(Failure):
    """A document that failed in a worker process, as the worker described it."""

    def __init__(self, data: dict, line: str) -> None:
        self.source = data.get("source")
        self.error = RuntimeError(line)
        self._data, self._line = data, line
        Exception.__init__(self, line)

    def to_dict(self) -> dict:
        return self._data

    def line(self) -> str:
        return self._line


def _work(analyse, articles: list[Article], opts: Options) -> list[tuple]:
    out = []
    for result in analyse(articles, opts):
        if isinstance(result, Failure):
            out.append(("failure", result.to_dict(), result.line()))
        else:
            out.append(("analysis", result.to_json()))
    return out


def _unpack(rows: list[tuple]) -> list[Analysis | Failure]:
    return [Analysis.from_json(row[1]) if row[0] == "analysis" else RemoteFailure(row[1], row[2]) for row in rows]


def analyse_in_processes(batches: Iterable[list], opts: Options, analyse: Callable) -> Iterator[tuple[list, list]]:
    """Yield ``(batch, results)`` in batch order; ``results`` has one entry per Article of the batch.

    ``analyse(articles, opts)`` runs in the workers: a module-level function
    (it travels to them by name), yielding one Analysis or Failure per article."""
    in_flight: collections.deque = collections.deque()
    context = multiprocessing.get_context("spawn")  # no inherited threads or half-loaded models
    with ProcessPoolExecutor(max_workers=opts.workers, mp_context=context) as pool:
        try:
            for batch in batches:
                articles = [a for a in batch if isinstance(a, Article)]
                in_flight.append((batch, pool.submit(_work, analyse, articles, opts)))
                if len(in_flight) >= 2 * opts.workers:
                    done_batch, future = in_flight.popleft()
                    yield done_batch, _unpack(future.result())
            while in_flight:
                done_batch, future = in_flight.popleft()
                yield done_batch, _unpack(future.result())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
