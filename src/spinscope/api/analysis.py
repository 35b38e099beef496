"""Turn an API request into an Article and analyse it with detectors built once and shared.

Detectors (and the models they load lazily) are cached per detector selection,
so the first request pays for loading and the rest reuse it.  Analyses run
one at a time in a worker thread: the event loop stays free for other requests
and the shared CPU is not oversubscribed.
"""

from __future__ import annotations

import threading

from pydantic import BaseModel, ConfigDict, Field

from spinscope.api.errors import ApiError
from spinscope.api.settings import ApiSettings
from spinscope.model import Analysis, Article
from spinscope.options import Options


class AnalyzeRequest(BaseModel):
    """Body of ``POST /api/analyze``: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="Plain article text.")
    html: str | None = Field(default=None, description="A page's HTML; the article is extracted from it.")
    url: str | None = Field(default=None, description="With html: where the page came from. Alone: fetch it (needs --allow-fetch).")
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    detectors: list[str] | None = Field(default=None, description="Detectors to run (default: all).")
    min_score: float | None = Field(default=None, ge=0.0, le=1.0, description="Drop spans scored below this.")
    keep_boilerplate: bool = False
    accurate: bool = Field(default=False, description="Find techniques with the shipped two-model ensemble and quotes with the attribution tagger: more accurate, slower.")
    store: bool = Field(default=False, description="Also save the analysis in the corpus store (needs --db, not --read-only).")


class Analyzer:
    """Analyses one article at a time; detectors are shared per process (``registry.shared``), so models load once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def analyse(self, article: Article, opts: Options, store=None) -> Analysis:
        """Analyse one article through the engine; with ``store``, also store it there, its actors named as the
        store names them.  An input problem raises InputError, a detector bug raises its error."""
        from spinscope import engine
        from spinscope.failures import Failure

        sink, seeds = None, None
        if store is not None:
            from spinscope import detectors as registry
            from spinscope.corpus.add import AddReport, StoreSink, seeds_of

            sink, seeds = StoreSink(store, None, AddReport()), seeds_of(store, registry.shared(opts.detectors, opts.model_paths))
        with self._lock:  # one at a time: stored articles name their actors in the order they were stored
            (result,) = engine.run([article], opts, sink=sink, seeds=seeds)
        if isinstance(result, Failure):
            raise result.error
        return result


def options_for(req: AnalyzeRequest, settings: ApiSettings) -> Options:
    detectors = tuple(d.strip() for d in req.detectors if d.strip()) if req.detectors else None
    from spinscope.detectors import accurate_models

    return Options(detectors=detectors or None, min_score=req.min_score, keep_boilerplate=req.keep_boilerplate, max_bytes=settings.max_body, model_paths=accurate_models() if req.accurate else {})


def article_for(req: AnalyzeRequest, opts: Options, settings: ApiSettings) -> Article:
    """The Article a request describes: plain text, HTML, or a fetched page.  Runs in a worker thread."""
    from spinscope.engine import checked_metadata
    from spinscope.ingest import article_from_text, from_string

    given = checked_metadata({"title": req.title, "outlet": req.outlet, "published": req.published})  # E206 as --published gives it
    if req.text is not None:
        return article_from_text(req.text, url=req.url, options=opts, source="text", given_by="request", **given)
    if req.html is not None:
        from spinscope.ingest.html import article_from_html

        return article_from_html(req.html, url=req.url, options=opts, source=req.url or "html", given_by="request", **given)
    if not req.url:
        raise ApiError("E605")
    article = from_string(_fetched(req.url, settings), url=req.url, options=opts, source=req.url)
    if not given:
        return article
    return article.model_copy(update={**given, "metadata_sources": {**article.metadata_sources, **dict.fromkeys(given, "request")}})


def _fetched(url: str, settings: ApiSettings) -> str:
    from spinscope.api.fetch import fetch
    from spinscope.ingest.decode import decode

    if not settings.allow_fetch:
        raise ApiError("E601")
    page = fetch(url, max_bytes=settings.max_body, timeout=settings.fetch_timeout, allow_private=settings.allow_private)
    return decode(page.body, url, html=True, hint=page.charset)
