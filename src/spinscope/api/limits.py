"""Request-size limit as plain ASGI middleware: the declared Content-Length and the bytes actually streamed.

A body announced over the limit is refused without passing a byte of it to
the app; a body that streams past the limit (chunked, or a lying
Content-Length) is cut off at the first chunk that crosses it.  Both answer
413 in the one error shape.

Draining: a client that sends its whole body without ``Expect: 100-continue``
(Python's ``urllib`` and ``http.client``, many others) is still writing when a
413 for its declared Content-Length is ready.  Answering and closing then
leaves unread bytes in the server's receive buffer, the kernel resets the
connection, and the client sees ``Connection reset by peer`` instead of the
413.  So before refusing a declared-too-large body the middleware reads and
discards it, up to a bound of ``max(DRAIN_CAP, DRAIN_FACTOR * max_body)``
(64 MiB, or four times the limit when that is larger), then answers with
``Connection: close``.  A body declared beyond the bound is not drained: it is
answered and closed at once, and such a client (one sending gigabytes) may
still see a reset.  A request with ``Expect: 100-continue`` (curl) is answered
at once too: it has sent no body yet, and reading would invite it to.  The
drain stops at the end of the body (``more_body`` false), at
``http.disconnect``, and when no chunk arrives for ``DRAIN_IDLE`` seconds or
the whole drain takes over ``DRAIN_DEADLINE`` seconds (a client that declared
more than it sends), so it never hangs.
"""

from __future__ import annotations

import asyncio
import time

from spinscope.api.errors import ApiError
from spinscope.ingest.decode import format_size

DRAIN_CAP = 64 * 1024 * 1024  # bytes: a refused body up to this size is read and discarded before the 413 ...
DRAIN_FACTOR = 4  # ... or up to this many times the limit, when that is larger
DRAIN_IDLE = 5.0  # seconds to wait for the next chunk while draining
DRAIN_DEADLINE = 30.0  # seconds for a whole drain


def too_large(size: int | str, limit: int) -> ApiError:
    shown = size if isinstance(size, str) else format_size(size)
    return ApiError("E600", size=shown, limit=format_size(limit))


class BodyLimit:
    """Wraps an ASGI app; refuses request bodies over ``max_body`` bytes with 413."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            if declared <= max(DRAIN_CAP, DRAIN_FACTOR * self.max_body) and not _expects_continue(scope):
                if not await _drain(receive):
                    return  # the client went away: nobody to answer
            await self._refuse(scope, receive, send, too_large(declared, self.max_body))
            return
        started = False

        async def counting_receive():
            message = await receive()
            if message["type"] == "http.request":
                counting_receive.total += len(message.get("body", b""))
                if counting_receive.total > self.max_body:
                    raise too_large(f"over {format_size(self.max_body)}", self.max_body)
            return message

        counting_receive.total = 0

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except ApiError as exc:
            if started:
                raise
            await self._refuse(scope, receive, send, exc)

    async def _refuse(self, scope, receive, send, exc: ApiError) -> None:
        from starlette.requests import Request

        from spinscope.api.errors import respond

        response = respond(Request(scope), str(exc), exc.status, exc.code)
        response.headers["connection"] = "close"
        await response(scope, receive, send)


async def _drain(receive) -> bool:
    """Read and discard the rest of the request body; False when the client disconnected."""
    deadline = time.monotonic() + DRAIN_DEADLINE
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        try:
            message = await asyncio.wait_for(receive(), timeout=min(DRAIN_IDLE, left))
        except asyncio.TimeoutError:
            return True  # the client stopped sending short of its Content-Length: answer and close
        if message["type"] == "http.disconnect":
            return False
        if not message.get("more_body", False):
            return True


def _expects_continue(scope) -> bool:
    return any(name == b"expect" and value.lower() == b"100-continue" for name, value in scope.get("headers", []))


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
