"""``spinscope evaluate quotes`` (content-span P/R/F1 and speaker accuracy on PolNeAR's dev part) and
``spinscope train quotes`` (the candidate scorer, fitted on PolNeAR's train part)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    out: Annotated[Path, typer.Option("--out", help="Where to write the scorer JSON (copy it to src/spinscope/models/quotes/scorer.json to ship it).")],
    data: Annotated[Optional[Path], typer.Option("--data", help="The quotes-polnear folder (default: $SPINSCOPE_DATA/quotes-polnear).")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Train on the first N train articles only (sorted by name).")] = None,
    tagger: Annotated[
        bool,
        typer.Option(
            "--tagger",
            help="Also fine-tune the attribution tagger (MiniLM, about 25 minutes on two cores) and fit its blend: --out is then a folder "
            "that receives tagger/ (the tagger, its blend and the candidate scorer fitted with it; copy it into src/spinscope/models/quotes/ to ship it).",
        ),
    ] = False,
    epochs: Annotated[int, typer.Option("--epochs", help="Tagger epochs (with --tagger).")] = 2,
    threads: Annotated[int, typer.Option("--threads", help="Torch threads for the tagger (with --tagger).")] = 2,
    tagger_from: Annotated[
        Optional[Path],
        typer.Option("--tagger-from", help="Reuse this trained tagger folder (e.g. src/spinscope/models/quotes/tagger) and fit only the scorer and blend again (implies --tagger)."),
    ] = None,
) -> None:
    """Fit the quote candidate scorer on PolNeAR train (cut-off by 5-fold cross-validation; dev is not read); with --tagger, the tagger and blend too."""
    from spinscope_train.quotes.data import default_root
    from spinscope_train.quotes.learn import train_scorer

    root = data or default_root()
    if not (root / "train" / "attributions").is_dir():
        raise typer.BadParameter(f"{root / 'train'} has no attributions/ folder: give the quotes-polnear folder", param_hint="--data")
    if tagger or tagger_from is not None:
        from spinscope_train.quotes.blend import train as train_all

        try:
            result = train_all(root, out, epochs=epochs, threads=threads, limit=limit, log=lambda m: typer.echo(m, err=True), reuse=tagger_from)
        except FileNotFoundError as exc:
            raise typer.BadParameter(str(exc), param_hint="--tagger-from") from None
        typer.echo(json.dumps(result, indent=2))
        return
    typer.echo(json.dumps(train_scorer(root, out, limit), indent=2))


def evaluate(
    data: Annotated[Optional[Path], typer.Option("--data", help="The quotes-polnear folder (default: $SPINSCOPE_DATA/quotes-polnear).")] = None,
    part: Annotated[str, typer.Option("--part", help="Which part to score: dev (default) or train.")] = "dev",
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N articles (sorted by name).")] = None,
    tagger: Annotated[bool, typer.Option("--tagger", help="Score the candidates blended with the attribution tagger (models/quotes/tagger/).")] = False,
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Score the quote spans on a team's own gold instead: a corrections file (spinscope import ... -o FILE).")] = None,
) -> None:
    """Score the quotes detector on PolNeAR: content spans (overlap/union >= 0.5, one-to-one) and speakers; or on a team's gold (--gold)."""
    if gold is not None:
        from spinscope_train.gold import score

        typer.echo(json.dumps(score(gold, "quote", ("actors", "quotes")), indent=2))
        return
    from spinscope_train.quotes.data import default_root
    from spinscope_train.quotes.evaluate import score_part

    root = data or default_root()
    if not (root / part / "attributions").is_dir():
        raise typer.BadParameter(f"{root / part} has no attributions/ folder: give the quotes-polnear folder", param_hint="--data")
    typer.echo(json.dumps(score_part(root, part, limit, tagger), indent=2))
