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
) -> None:
    """Train the genre model and print its validation scores and satire check."""
    from spinscope.detectors.genre import train as trainer

    typer.echo(json.dumps(trainer.train(_root(data), out, seed), indent=2))


def evaluate(
    data: Annotated[Path, typer.Option(help="The shared data folder, or its semeval2023-en/ folder.")],
    model: Annotated[Optional[Path], typer.Option(help="Model folder or file; the shipped model by default.")] = None,
) -> None:
    """Macro-F1 and per-genre F1 on the validation split, and satire-versus-news accuracy on the satire check."""
    from spinscope.detectors.genre import model as genre_model
    from spinscope.detectors.genre import train as trainer

    loaded = genre_model.load(str(model) if model else None)
    typer.echo(json.dumps(trainer.report(loaded, _root(data)), indent=2))


def _root(data: Path) -> Path:
    """Accept the data folder or its ``semeval2023-en`` subfolder."""
    return data.parent if (data / "train-labels-subtask-1.txt").exists() else data
