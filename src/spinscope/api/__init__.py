"""The REST API and web UI (FastAPI): ``spinscope serve``.

Importing this package is cheap: FastAPI loads only when :func:`create_app`
is called, so the command line starts fast.
"""

from __future__ import annotations

from spinscope.api.settings import ApiSettings


def create_app(settings: ApiSettings | None = None):
    """Build the ASGI app (API under ``/api``, pages under ``/``, OpenAPI under ``/docs``)."""
    from spinscope.api.app import build_app

    return build_app(settings or ApiSettings())


__all__ = ["ApiSettings", "create_app"]
