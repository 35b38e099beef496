"""Command function for the main CLI: ``evaluate actors`` (the actor resolver against its hand-made gold set).

Importing this module is cheap: everything heavy is imported inside the function.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def evaluate(
    data: Annotated[Optional[Path], typer.Option("--data", help="The shared data folder (holds ptc2020/); default: $SPINSCOPE_DATA or ../shared/data.")] = None,
) -> None:
    """B-cubed precision, recall and F1 of the actor resolver on the 20 hand-annotated PTC articles."""
    from spinscope import shared_data
    from spinscope.errors import InputError
    from spinscope_train.actors.evaluate import evaluate_gold

    root = data or shared_data.folder()
    if not (root / "ptc2020" / "train-articles").is_dir():
        raise InputError("E100", source=str(root / "ptc2020" / "train-articles"))
    typer.echo(json.dumps(evaluate_gold(root), indent=2))
