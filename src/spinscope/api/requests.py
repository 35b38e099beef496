"""Read an analyse request from JSON or from a form (multipart upload or the web page's form)."""

from __future__ import annotations

from spinscope.api.analysis import AnalyzeRequest
from spinscope.api.errors import ApiError

FORM_FIELDS = ("text", "html", "url", "title", "outlet", "published")


async def read_request(request, max_body: int) -> tuple[AnalyzeRequest, str | None]:
    """The request as an :class:`AnalyzeRequest` and the form's token field (None for JSON)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        return AnalyzeRequest.model_validate_json(await request.body()), None
    if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await _read_form(request, max_body)
        return await from_form(form, max_body), form.get("token") or None
    raise ApiError("E613", detail=f"send application/json or multipart/form-data, not {kind or 'no Content-Type'!r}")


async def _read_form(request, max_body: int):
    """The parsed form; a body that does not parse is a malformed request (422), like malformed JSON."""
    from starlette.exceptions import HTTPException

    try:
        return await request.form(max_files=1, max_fields=20, max_part_size=max_body)
    except HTTPException as exc:
        raise ApiError("E610", detail=f"unreadable form: {exc.detail}") from None


async def from_form(form, max_body: int) -> AnalyzeRequest:
    """Form fields -> request; an uploaded ``file`` is decoded and read as text or HTML by its name and content."""
    fields = {k: v for k in FORM_FIELDS if isinstance(v := form.get(k), str) and v.strip()}
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        fields.pop("text", None)
        fields.pop("html", None)
        fields.update(_file_fields(await upload.read(), upload.filename, max_body))
    elif "text" in fields:
        fields.update(_pasted(fields.pop("text")))
    return AnalyzeRequest(
        **fields,
        detectors=_list(form.get("detectors")),
        min_score=_score(form.get("min_score")),
        keep_boilerplate=_flag(form.get("keep_boilerplate")),
        accurate=_flag(form.get("accurate")),
        store=_flag(form.get("store")),
    )


def _file_fields(data: bytes, filename: str, max_body: int) -> dict:
    """An uploaded file read as ingest reads a file of that name: ``.html.gz``, ``.xhtml`` and the rest."""
    from spinscope.ingest.files import decode_bytes

    text, is_html = decode_bytes(data, filename, max_body, source=filename)
    return {"html": text} if is_html else {"text": text}


def _pasted(text: str, force_html: bool = False) -> dict:
    """Text pasted into the page: HTML when it looks like a page, else plain text."""
    from spinscope.ingest import looks_like_html

    return {"html": text} if force_html or looks_like_html(text) else {"text": text}


def _list(value) -> list[str] | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _score(value) -> float | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise ApiError("E610", detail=f"min_score must be a number between 0 and 1, not {value!r}") from None


def _flag(value) -> bool:
    return isinstance(value, str) and value.strip().lower() in ("1", "true", "on", "yes")
