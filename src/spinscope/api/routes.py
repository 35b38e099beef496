"""The JSON API under ``/api``.  Each endpoint reads the request, calls the library, and returns its models."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from spinscope.api.analysis import AnalyzeRequest, article_for, options_for
from spinscope.api.errors import error_responses
from spinscope.api.requests import read_request
from spinscope.api.security import check_token, check_writable
from spinscope.model import Analysis

router = APIRouter(prefix="/api")
ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AnalyzeRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "one article: a .txt or .html file (.htm, .xhtml; each also .gz), read as 'spinscope analyze' reads it"},
                        "text": {"type": "string"},
                        "url": {"type": "string"},
                        "detectors": {"type": "string", "description": "comma-separated"},
                        "min_score": {"type": "number"},
                        "keep_boilerplate": {"type": "boolean"},
                        "accurate": {"type": "boolean", "description": "the slower, more accurate setting: the two-model technique ensemble and the quotes attribution tagger"},
                        "store": {"type": "boolean"},
                    },
                }
            },
        },
    }
}
TECHNIQUE_HELP = "A technique label or the title the UI shows: case, spaces, hyphens and underscores are ignored. One that matches no known technique is a 422 (E511) naming the known ones."
OUTLET_HELP = "An outlet's name or domain, any case; a bare name such as zerohedge matches zerohedge.com. One that matches no stored outlet is a 422 (E511)."
GENRE_HELP = "A genre, any case. One that matches no known genre is a 422 (E511)."
MAX_PAGE = 1_000_000  # keeps the offset a 64-bit integer for every store (200 a page at most)
EXPORT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8", "html": "text/html; charset=utf-8"}
EXPORT_OPENAPI = {"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Analysis"}}}}}
EXPORT_FILES = {200: {"description": "The file, by format", "content": {kind.split(";")[0]: {} for kind in EXPORT_TYPES.values()}}}


async def run_analysis(request: Request, req: AnalyzeRequest) -> Analysis:
    """Ingest and analyse in worker threads; store the result when asked."""
    state = request.app.state
    opts = options_for(req, state.settings)
    if req.store:
        check_writable(state.settings)
    article = await run_in_threadpool(article_for, req, opts, state.settings)
    store = await run_in_threadpool(state.corpus.store) if req.store else None
    return await run_in_threadpool(state.analyzer.analyse, article, opts, store)


@router.post("/analyze", response_model=Analysis, responses=error_responses(401, 403, 413, 415, 422, 502, 503, 504), openapi_extra=ANALYZE_BODY)
async def analyze(request: Request, authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Analyse one article: JSON ``{"text"}``, ``{"html", "url"}`` or ``{"url"}`` (with --allow-fetch), or a multipart file upload."""
    req, form_token = await read_request(request, request.app.state.settings.max_body)
    check_token(request.app.state.settings, authorization, form_token)
    analysis = await run_analysis(request, req)
    return JSONResponse(analysis.to_dict())


@router.post("/export", responses={**EXPORT_FILES, **error_responses(413, 422)}, openapi_extra=EXPORT_OPENAPI)
async def export(request: Request, format: Annotated[str, Query(pattern="^(json|csv|html)$")] = "json") -> Response:
    """Turn an analysis (the JSON that /api/analyze returned) into a JSON, CSV (one row per span) or HTML report file."""
    analysis = Analysis.model_validate_json(await request.body())
    return export_response([analysis], format)


def export_response(analyses: list[Analysis], fmt: str) -> Response:
    """A download of ``analyses`` written by the same writers as ``spinscope analyze --format``."""
    from spinscope.outputs import make_writer

    buffer = io.StringIO()
    writer = make_writer(fmt, buffer, single=len(analyses) == 1)
    for analysis in analyses:
        writer.write(analysis)
    writer.close()
    name = f"spinscope-{analyses[0].id if len(analyses) == 1 else 'analyses'}.{fmt}"
    headers = {"content-disposition": f'attachment; filename="{_safe_name(name)}"'}
    return Response(buffer.getvalue(), media_type=EXPORT_TYPES[fmt], headers=headers)


