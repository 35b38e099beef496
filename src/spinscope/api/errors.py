"""One JSON error shape for every API error: ``{"ok": false, "error": "...", "status": N}``.

Pages (paths outside ``/api``) get the same message as an HTML page.  Bad input
always maps to a 4xx; a 500 means a bug in spinscope, never in the request.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Literal

from pydantic import BaseModel

from spinscope.errors import Errors, InputError, UsageError

log = logging.getLogger("spinscope.api")


class ApiError(Exception):
    """An error with its HTTP status and a numbered message from :mod:`spinscope.errors`."""

    def __init__(self, status: int, code: str, **fields: object) -> None:
        self.status = status
        self.code = code
        self.message = f"[{code}] " + getattr(Errors, code).format(**fields)
        super().__init__(self.message)


class ErrorBody(BaseModel):
    """The one error shape, declared in the OpenAPI document for every error status a route can answer."""

    ok: Literal[False] = False
    error: str
    status: int


def error_responses(*statuses: int) -> dict[int, dict]:
    """``responses=`` for a route: each status with the error shape, so clients and schema checks know what comes back."""
    return {status: {"model": ErrorBody, "description": HTTPStatus(status).phrase} for status in statuses}


def payload(message: str, status: int) -> dict:
    return {"ok": False, "error": message, "status": status}


def validation_message(errors: list[dict]) -> str:
    """Pydantic/FastAPI validation errors as one sentence a person can act on."""
    parts = []
    for err in errors[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        if err.get("type") == "json_invalid":
            parts.append(f"malformed JSON: {err.get('ctx', {}).get('error', err.get('msg'))}")
        elif err.get("type") == "missing":
            parts.append(f"{where or 'value'} is required")
        else:
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "[E610] malformed request: " + "; ".join(parts)


def install(app) -> None:
    """Register the handlers that give every error the one shape."""
    from fastapi.exceptions import RequestValidationError
    from pydantic import ValidationError
    from starlette.exceptions import HTTPException

    app.add_exception_handler(ApiError, lambda r, e: respond(r, e.message, e.status))
    app.add_exception_handler(InputError, lambda r, e: respond(r, str(e), 422))
    app.add_exception_handler(UsageError, lambda r, e: respond(r, str(e), 422))
    app.add_exception_handler(RequestValidationError, lambda r, e: respond(r, validation_message(e.errors()), 422))
    app.add_exception_handler(ValidationError, lambda r, e: respond(r, validation_message(e.errors()), 422))
    app.add_exception_handler(HTTPException, lambda r, e: respond(r, str(e.detail), e.status_code))
    app.add_exception_handler(Exception, _internal)


def _internal(request, exc: Exception):
    log.error("internal error on %s", request.url.path, exc_info=exc)  # runs in a worker thread: pass the exception itself
    return respond(request, f"internal error: {type(exc).__name__} (a bug in spinscope, not in the request)", 500)


def respond(request, message: str, status: int):
    """The JSON error for API paths, an HTML page with the same message for pages."""
    from fastapi.responses import HTMLResponse, JSONResponse

    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(payload(message, status), status_code=status)
    from spinscope.api.pages import render

    return HTMLResponse(render("error.html", request, message=message, status=status), status_code=status)
