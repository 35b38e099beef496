"""Analysis on a Dask cluster; the store is still written from one place, the client.

The client reads and cleans the documents, skips those already stored, and
the engine submits batches of articles to the workers through
:class:`spinscope.executors.Dask`.  At most ``in_flight`` batches are out at
once, and results are taken back in submission order, so memory stays flat
and the store ends up the same as after a single-process run: the engine's
stream stages (actor naming) and its sink (the store) run in the client.
"""

from __future__ import annotations

from contextlib import contextmanager

from spinscope.executors import Dask


@contextmanager
def dask_executor(address: str, workers: int = 2, in_flight: int | None = None):
    """The engine's Dask executor (:class:`spinscope.executors.Dask`), connected for the ``with`` block.

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
        yield Dask(client, limit)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
