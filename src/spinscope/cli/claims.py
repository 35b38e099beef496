"""Command functions for the main CLI: ``train claims``, ``evaluate claims`` and ``claims``.

Plain functions with Typer-style annotations; the main CLI registers them.
Importing this module is cheap: everything heavy is imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    data: Annotated[Path, typer.Option(help="Folder with claimbuster-train.json and checkthat2019-task1-train.csv, or the shared data folder above it.")],
    out: Annotated[Path, typer.Option(help="Folder to write the model, config.json and scores.json to.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    finetune: Annotated[bool, typer.Option("--finetune", help="Also fine-tune MiniLM and add the linear -> transformer cascade (needs the train extra; about 20 minutes on two cores).")] = False,
    distil: Annotated[
        bool,
        typer.Option(
            "--distil",
            help="Also distil fine-tuned MiniLM teachers into a small transformer that scores every sentence; the folder then holds it (needs the train extra; about 35 minutes on two cores; the shipped model).",
        ),
    ] = False,
    student_layers: Annotated[Optional[int], typer.Option("--student-layers", min=1, max=6, help="Layers of MiniLM the distilled student keeps (with --distil; default 2).")] = None,
    student_heads: Annotated[
        Optional[int], typer.Option("--student-heads", min=1, max=12, help="Attention heads each student layer keeps, the strongest by weight (with --distil; default 6).")
    ] = None,
    student_ffn: Annotated[
        Optional[int], typer.Option("--student-ffn", min=1, max=1536, help="Feed-forward units each student layer keeps, the strongest by weight (with --distil; default 768).")
    ] = None,
    corrections: Annotated[
        Optional[Path],
        typer.Option(
            "--from",
            help="A corrections file (spinscope import ... -o FILE): its articles' sentences join the training data, check-worthy where a corrected claim span covers them (the linear model).",
        ),
    ] = None,
) -> None:
    """Train the check-worthiness model and print its validation scores."""
    from spinscope.errors import UsageError
    from spinscope_train.claims import train as trainer

    if finetune and distil:
        raise UsageError("E133", detail="--finetune and --distil build different models: choose one")
    if not distil and any(x is not None for x in (student_layers, student_heads, student_ffn)):
        raise UsageError("E133", detail="--student-layers, --student-heads and --student-ffn shape the --distil student: add --distil")
    if corrections is not None and (finetune or distil):
        raise UsageError("E133", detail="--from adds corrections to the linear model's training: not with --finetune or --distil")
    data = _claims_folder(data)
    scores = trainer.train(data, out, seed, corrections=corrections)
    if distil:
        from spinscope_train.claims import distil as distiller

        scores = distiller.train(
            data,
            out,
            seed,
            log=lambda line: typer.echo(line, err=True),
            student_layers=student_layers or distiller.STUDENT_LAYERS,
            student_ffn=student_ffn or distiller.STUDENT_FFN,
            student_heads=student_heads or distiller.STUDENT_HEADS,
        )
    if finetune:
        from spinscope_train.claims import cascade

        scores = cascade.train_cascade(data, out, seed, log=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(scores, indent=2))


def evaluate(
    data: Annotated[Optional[Path], typer.Option(help="Folder with the claims corpora, or the shared data folder above it; not needed with --gold.")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model folder; the shipped model by default.")] = None,
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Score the claim spans on a team's own gold instead: a corrections file (spinscope import ... -o FILE).")] = None,
) -> None:
    """Score a model on the validation splits: ClaimBuster F1 and macro-F1, CheckThat! MAP per debate; or the claim spans on a team's gold (--gold)."""
    from spinscope.errors import UsageError

    if gold is not None:
        if model is not None:
            raise UsageError("E250", detail="--gold scores the claims detector as installed: not with --model")
        from spinscope_train.gold import score

        typer.echo(json.dumps(score(gold, "claim", ("actors", "claims")), indent=2))
        return
    if data is None:
        raise UsageError("E250", detail="give --data (the claims corpora) or --gold (a corrections file)")
    from spinscope_train.claims import evaluate as evaluator

    typer.echo(json.dumps(evaluator.evaluate(_claims_folder(data), model), indent=2))


CORPUS_FILES = ("claimbuster-train.json", "checkthat2019-task1-train.csv")


def _claims_folder(data: Path) -> Path:
    """The claims corpus folder: ``data`` itself, or its ``claims/`` subfolder (the shared data folder)."""
    for folder in (data, data / "claims"):
        if all((folder / name).is_file() for name in CORPUS_FILES):
            return folder
    raise typer.BadParameter(f"no {' and '.join(CORPUS_FILES)} in {data}: give the claims folder or the shared data folder", param_hint="--data")


