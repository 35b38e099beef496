"""The ``spinscope`` command.  Each command builds an Options object and calls the library.

Exit codes: 0 success; 1 some input could not be analysed (listed at the end
and in ``--errors``); 2 a usage error; 130 interrupted (output so far kept).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from spinscope import __version__
from spinscope.errors import SpinscopeError, UsageError

app = typer.Typer(
    name="spinscope",
    help="Make the manipulation in news visible: techniques, claims, quotes, actors and profiles, with offsets.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
train_app = typer.Typer(help="Train a detector's model from a corpus.", no_args_is_help=True, rich_markup_mode=None)
evaluate_app = typer.Typer(help="Score a detector on its validation split.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(train_app, name="train")
app.add_typer(evaluate_app, name="evaluate")

# Modules that contribute commands.  A detector's ``detectors/<name>/cli.py`` may define
# ``train`` and ``evaluate`` (registered as ``spinscope train <name>`` / ``evaluate <name>``);
# any module below may define ``COMMANDS`` (name -> function) and ``GROUPS`` (name -> Typer app).
PLUGIN_TASKS = ("techniques", "claims", "quotes", "actors", "genre")
PLUGIN_MODULES = ("spinscope.corpus.cli", "spinscope.api.cli")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spinscope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """spinscope command line."""


def _parse_models(pairs: list[str]) -> dict[str, str]:
    models = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise typer.BadParameter(f"expected NAME=PATH, got {pair!r}", param_hint="--model")
        models[name] = path
    return models


def parse_detectors(value: str | None) -> tuple[str, ...] | None:
    """``--detectors a,b`` as names, each checked (E200 names the choices); None for all.  An empty value is an error."""
    from spinscope import detectors

    if value is None:
        return None
    names = tuple(d.strip() for d in value.split(",") if d.strip())
    for name in names or ("",):
        detectors.get(name)
    return names


def _check_models(models: dict[str, str]) -> None:
    """Refuse up front a checkpoint for a detector that does not exist or at a path that does not."""
    from spinscope import detectors

    for name, path in models.items():
        detectors.get(name)  # a UsageError naming the choices
        if not Path(path).exists():
            raise UsageError("E204", name=name, path=path)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin: .txt .html .htm (also .gz), .jsonl .ndjson .csv (also .gz), .warc .warc.gz", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="json | jsonl | csv | html | semeval-si | semeval-tc (default: json for one file, jsonl for batches).")] = None,
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
) -> None:
    """Analyse articles and write one analysis per article."""
    from spinscope.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Options
    from spinscope.outputs.formats import VERBATIM_FORMATS

    models = _parse_models(model or [])
    if techniques_model:
        models["techniques"] = str(techniques_model)
    _check_models(models)
    if min_score is not None and not 0.0 <= min_score <= 1.0:
        raise UsageError("E202", value=min_score)
    from spinscope.ingest import single_document

    single = single_document(paths)
    fmt = format or ("json" if single else "jsonl")
    opts = Options(
        detectors=parse_detectors(detectors),
        min_score=min_score,
        keep_boilerplate=keep_boilerplate or fmt in VERBATIM_FORMATS,
        text_field=text_field,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        max_chars=max_chars or DEFAULT_MAX_CHARS,
        model_paths=models,
        workers=workers,
    )
    from spinscope.runner import run_analysis

    code = run_analysis(paths, opts, fmt=fmt, single=single, output=output, errors=errors)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an analysis."""
    from spinscope.model import analysis_json_schema

    typer.echo(json.dumps(analysis_json_schema(), indent=2))


@app.command("detectors")
def list_detectors() -> None:
    """List the detectors that can run."""
    from spinscope import detectors as registry

    for name in registry.names():
        cls = registry.get(name)
        typer.echo(f"{name}\tv{cls.version}\tkind={cls.kind}\t{(cls.__doc__ or '').strip().splitlines()[0]}")


def _optional_module(name: str):
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        found = None
    return importlib.import_module(name) if found is not None else None


def _register_plugins() -> None:
    for task in PLUGIN_TASKS:
        module = _optional_module(f"spinscope.detectors.{task}.cli")
        if module is None:
            continue
        if hasattr(module, "train"):
            train_app.command(task)(module.train)
        if hasattr(module, "evaluate"):
            evaluate_app.command(task)(module.evaluate)
        _register_commands(module)
    for name in PLUGIN_MODULES:
        module = _optional_module(name)
        if module is not None:
            _register_commands(module)


def _register_commands(module) -> None:
    for name, func in getattr(module, "COMMANDS", {}).items():
        app.command(name)(func)
    for name, func in getattr(module, "TRAIN", {}).items():
        train_app.command(name)(func)
    for name, group in getattr(module, "GROUPS", {}).items():
        app.add_typer(group, name=name)


_register_plugins()


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and a non-zero exit code."""
    try:
        from typer._click.exceptions import NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError
    except ImportError:  # Typer releases that use Click itself
        from click.exceptions import NoArgsIsHelpError
        from click.exceptions import UsageError as ClickUsageError

    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("spinscope: interrupted\n")
        sys.exit(130)
    except NoArgsIsHelpError as exc:
        sys.stdout.write(exc.ctx.get_help() + "\n")
        sys.exit(0)
    except ClickUsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        sys.stderr.write(f"spinscope: error: {exc.format_message()}{hint}\n")
        sys.exit(2)
    except UsageError as exc:
        sys.stderr.write(f"spinscope: error: {exc}\n")
        sys.exit(2)
    except SpinscopeError as exc:
        sys.stderr.write(f"spinscope: error: {exc}\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("spinscope: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug, not the user's input: one line, full trace on request
        if os.environ.get("SPINSCOPE_DEBUG"):
            raise
        sys.stderr.write(f"spinscope: internal error: {type(exc).__name__}: {exc} (set SPINSCOPE_DEBUG=1 for the trace)\n")
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
