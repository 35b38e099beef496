"""Token and read-only checks for write endpoints, and the headers every response carries."""

from __future__ import annotations

import hmac

from spinscope.api.errors import ApiError

# Everything is served from this origin; no inline script, no inline style, no frames.
CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def check_token(settings, authorization: str | None, form_token: str | None = None) -> None:
    """Raise 401 unless the server has no token or the request carries it (header, or a page form's field)."""
    if not settings.token:
        return
    given = ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    elif form_token:
        given = form_token
    if not hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8")):
        raise ApiError("E607")


def check_writable(settings) -> None:
    if settings.read_only:
        raise ApiError("E606")
    if not settings.db:
        raise ApiError("E608")


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
