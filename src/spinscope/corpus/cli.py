"""Commands for the corpus store: ``corpus add|export``, ``outlets``, ``stories``, ``duplicates``, ``search``.

``spinscope.cli`` registers ``GROUPS``, ``COMMANDS`` and ``TRAIN`` (``spinscope train encoder``) from here.  Nothing
heavy is imported at module level, so ``spinscope --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from spinscope.cli import metadata as meta
from spinscope.errors import UsageError

DB_HELP = "SQLAlchemy URL of the store (sqlite:///FILE or postgresql://...); a bare path means a SQLite file."
DEFAULT_DB = "sqlite:///spinscope.db"

corpus_app = typer.Typer(help="A store of analysed articles that survives interruptions: add, export.", no_args_is_help=True, rich_markup_mode=None)
outlets_app = typer.Typer(help="Outlets side by side: measured figures, and outside ratings beside them.", invoke_without_command=True, rich_markup_mode=None)

Db = Annotated[str, typer.Option("--db", help=DB_HELP)]
ViewFormat = Annotated[str, typer.Option("--format", "-f", help="table | json")]
TableFormat = Annotated[str, typer.Option("--format", "-f", help="table | csv | json")]
TABLE_CHOICES = ("table", "csv", "json")


def _store(db: str, create: bool = False):
    """The store at ``db``; only ``corpus add`` may create a SQLite file (a mistyped path elsewhere is an error)."""
    from spinscope.corpus.store import Store, StoreError

    store = Store(db)
    path = store.sqlite_path()
    if not create and path is not None and not path.exists():
        raise StoreError("E510", path=path)
    return store.open()


@corpus_app.command("add")
def add(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin (as for 'analyze').", show_default=False)],
    db: Db = DEFAULT_DB,
    detectors: Annotated[Optional[str], typer.Option("--detectors", help="Comma-separated detectors to run (default: all).")] = None,
    min_score: Annotated[Optional[float], typer.Option("--min-score", help="Drop spans scored below this.")] = None,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove menus, appeals, ads.")] = False,
    text_field: Annotated[Optional[str], typer.Option("--text-field", help="Record field holding the text (JSONL/CSV).")] = None,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Append skipped documents and reasons here as JSONL.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1, help="Largest document accepted, in bytes.")] = None,
    max_chars: Annotated[Optional[int], typer.Option("--max-chars", min=1, help="Longest cleaned text accepted, in characters.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles analysed and committed together.")] = 16,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Analyse on a Dask cluster: a scheduler address, or 'local' for a LocalCluster.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes for --dask local.")] = 2,
    accurate: Annotated[bool, typer.Option("--accurate", help="Find techniques with the shipped two-model ensemble and quotes with the attribution tagger: more accurate, slower.")] = False,
    title: meta.Title = None,
    outlet: meta.Outlet = None,
    published: meta.Published = None,
    url: meta.Url = None,
) -> None:
    """Ingest and analyse articles into the store; a rerun continues where a stopped one ended."""
    from spinscope import engine
    from spinscope.corpus.add import add_paths
    from spinscope.ingest import single_document
    from spinscope.options import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS

    opts = engine.options(
        detectors=detectors,
        min_score=min_score,
        accurate=accurate,
        metadata=meta.given(title=title, outlet=outlet, published=published, url=url, single=single_document(paths)),
        keep_boilerplate=keep_boilerplate,
        text_field=text_field,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        max_chars=max_chars or DEFAULT_MAX_CHARS,
        batch_size=max(1, batch_size),
    )
    store = _store(db, create=True)
    if dask:
        from spinscope.corpus.distributed import dask_executor

        with dask_executor(dask, workers) as executor:
            report = add_paths(store, paths, opts, errors=errors, executor=executor)
    else:
        report = add_paths(store, paths, opts, errors=errors)
    print_report(report, store.safe_url())
    if report.exit_code():
        raise SystemExit(report.exit_code())  # typer.Exit's code is lost under standalone_mode=False


@corpus_app.command("export")
def export(
    db: Db = DEFAULT_DB,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="jsonl (default) | csv | parquet; with --table: csv (default) | parquet")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    table: Annotated[
        Optional[str],
        typer.Option("--table", "-t", help="One tidy table instead, no JSON in any cell: articles | spans | outlets | stories | story_outlets | story_articles | duplicates | travelling_claims."),
    ] = None,
) -> None:
    """Write every stored analysis: JSONL as 'analyze' gives it, CSV one row per span, Parquet one row per article; or one tidy table (--table)."""
    from spinscope.corpus.export import export as run_export
    from spinscope.corpus.export import export_table
    from spinscope.corpus.tables import TABLES

    if table is None:
        run_export(_store(db), format or "jsonl", output)
        return
    if table not in TABLES:
        raise UsageError("E506", what="table", name=table, choices=", ".join(TABLES))
    export_table(_store(db), table, format or "csv", output)


@outlets_app.callback()
def outlets(
    ctx: typer.Context,
    db: Db = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
) -> None:
    """One row per outlet: articles, words, techniques per 1,000 words, genres, unattributed claims, quotes without a speaker, top actors."""
    if ctx.invoked_subcommand is not None:
        return
    from spinscope.corpus import outlets as view
    from spinscope.corpus.render import emit

    emit(view.outlet_rows(_store(db)), format, view.TABLE_COLUMNS, title="Outlets", choices=("table", "csv", "json"))


@outlets_app.command("import-ratings")
def import_ratings(
    file: Annotated[Path, typer.Argument(help="CSV, TSV or JSON of outlet ratings: a domain or URL column plus rating columns.")],
    db: Db = DEFAULT_DB,
    name: Annotated[Optional[str], typer.Option("--name", help="Name of this set of ratings (default: the file name).")] = None,
    domain_column: Annotated[Optional[str], typer.Option("--domain-column", help="Column holding the domain or URL.")] = None,
) -> None:
    """Join outside ratings (factuality, bias, ...) to outlets by registered domain; shown beside, never mixed in."""
    from spinscope.corpus.ratings import import_ratings as run

    count = run(_store(db, create=True), file, dataset=name, domain_column=domain_column)
    typer.echo(f"spinscope: imported ratings for {count} domains from {file}", err=True)


def stories(
    db: Db = DEFAULT_DB,
    format: TableFormat = "table",
    threshold: Annotated[Optional[float], typer.Option("--threshold", help="Similarity needed to link two articles (default: the encoder's, see docs/corpus.md).")] = None,
    days: Annotated[int, typer.Option("--days", help="Most days between linked articles' publication dates.")] = 3,
    encoder: Annotated[Optional[str], typer.Option("--encoder", help="tfidf (default) | minilm (sentence embeddings of title and lead, int8 ONNX).")] = None,
    linkage: Annotated[str, typer.Option("--linkage", help="average (default: the pairs between two groups must be close on average) | single (any one close pair links them).")] = "average",
) -> None:
    """Articles covering the same event, grouped across outlets, with how each outlet framed it."""
    from spinscope.corpus import stories as view
    from spinscope.corpus.clusters import LINKAGES
    from spinscope.corpus.render import emit

    if encoder is not None and encoder not in view.ENCODERS:
        raise UsageError("E506", what="encoder", name=encoder, choices=", ".join(view.ENCODERS))
    if linkage not in LINKAGES:
        raise UsageError("E506", what="linkage", name=linkage, choices=", ".join(LINKAGES))
    from spinscope.corpus.tables import STORY_COLUMNS, story_rows

    found = view.find(_store(db), threshold=threshold, days=days, encoder=encoder, linkage=linkage)
    emit(found, format, STORY_COLUMNS if format == "csv" else view.TABLE_COLUMNS, title="Stories", choices=TABLE_CHOICES, tidy=story_rows)


def duplicates(
    db: Db = DEFAULT_DB,
    format: TableFormat = "table",
    threshold: Annotated[float, typer.Option("--threshold", help="Least estimated Jaccard similarity reported.")] = 0.5,
) -> None:
    """Near-duplicate and syndicated copies, with their Jaccard estimate and which came first."""
    from spinscope.corpus import duplicates as view
    from spinscope.corpus.render import emit
    from spinscope.corpus.tables import DUPLICATE_COLUMNS

    columns = DUPLICATE_COLUMNS if format == "csv" else ("a", "b", "jaccard", "first", "outlet_a", "outlet_b")
    emit(view.find(_store(db), threshold=threshold), format, columns, title="Duplicates", choices=TABLE_CHOICES)


def search(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    db: Db = DEFAULT_DB,
    technique: Annotated[Optional[str], typer.Option("--technique", help="Only articles with this technique: Loaded_Language, 'Loaded language' (case, spaces, hyphens, underscores ignored).")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet: its name or domain, any case; a bare name such as zerohedge matches zerohedge.com.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only articles naming this actor.")] = None,
    genre: Annotated[Optional[str], typer.Option("--genre", help="Only this genre (any case).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most articles shown.")] = 20,
    format: ViewFormat = "table",
) -> None:
    """Full-text search in the store, filtered by technique, outlet, actor or genre, with matching spans in context."""
    from spinscope.corpus import search as view
    from spinscope.corpus.render import emit

    hits = view.search(_store(db), query, technique=technique, outlet=outlet, actor=actor, genre=genre, limit=limit)
    emit(hits, format, view.TABLE_COLUMNS, title=f"Search: {query}")


GROUPS = {"corpus": corpus_app, "outlets": outlets_app}
COMMANDS = {"stories": stories, "duplicates": duplicates, "search": search}


def export_encoder(
    out: Annotated[Path, typer.Option("--out", help="Folder to write model.onnx, tokenizer.json and MODEL_CARD.md to (copy them to src/spinscope/models/encoder/ to ship them).")],
) -> None:
    """Export the all-MiniLM-L6-v2 sentence encoder to int8 ONNX for 'stories --encoder minilm' (needs the train extra)."""
    from spinscope_train.encoders.export import train

    train(out)


TRAIN = {"encoder": export_encoder}


def print_report(report, store_url: str) -> None:
    """The summary on stderr, as ``analyze`` gives it: skipped documents listed, then totals."""
    from spinscope.runner import NO_DOCUMENTS, with_warnings, write_warnings

    err = sys.stderr
    if report.empty:
        err.write(f"spinscope: error: {NO_DOCUMENTS}\n")
        return
    if report.failures:
        err.write(f"spinscope: skipped {len(report.failures)}:\n")
        for failure in report.failures:
            err.write(f"  {failure.line()}\n")
    write_warnings(report.warned)
    state = "interrupted after" if report.interrupted else "done:"
    filled = f" ({report.filled} given metadata they lacked)" if report.filled else ""
    err.write(
        f"spinscope: {state} stored {report.stored}{with_warnings(report.warned)}, already stored {report.known}{filled}, skipped {len(report.failures)}, {report.seconds:.1f} s -> {store_url}\n"
    )
