"""The web UI's routes: server-rendered pages over the same functions as the JSON API (which serves JSON only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from spinscope.api.errors import ApiError
from spinscope.api.requests import read_request
from spinscope.api.routes import export_response, run_analysis
from spinscope.api.security import check_token
from spinscope.model import Analysis
from spinscope.web.pages import page

router = APIRouter(include_in_schema=False)
PER_PAGE = 50


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return page("analyze.html", request)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request) -> HTMLResponse:
    """The form's result: the article highlighted beside its profile, claims, quotes, actors and boilerplate,
    under the form as it was sent (the pasted text and the fields kept), stored when the form asked."""
    from spinscope.errors import SpinscopeError
    from spinscope.web.render import article_view

    try:
        req, form_token = await read_request(request, request.app.state.settings.max_body)
        check_token(request.app.state.settings, request.headers.get("authorization"), form_token)
        analysis = await run_analysis(request, req)
    except (ApiError, SpinscopeError) as exc:  # InputError, UsageError, validation: shown above the form
        status = exc.status if isinstance(exc, ApiError) else 422
        return page("analyze.html", request, status=status, error=str(exc), form=await kept_fields(request))
    view = article_view(analysis)
    return page("analyze.html", request, view=view, analysis_json=analysis.to_json(), form=await kept_fields(request), stored=analysis.id if req.store else None)


KEPT_FIELDS = ("text", "url", "title", "outlet", "published", "min_score", "detectors", "accurate", "store")


async def kept_fields(request: Request) -> dict[str, str]:
    """The form's fields as sent, to fill the form again; none when the body was not a form that parsed."""
    from starlette.exceptions import HTTPException

    try:
        form = await request.form()  # the form read_request parsed, kept by the request
    except (HTTPException, RuntimeError, ValueError):  # a body that never parsed, or one already consumed
        return {}
    return {k: v for k in KEPT_FIELDS if isinstance(v := form.get(k), str) and v}


@router.post("/export")
async def export_page(analysis: Annotated[str, Form()], format: Annotated[str, Form(pattern="^(json|csv|html)$")]) -> Response:
    """Download the analysis shown on the page (sent back by the page's export form)."""
    return export_response([Analysis.model_validate_json(analysis)], format)


@router.get("/articles", response_class=HTMLResponse)
async def articles_page(
    request: Request,
    page_no: Annotated[int, Query(alias="page", ge=1)] = 1,
    outlet: str | None = None,
    technique: str | None = None,
    actor: str | None = None,
    genre: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> HTMLResponse:
    filters = {k: v for k, v in dict(outlet=outlet, technique=technique, actor=actor, genre=genre, date_from=date_from, date_to=date_to).items() if v}
    found = await run_in_threadpool(request.app.state.corpus.articles, offset=(page_no - 1) * PER_PAGE, limit=PER_PAGE, **filters)
    return page("articles.html", request, found=found, filters=filters, page_no=page_no, per_page=PER_PAGE)


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
async def article_page(request: Request, doc_id: str) -> HTMLResponse:
    from spinscope.web.render import article_view

    corpus = request.app.state.corpus
    analysis = await run_in_threadpool(corpus.article, doc_id)
    story = await run_in_threadpool(corpus.story_of, doc_id)
    links = {"outlet": f"/articles?outlet={analysis.outlet}" if analysis.outlet else None}
    if story:
        anchor = str(story.get("id"))
        links.update(story=f"/stories#{anchor if anchor.startswith('story-') else 'story-' + anchor}", story_title=story.get("title"))
    return page("article.html", request, view=article_view(analysis), links=links, analysis_json=analysis.to_json())


@router.get("/outlets", response_class=HTMLResponse)
async def outlets_page(request: Request) -> HTMLResponse:
    from spinscope.web.charts import outlet_charts

    rows = await run_in_threadpool(request.app.state.corpus.outlets)
    return page("outlets.html", request, rows=rows, charts=outlet_charts(rows))


@router.get("/stories", response_class=HTMLResponse)
async def stories_page(request: Request) -> HTMLResponse:
    rows = await run_in_threadpool(request.app.state.corpus.stories)
    return page("stories.html", request, rows=rows)


@router.get("/claims", response_class=HTMLResponse)
async def travelling_page(request: Request) -> HTMLResponse:
    rows = await run_in_threadpool(request.app.state.corpus.travelling)
    return page("travelling.html", request, rows=rows)


@router.get("/duplicates", response_class=HTMLResponse)
async def duplicates_page(request: Request) -> HTMLResponse:
    rows = await run_in_threadpool(request.app.state.corpus.duplicates)
    return page("duplicates.html", request, rows=rows)


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "", technique: str | None = None, outlet: str | None = None) -> HTMLResponse:
    from spinscope.web.charts import highlight

    filters = {k: v for k, v in dict(technique=technique, outlet=outlet).items() if v}
    hits = await run_in_threadpool(request.app.state.corpus.search, q, 50, **filters) if q.strip() else []
    return page("search.html", request, q=q, hits=hits, highlight=highlight, filters=filters)


@router.get("/docs", response_class=HTMLResponse)
async def docs_page(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page, served locally (the raw document is at /openapi.json)."""
    return page("docs.html", request, spec=request.app.openapi())
