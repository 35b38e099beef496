"""Command functions for the main CLI: ``train genre`` and ``evaluate genre``.

Plain functions with Typer-style annotations; the main CLI registers them.
Importing this module is cheap: everything heavy is imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    data: Annotated[Path, typer.Option(help="The shared data folder (holds semeval2023-en/ and quotes-polnear/), or semeval2023-en/ itself.")],
    out: Annotated[Path, typer.Option(help="Folder to write model.joblib and scores.json to.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
    cv_repeats: Annotated[int, typer.Option(help="Repeats of stratified 5-fold cross-validation before training (0: skip).")] = 2,
) -> None:
    """Cross-validate, train the genre model and print its scores and satire check."""
    from spinscope_train.genre import cv
    from spinscope_train.genre import train as trainer

    crossval = cv.cross_validate(_root(data), seed, repeats=cv_repeats) if cv_repeats else None
    typer.echo(json.dumps(trainer.train(_root(data), out, seed, crossval), indent=2))


def evaluate(
    data: Annotated[Path, typer.Option(help="The shared data folder, or its semeval2023-en/ folder.")],
    model: Annotated[Optional[Path], typer.Option(help="Model folder or file; the shipped model by default.")] = None,
    cv_repeats: Annotated[int, typer.Option(help="Also cross-validate the design with this many repeats of stratified 5-fold (retrains; minutes).")] = 0,
) -> None:
    """Macro-F1 and per-genre F1 on the validation split, satire-versus-news accuracy on the
    satire check and, with ``--cv-repeats``, cross-validated figures over all labelled articles."""
    from spinscope.detectors.genre import model as genre_model
    from spinscope_train.genre import train as trainer

    loaded = genre_model.load(str(model) if model else None)
    result = trainer.report(loaded, _root(data))
    if cv_repeats:
        from spinscope_train.genre import cv

        result["cross_validation"] = cv.cross_validate(_root(data), repeats=cv_repeats)
    typer.echo(json.dumps(result, indent=2))


def _root(data: Path) -> Path:
    """Accept the data folder or its ``semeval2023-en`` subfolder."""
    root = data.parent if (data / "train-labels-subtask-1.txt").exists() else data
    if not (root / "semeval2023-en" / "train-labels-subtask-1.txt").is_file():
        raise typer.BadParameter(f"no semeval2023-en/train-labels-subtask-1.txt in {data}: give the shared data folder", param_hint="--data")
    return root
