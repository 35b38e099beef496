"""``spinscope export`` and ``spinscope import``: spans out to annotation tools, corrections back.

Plain functions with Typer-style annotations; the main CLI registers them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

DETECTORS_FOR = {"technique": "techniques", "claim": "claims", "quote": "quotes"}


def export(
    paths: Annotated[list[Path], typer.Argument(help="Articles to analyse (files, folders, - for stdin), or with --analyses the JSONL of analyses that analyze or corpus export wrote.")],
    to: Annotated[str, typer.Option("--to", help="labelstudio (tasks JSON + labelling config beside it) or brat (a folder: .txt, .ann, annotation.conf; INCEpTION imports it too).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="labelstudio: the tasks file to write (NAME.config.xml goes beside it); brat: the folder.")],
    kinds: Annotated[str, typer.Option("--kinds", help="Spans to export, comma-separated: technique, claim, quote.")] = "technique",
    analyses: Annotated[bool, typer.Option("--analyses", help="The inputs are analyses (JSONL), not articles: export their spans as they are.")] = False,
    accurate: Annotated[bool, typer.Option("--accurate", help="Analyse with the detectors' accurate settings.")] = False,
) -> None:
    """Write pre-annotated tasks for Label Studio, or brat standoff for brat and INCEpTION."""
    from spinscope.errors import UsageError
    from spinscope.exchange import FORMATS, KINDS, brat, labelstudio

    if to not in FORMATS:
        raise UsageError("E201", name=to, choices=", ".join(FORMATS))
    chosen = tuple(k.strip() for k in kinds.split(",") if k.strip())
    if not chosen or any(k not in KINDS for k in chosen):
        raise UsageError("E506", what="kind", name=kinds, choices=", ".join(KINDS))
    found = _read_analyses(paths) if analyses else _analyse(paths, chosen, accurate)
    if not found:
        raise UsageError("E250", detail="nothing to export: no article could be analysed")
    if to == "labelstudio":
        versions = sorted({f"{m.name} {m.version}" for a in found for m in a.models if any(k in m.name for k in ("technique", "claim", "quote"))}) or ["spinscope"]
        tasks_file, config_file = labelstudio.write(found, output, chosen, "; ".join(versions))
        typer.echo(f"spinscope: {len(found)} tasks -> {tasks_file}; labelling config -> {config_file}", err=True)
    else:
        folder = brat.write(found, output, chosen)
        typer.echo(f"spinscope: {len(found)} documents -> {folder}/ (brat standoff; annotation.conf and visual.conf beside them)", err=True)


def import_(
    source: Annotated[Path, typer.Argument(help="labelstudio: the JSON export of the project; brat: the folder of .txt and .ann files.")],
    from_: Annotated[str, typer.Option("--from", help="labelstudio or brat.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Corrections file to write (JSONL), for evaluate techniques --gold and train techniques --from.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison with the machine's spans as JSON.")] = False,
) -> None:
    """Read corrected annotations back, check they fit the exported text, and report what changed against the machine's spans."""
    from spinscope.errors import UsageError
    from spinscope.exchange import FORMATS, brat, corrections, labelstudio

    if from_ not in FORMATS:
        raise UsageError("E201", name=from_, choices=", ".join(FORMATS))
    documents = labelstudio.read(source) if from_ == "labelstudio" else brat.read(source)
    report = corrections.compare(documents)
    if output is not None:
        corrections.write(documents, output)
        typer.echo(f"spinscope: {len(documents)} documents, {sum(len(d.marks) for d in documents)} spans -> {output}", err=True)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        _print_report(report)


def _print_report(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    total = report["total"]
    table = Table(title=f"Corrections against the machine's spans ({report['compared']} of {report['documents']} documents compared)")
    for name in ("label", "machine", "corrected", "kept", "relabelled", "moved", "removed", "added", "agreement"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for label, f in list(report["per_label"].items()) + [("all", total)]:
        table.add_row(label, *(str(f[k]) for k in ("machine", "corrected", "kept", "relabelled", "moved", "removed", "added")), f"{f['agreement']:.3f}")
    Console().print(table)


def _read_analyses(paths: list[Path]) -> list:
    from spinscope.errors import InputError
    from spinscope.model import Analysis

    found = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        found.append(Analysis.from_json(line))
                    except ValueError as exc:
                        raise InputError("E106", source=str(path), line=n, detail=str(exc).splitlines()[0]) from None
    return found


def _analyse(paths: list[Path], kinds: tuple[str, ...], accurate: bool) -> list:
    from spinscope import engine
    from spinscope.ingest import single_document
    from spinscope.runner import drain, report

    detectors = ["actors", *(DETECTORS_FOR[k] for k in kinds)] if "claim" in kinds or "quote" in kinds else [DETECTORS_FOR[k] for k in kinds]
    found: list = []
    names = [str(p) for p in paths]
    run = drain(names, engine.options(detectors=detectors, accurate=accurate), found.append)
    report(run, single_document(names))
    return found


COMMANDS = {"export": export, "import": import_}
