"""``spinscope analyze``: files, folders or stdin -> one analysis per article, in any output format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from spinscope.cli import metadata as meta
from spinscope.formats import describe_inputs, describe_outputs


def _parse_models(pairs: list[str]) -> dict[str, str]:
    models = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise typer.BadParameter(f"expected NAME=PATH, got {pair!r}", param_hint="--model")
        models[name] = path
    return models


def analyze(
    paths: Annotated[list[str], typer.Argument(help=f"Files, folders, or - for stdin: {describe_inputs()}", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help=f"{describe_outputs()} (default: json for one file, jsonl for batches).")] = None,
    detectors: Annotated[Optional[str], typer.Option("--detectors", help="Comma-separated detectors to run (default: all; see 'spinscope detectors').")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", help="Drop spans scored below this (0 keeps every candidate).")] = None,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove menus, appeals, ads, comment forms.")] = False,
    text_field: Annotated[Optional[str], typer.Option("--text-field", help="Record field holding the text (JSONL/CSV).")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write skipped documents and reasons here as JSONL.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1, help="Largest document accepted, in bytes.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="Longest cleaned text accepted, in characters.")] = None,
    techniques_model: Annotated[Optional[Path], typer.Option("--techniques-model", help="Use this technique-model checkpoint.")] = None,
    model: Annotated[Optional[list[str]], typer.Option("--model", help="Use a local checkpoint for a detector: NAME=PATH (repeatable).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes that analyse (output keeps the input order).")] = 1,
    accurate: Annotated[bool, typer.Option("--accurate", help="Find techniques with the shipped two-model ensemble and quotes with the attribution tagger: more accurate, slower.")] = False,
    title: meta.Title = None,
    outlet: meta.Outlet = None,
    published: meta.Published = None,
    url: meta.Url = None,
) -> None:
    """Analyse articles and write one analysis per article."""
    from spinscope import engine
    from spinscope.formats import VERBATIM_FORMATS
    from spinscope.ingest import single_document
    from spinscope.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS

    models = _parse_models(model or [])
    if techniques_model:
        models["techniques"] = str(techniques_model)
    single = single_document(paths)
    fmt = format or ("json" if single else "jsonl")
    opts = engine.options(
        detectors=detectors,
        min_score=min_score,
        models=models,
        accurate=accurate,
        metadata=meta.given(title=title, outlet=outlet, published=published, url=url, single=single),
        keep_boilerplate=keep_boilerplate or fmt in VERBATIM_FORMATS,
        text_field=text_field,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        max_chars=max_chars or DEFAULT_MAX_CHARS,
        workers=workers,
    )
    from spinscope.runner import run_analysis

    code = run_analysis(paths, opts, fmt=fmt, single=single, output=output, errors=errors)
    raise typer.Exit(code)


COMMANDS = {"analyze": analyze}
