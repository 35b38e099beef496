"""Command functions for the main CLI: ``train hyperpartisan`` and ``evaluate hyperpartisan``.

Plain functions with Typer-style annotations; the main CLI registers them.
Importing this module is cheap: everything heavy is imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    data: Annotated[Path, typer.Option(help="The shared data folder (holds quotes-polnear/ and sources/).")],
    out: Annotated[Path, typer.Option(help="Folder to write model.joblib, scores.json and figures.jsonl to (copy model.joblib and scores.json to src/spinscope/models/hyperpartisan/ to ship them).")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    reuse: Annotated[bool, typer.Option("--reuse", help="Read the evidence figures back from OUT/figures.jsonl where an earlier run of this version wrote them.")] = False,
) -> None:
    """Choose the knobs by leave-one-publisher-out cross-validation, train the hyperpartisan model and print its scores."""
    from spinscope_train.hyperpartisan import train as trainer

    typer.echo(json.dumps(trainer.train(_root(data), out, seed, reuse), indent=2))


def evaluate(
    data: Annotated[Path, typer.Option(help="The shared data folder (holds quotes-polnear/ and sources/).")],
    model: Annotated[Optional[Path], typer.Option(help="Model folder or file; the shipped model by default.")] = None,
) -> None:
    """Accuracy on PolNeAR's dev articles (labelled by publisher), overall and per publisher."""
    from spinscope.detectors.hyperpartisan import model as hp_model
    from spinscope_train.hyperpartisan import train as trainer

    bundle = hp_model.load(str(model) if model else None)
    typer.echo(json.dumps(trainer.report(bundle, _root(data)), indent=2))


def _root(data: Path) -> Path:
    if not (data / "quotes-polnear" / "metadata.tsv").is_file() or not (data / "sources" / "mbfc-combined.json").is_file():
        raise typer.BadParameter(f"no quotes-polnear/metadata.tsv or sources/mbfc-combined.json in {data}: give the shared data folder", param_hint="--data")
    return data
