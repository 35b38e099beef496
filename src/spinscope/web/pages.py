"""A web UI page: one template rendered for one request, with the server's settings."""

from __future__ import annotations


def render(name: str, request, **context) -> str:
    from spinscope.web import environment

    settings = request.app.state.settings
    return environment().get_template(name).render(request=request, settings=settings, path=request.url.path, **context)


def page(name: str, request, status: int = 200, **context):
    from fastapi.responses import HTMLResponse

    return HTMLResponse(render(name, request, **context), status_code=status)
