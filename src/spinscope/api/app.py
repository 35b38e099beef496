"""Build the FastAPI app: API routes, pages, static files, error handlers, size limit and security headers."""

from __future__ import annotations

from spinscope.api.settings import ApiSettings

DESCRIPTION = (
    "Analyse news articles for manipulation: propaganda techniques, check-worthy claims, quotes, actors and the article profile, "
    "every finding a span with character offsets into the cleaned text. Errors always have the shape "
    '{"ok": false, "error": "...", "status": N}.'
)


def build_app(settings: ApiSettings):
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from spinscope.api import errors, routes
    from spinscope.api.analysis import Analyzer
    from spinscope.api.limits import BodyLimit
    from spinscope.api.memory import TrimWhenIdle
    from spinscope.api.security import SecurityHeaders
    from spinscope.api.store import CorpusViews
    from spinscope.version import __version__
    from spinscope.web import routes as pages
    from spinscope.web import static_dir

    app = FastAPI(title="spinscope", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.analyzer = Analyzer()
    app.state.corpus = CorpusViews(settings.db)
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrimWhenIdle)
    return app
