"""Keep the server's memory at its resting size after a burst of requests (glibc only; elsewhere nothing is done).

Requests run in a pool of worker threads, and glibc gives busy threads their
own malloc arenas (up to eight per core).  Memory that Python frees after a
request stays in those arenas as scattered free pages, so after a burst of
analyses and corpus reads the resident size stays near its peak although
nothing holds it.  ``benchmarks/api_load.py`` (32 clients, two rounds of 60 s)
measured 531-534 MiB after the load against a warm baseline of 502 MiB without
these remedies, and 445-446 MiB against 436 MiB with them.  Both are
documented glibc calls:

* :func:`limit_arenas` caps the arenas at :data:`ARENAS` (``mallopt
  M_ARENA_MAX``, as the ``MALLOC_ARENA_MAX`` variable does), called before the
  server starts its threads.  Analyses run one at a time anyway, so the
  threads rarely compete for an arena.
* :class:`TrimWhenIdle` calls ``malloc_trim(0)`` once no request has been in
  flight for :data:`IDLE_SECONDS`, which hands every arena's free pages back.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import functools
import logging

ARENAS = 2
IDLE_SECONDS = 2.0
M_ARENA_MAX = -8  # from glibc's malloc.h

log = logging.getLogger("spinscope.api")


@functools.cache
def _glibc():
    """glibc, or None on other C libraries (musl, macOS, Windows)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas unless ``MALLOC_ARENA_MAX`` already says how many; True when a cap was set."""
    import os

    libc = _glibc()
    if libc is None or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


def trim() -> None:
    """Return the free pages of every malloc arena to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


class TrimWhenIdle:
    """ASGI middleware: counts requests in flight and trims the heap once none has been for ``idle_seconds``."""

    def __init__(self, app, idle_seconds: float = IDLE_SECONDS) -> None:
        self.app = app
        self.idle_seconds = idle_seconds
        self._in_flight = 0
        self._timer: asyncio.TimerHandle | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self._in_flight += 1
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        try:
            await self.app(scope, receive, send)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._timer = asyncio.get_running_loop().call_later(self.idle_seconds, self._trim_in_thread)

    def _trim_in_thread(self) -> None:
        """Trim in a worker thread: on a large heap it takes a few milliseconds the event loop should not wait for."""
        self._timer = None
        asyncio.get_running_loop().run_in_executor(None, trim)