def _safe_name(name: str) -> str:
    """An ASCII file name: HTTP headers are Latin-1, so an id in another script would fail the response."""
    return "".join(ch if (ch.isascii() and ch.isalnum()) or ch in "-_." else "_" for ch in name)[:120]


@router.get("/techniques")
async def techniques() -> dict[str, Any]:
    """The 14 techniques: title, colour, plain-language definition and a short example."""
    from spinscope.web.render import technique_catalogue

    return {name: {k: v for k, v in info.items() if k != "index"} for name, info in technique_catalogue().items()}


@router.get("/health")
async def health(request: Request) -> dict[str, Any]:
    s = request.app.state.settings
    return {"ok": True, "read_only": s.read_only, "allow_fetch": s.allow_fetch, "corpus": bool(s.db)}


@router.get("/articles", responses=error_responses(422, 503))
async def articles(
    request: Request,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
    outlet: Annotated[str | None, Query(description=OUTLET_HELP)] = None,
    technique: Annotated[str | None, Query(description=TECHNIQUE_HELP)] = None,
    actor: str | None = None,
    genre: Annotated[str | None, Query(description=GENRE_HELP)] = None,
    date_from: Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:
    """Stored articles, a page at a time, filtered by outlet, technique, actor, genre and publication date."""
    filters = {k: v for k, v in dict(outlet=outlet, technique=technique, actor=actor, genre=genre, date_from=date_from, date_to=date_to).items() if v}
    found = await run_in_threadpool(request.app.state.corpus.articles, offset=(page - 1) * per_page, limit=per_page, **filters)
    return {"page": page, "per_page": per_page, **found}


@router.get("/articles/{doc_id}", response_model=Analysis, responses=error_responses(404, 422, 503))
async def article(request: Request, doc_id: str) -> JSONResponse:
    """One stored analysis, exactly as ``spinscope analyze`` gives it."""
    found = await run_in_threadpool(request.app.state.corpus.article, doc_id)
    return JSONResponse(found.to_dict())


@router.get("/outlets", responses=error_responses(503))
async def outlets(request: Request) -> list[dict]:
    """One row per outlet: articles, technique rates, genres, unattributed claims, top actors."""
    return await run_in_threadpool(request.app.state.corpus.outlets)


@router.get("/stories", responses=error_responses(422, 503))
async def stories(request: Request, threshold: Annotated[float | None, Query(ge=0, le=1)] = None, days: Annotated[int, Query(ge=0, le=365)] = 3) -> list[dict]:
    """Articles covering the same event, grouped across outlets."""
    return await run_in_threadpool(request.app.state.corpus.stories, threshold, days)


@router.get("/claims/travelling", responses=error_responses(422, 503))
async def travelling(
    request: Request,
    min_outlets: Annotated[int, Query(ge=1, le=100, description="Fewest outlets a claim must appear in.")] = 2,
    encoder: Annotated[Literal["minilm", "tfidf"], Query(description="minilm: words and sentence embeddings (paraphrases too); tfidf: words only.")] = "minilm",
) -> list[dict]:
    """Claims that travel: the same check-worthy claim in several stored articles, where it first appeared and who repeated it."""
    return await run_in_threadpool(request.app.state.corpus.travelling, min_outlets, encoder)


@router.get("/duplicates", responses=error_responses(422, 503))
async def duplicates(request: Request, threshold: Annotated[float, Query(ge=0, le=1)] = 0.5) -> list[dict]:
    """Near-duplicate and syndicated copies with their Jaccard estimate and which came first."""
    return await run_in_threadpool(request.app.state.corpus.duplicates, threshold)


@router.get("/search", responses=error_responses(422, 503))
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words that must all occur.")],
    technique: Annotated[str | None, Query(description=TECHNIQUE_HELP)] = None,
    outlet: Annotated[str | None, Query(description=OUTLET_HELP)] = None,
    actor: str | None = None,
    genre: Annotated[str | None, Query(description=GENRE_HELP)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict]:
    """Full-text search with the matching spans in context."""
    filters = {k: v for k, v in dict(technique=technique, outlet=outlet, actor=actor, genre=genre).items() if v}
    return await run_in_threadpool(request.app.state.corpus.search, q, limit, **filters)
