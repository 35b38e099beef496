"""Request-size limit as plain ASGI middleware: the declared Content-Length and the bytes actually streamed.

A body announced over the limit is refused before a byte of it is read; a
body that streams past the limit (chunked, or a lying Content-Length) is cut
off at the first chunk that crosses it.  Both answer 413 in the one error shape.
"""

from __future__ import annotations

from spinscope.api.errors import ApiError
from spinscope.ingest.decode import format_size


def too_large(size: int | str, limit: int) -> ApiError:
    shown = size if isinstance(size, str) else format_size(size)
    return ApiError(413, "E600", size=shown, limit=format_size(limit))


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

        response = respond(Request(scope), exc.message, exc.status)
        response.headers["connection"] = "close"
        await response(scope, receive, send)


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
