"""One JSON error shape for every API error: ``{"ok": false, "code": "E6xx", "error": "...", "status": N, "source": ...}``
(:func:`spinscope.errors.record`, the same record an ``--errors`` file holds).

Pages (paths outside ``/api``) get the same message as an HTML page.  Bad input
always maps to a 4xx; a 500 means a bug in spinscope, never in the request.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Literal

from pydantic import BaseModel

from spinscope.errors import RequestError, SpinscopeError, http_status, record

log = logging.getLogger("spinscope.api")


ApiError = RequestError  # a request the API cannot serve; its status comes from its code


class ErrorBody(BaseModel):
    """The one error shape, declared in the OpenAPI document for every error status a route can answer."""

    ok: Literal[False] = False
    code: str | None = None
    error: str
    status: int
    source: str | None = None


def error_responses(*statuses: int) -> dict[int, dict]:
    """``responses=`` for a route: each status with the error shape, so clients and schema checks know what comes back."""
    return {status: {"model": ErrorBody, "description": HTTPStatus(status).phrase} for status in statuses}


def payload(message: str, status: int, code: str | None = None, source: str | None = None) -> dict:
    return record(code, message, source, status)


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

    app.add_exception_handler(SpinscopeError, lambda r, e: respond(r, str(e), http_status(e.code), e.code, getattr(e, "source", None)))
    app.add_exception_handler(RequestValidationError, lambda r, e: respond(r, validation_message(e.errors()), 422, "E610"))
    app.add_exception_handler(ValidationError, lambda r, e: respond(r, validation_message(e.errors()), 422, "E610"))
    app.add_exception_handler(HTTPException, lambda r, e: respond(r, str(e.detail), e.status_code, "E614"))
    app.add_exception_handler(Exception, _internal)


def _internal(request, exc: Exception):
    log.error("internal error on %s", request.url.path, exc_info=exc)  # runs in a worker thread: pass the exception itself
    return respond(request, str(SpinscopeError("E401", detail=type(exc).__name__)), 500, "E401")


def respond(request, message: str, status: int, code: str | None = None, source: str | None = None):
    """The JSON error for API paths, an HTML page with the same message for pages."""
    from fastapi.responses import HTMLResponse, JSONResponse

    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(payload(message, status, code, source), status_code=status)
    from spinscope.web.pages import render

    return HTMLResponse(render("error.html", request, message=message, status=status), status_code=status)
