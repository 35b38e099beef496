"""``spinscope evaluate quotes``: content-span P/R/F1 and speaker accuracy on PolNeAR's dev part."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def evaluate(
    data: Annotated[Optional[Path], typer.Option("--data", help="The quotes-polnear folder (default: $SPINSCOPE_DATA/quotes-polnear).")] = None,
    part: Annotated[str, typer.Option("--part", help="Which part to score: dev (default) or train.")] = "dev",
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N articles (sorted by name).")] = None,
) -> None:
    """Score the quotes detector on PolNeAR: content spans (overlap/union >= 0.5, one-to-one) and speakers."""
    from spinscope.detectors.quotes.data import default_root
    from spinscope.detectors.quotes.evaluate import score_part

    root = data or default_root()
    if not (root / part / "attributions").is_dir():
        raise typer.BadParameter(f"{root / part} has no attributions/ folder: give the quotes-polnear folder", param_hint="--data")
    typer.echo(json.dumps(score_part(root, part, limit), indent=2))