def claims(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to analyse; - for stdin. Not with --across.")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json; with --across also csv (one row per appearance).")] = "table",
    min_score: Annotated[Optional[float], typer.Option("--min-score", help="Lowest score shown; the model's threshold by default.")] = None,
    text_field: Annotated[Optional[str], typer.Option("--text-field", help="Record field holding the text (JSONL/CSV).")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1, help="Largest document accepted, in bytes.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="Longest cleaned text accepted, in characters.")] = None,
    order: Annotated[
        Optional[str],
        typer.Option(
            "--order",
            help="sourcing: unattributed and vaguely sourced claims first, then anonymous ones, then the rest, each by score; score: by score alone. Default: sourcing for the table, score for json (as before).",
        ),
    ] = None,
    across: Annotated[
        bool, typer.Option("--across", help="Claims that travel: the same claim (same words or a paraphrase) in several articles of the store at --db, where it first appeared and who repeated it.")
    ] = False,
    db: Annotated[str, typer.Option("--db", help="Store to read with --across (SQLAlchemy URL).")] = "sqlite:///spinscope.db",
    min_outlets: Annotated[int, typer.Option("--min-outlets", min=1, help="With --across: fewest outlets a claim must appear in (1 also shows claims repeated within one outlet).")] = 2,
    encoder: Annotated[str, typer.Option("--encoder", help="With --across: minilm (words and sentence embeddings: paraphrases too) or tfidf (words only, faster).")] = "minilm",
) -> None:
    """An article's claims, the least well sourced and most check-worthy first, unattributed ones marked;
    with --across, the claims that travel between the stored articles.

    Exit code 0 when every document was read, 1 when some were skipped (listed at
    the end on stderr, as ``analyze`` does), 130 when interrupted."""
    if across:
        if paths:
            from spinscope.errors import UsageError

            raise UsageError("E250", detail="--across reads the store at --db: give no files with it")
        return _across(db, format, min_outlets, encoder)
    from spinscope import engine
    from spinscope.errors import UsageError
    from spinscope.ingest import single_document
    from spinscope.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS
    from spinscope.runner import drain, report

    if not paths:
        raise UsageError("E250", detail="give files or folders to analyse (or - for stdin), or --across to read the store")
    if format not in ("table", "json"):
        raise UsageError("E201", name=format, choices="table, json")
    order = order or ("score" if format == "json" else "sourcing")
    if order not in ORDERS:
        raise UsageError("E201", name=order, choices=", ".join(ORDERS))
    # the actors detector resolves "he" and "the minister" to the person the source names
    options = engine.options(detectors=("actors", "claims"), min_score=min_score, text_field=text_field, max_bytes=max_bytes or DEFAULT_MAX_BYTES, max_chars=max_chars or DEFAULT_MAX_CHARS)
    names = [str(p) for p in paths]
    run = drain(names, options, (lambda a: typer.echo(json.dumps(ranked(a, order)))) if format == "json" else (lambda a: _print_table(a, order)))
    report(run, single_document(names))
    raise typer.Exit(run.exit_code)


ORDERS = ("sourcing", "score")


def ranked(analysis, order: str = "sourcing") -> dict:
    """An analysis's claims as plain data: by sourcing tier then score (``sourcing``), or by score alone."""
    from spinscope.detectors.source_types import doubt

    names = {a.id: a.name for a in analysis.actors or []}
    claims = [s for s in analysis.spans if s.kind == "claim"]

    def key(s):
        return (doubt(s.attrs), -s.score, s.start) if order == "sourcing" else (-s.score, s.start)

    rows = [{"start": s.start, "end": s.end, "score": s.score, "text": analysis.span_text(s), **s.attrs, "source_name": names.get(s.attrs.get("actor"))} for s in sorted(claims, key=key)]
    return {"id": analysis.id, "source": analysis.source, "claims": rows}


def source_label(row: dict) -> str:
    """The source as written, with the person or body it resolves to: 'he (Abu Ahmad)'."""
    if not row.get("source"):
        return ""
    written = row["source"]["text"]
    name = row.get("source_name")
    return f"{written} ({name})" if name and name.lower() not in written.lower() else written


def _print_table(analysis, order: str = "sourcing") -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=analysis.title or analysis.source or analysis.id, show_lines=False)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("sourcing", no_wrap=True)
    table.add_column("source", ratio=1, overflow="fold")
    table.add_column("claim", ratio=3)
    for row in ranked(analysis, order)["claims"]:
        kind = row.get("source_type") or ("none" if not row["attributed"] else "")
        if kind == "none":
            marker = "[bold red]UNATTRIBUTED[/]"
        elif not row["attributed"]:
            marker = f"[bold red]{kind}[/]"  # "experts say": a source that no one can be asked about
        else:
            marker = f"[yellow]{kind}[/]" if kind == "anonymous" else kind
        table.add_row(f"{row['score']:.2f}", marker, escape(source_label(row)), escape(row["text"]))
    Console().print(table)


def _across(db: str, format: str, min_outlets: int, encoder: str) -> None:
    """``claims --across``: the travelling claims of the store, as a table, JSON or long CSV."""
    from spinscope.corpus import travel
    from spinscope.corpus.cli import _store
    from spinscope.errors import UsageError

    if format not in ("table", "json", "csv"):
        raise UsageError("E201", name=format, choices="table, json, csv")
    if encoder not in travel.ENCODERS:
        raise UsageError("E506", what="encoder", name=encoder, choices=", ".join(travel.ENCODERS))
    found = travel.find(_store(db), encoder=encoder, min_outlets=min_outlets)
    if format == "json":
        typer.echo(json.dumps(found, indent=2, ensure_ascii=False))
    elif format == "csv":
        import csv
        import sys

        writer = csv.DictWriter(sys.stdout, fieldnames=travel.CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(travel.rows(found))
    else:
        _print_travelling(found)


def _print_travelling(found: list[dict]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"Claims that travel ({len(found)})")
    table.add_column("id", no_wrap=True)
    table.add_column("claim, as first made", ratio=3)
    table.add_column("first", ratio=1)
    table.add_column("repeated by", ratio=2)
    table.add_column("unattributed", justify="right")
    for t in found:
        first = t["first"]
        later = [f"{a['outlet']} {a['published'] or ''}".strip() + ("" if a["attributed"] else " [red](unattributed)[/]") for a in t["appearances"][1:]]
        table.add_row(t["id"], escape(t["claim"]), escape(f"{first['outlet']} {first['published'] or ''}".strip()), "\n".join(later), f"{t['unattributed']}/{t['articles']}")
    Console().print(table)


COMMANDS = {"claims": claims}
