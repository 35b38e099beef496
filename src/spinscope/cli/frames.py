"""Command functions for the main CLI: ``train frames`` and ``evaluate frames``.

Plain functions with Typer-style annotations; the main CLI registers them.
Importing this module is cheap: everything heavy is imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    data: Annotated[Path, typer.Option(help="The shared data folder (holds semeval2023-en/), or semeval2023-en/ itself.")],
    out: Annotated[Path, typer.Option(help="Folder to write model.joblib and scores.json to (copy them to src/spinscope/models/frames/ to ship them).")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
) -> None:
    """Choose the threshold by cross-validation, train the frames model and print its validation scores."""
    from spinscope_train.frames import train as trainer

    typer.echo(json.dumps(trainer.train(_root(data), out, seed), indent=2))


def evaluate(
    data: Annotated[Path, typer.Option(help="The shared data folder, or its semeval2023-en/ folder.")],
    model: Annotated[Optional[Path], typer.Option(help="Model folder or file; the shipped model by default.")] = None,
) -> None:
    """Micro- and macro-F1 and F1 per frame on the validation split, beside the most-common-frames baseline."""
    from spinscope.detectors.frames import model as frames_model
    from spinscope_train.frames import train as trainer

    bundle = frames_model.load(str(model) if model else None)
    typer.echo(json.dumps(trainer.report(bundle, _root(data)), indent=2))


def _root(data: Path) -> Path:
    """Accept the data folder or its ``semeval2023-en`` subfolder."""
    root = data if (data / "train-labels-subtask-2.txt").is_file() else data / "semeval2023-en"
    if not (root / "train-labels-subtask-2.txt").is_file():
        raise typer.BadParameter(f"no semeval2023-en/train-labels-subtask-2.txt in {data}: give the shared data folder", param_hint="--data")
    return root
