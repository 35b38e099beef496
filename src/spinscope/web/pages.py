"""A web UI page: one template rendered for one request, with the server's settings."""

from __future__ import annotations


def render(name: str, request, **context) -> str:
    from spinscope.formats import SINGLE_KINDS, input_kinds
    from spinscope.web import environment

    settings = request.app.state.settings
    uploads = ",".join(suffix for suffix, kind in input_kinds().items() if kind in SINGLE_KINDS)  # what the upload field offers
    return environment().get_template(name).render(request=request, settings=settings, path=request.url.path, uploads=uploads, **context)


def page(name: str, request, status: int = 200, **context):
    from fastapi.responses import HTMLResponse

    return HTMLResponse(render(name, request, **context), status_code=status)
