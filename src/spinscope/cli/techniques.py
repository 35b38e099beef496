"""Command-line functions for the techniques detector, registered by ``spinscope.cli``.

``spinscope train techniques``, ``spinscope evaluate techniques`` and
``spinscope label-spans``.  Importing this module is cheap: torch and ONNX
Runtime are imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def _ptc(data: Path) -> Path:
    """Accept the PTC folder itself or the data folder above it."""
    from spinscope.errors import InputError

    folder = data / "ptc2020" if (data / "ptc2020").is_dir() else data
    if not (folder / "train-articles").is_dir():
        raise InputError("E100", source=str(folder / "train-articles"))
    return folder


def train(
    data: Annotated[Path, typer.Option("--data", help="The PTC folder (ptc2020/ with train-articles/ and labels).")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the model into.")],
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same model.")] = 13,
    epochs: Annotated[int, typer.Option(help="Passes over the training split.")] = 2,
    threads: Annotated[int, typer.Option(help="CPU threads for torch.")] = 1,
    trainable_layers: Annotated[int, typer.Option(help="Top encoder layers fine-tuned (of 6); the rest stay frozen.")] = 6,
    per_channel: Annotated[bool, typer.Option("--per-channel/--per-tensor", help="Quantise weights with one scale per output channel, or one per tensor.")] = True,
    retune: Annotated[bool, typer.Option("--retune", help="Keep the trained model in --out and only choose its decoding thresholds and calibration again.")] = False,
    teacher: Annotated[
        Optional[Path], typer.Option("--teacher", help="A trained model folder (an ensemble, say) to distil: its token probabilities on the training split are mixed into the targets.")
    ] = None,
    teacher_weight: Annotated[float, typer.Option(help="Share of the teacher's probabilities in each token target (with --teacher).")] = 0.5,
    ensemble: Annotated[
        Optional[list[Path]],
        typer.Option("--ensemble", help="Instead of training: combine these trained model folders (give it twice or more) into one ensemble in --out, tuned on the validation split."),
    ] = None,
    corrections: Annotated[
        Optional[Path],
        typer.Option(
            "--from",
            help="A corrections file (spinscope import ... -o FILE): its articles join the training split, replacing a PTC article with the same text; articles whose text is a validation article are left out.",
        ),
    ] = None,
    with_ptc: Annotated[
        bool, typer.Option("--with-ptc/--without-ptc", help="With --from: train on PTC's training split and the corrections, or on the corrections alone (tuning stays on PTC's validation split).")
    ] = True,
) -> None:
    """Fine-tune the technique model on the training split (and a team's corrections) and tune it on the validation split."""
    from spinscope_train.techniques.train import retune as run_retune
    from spinscope_train.techniques.train import train as run

    if ensemble:
        from spinscope_train.techniques.ensemble import combine

        config = combine(_ptc(data), list(ensemble), out, log=typer.echo)
        typer.echo(f"ensemble of {len(config['members'])} models written to {out} in {config['train_seconds']} s; evaluate it with: spinscope evaluate techniques --data {data} --model {out}")
        return
    if retune:
        from spinscope.errors import InputError

        if not (out / "config.json").is_file():
            raise InputError("E100", source=str(out / "config.json"))
        members = json.loads((out / "config.json").read_text(encoding="utf-8")).get("members") or ["."]
        for name in members:  # one model, or each member of an ensemble
            if not (out / name / "model.onnx").is_file():
                raise InputError("E100", source=str(out / name / "model.onnx"))
        config = run_retune(_ptc(data), out, log=typer.echo)
        typer.echo(f"decoding of {out} tuned again in {config['tune_seconds']} s; evaluate it with: spinscope evaluate techniques --data {data} --model {out}")
        return

    if teacher is not None:
        from spinscope.errors import InputError

        if not (teacher / "config.json").is_file():
            raise InputError("E100", source=str(teacher / "config.json"))
        if not 0.0 <= teacher_weight <= 1.0:
            raise typer.BadParameter("--teacher-weight must lie between 0 and 1")
    if corrections is not None:
        from spinscope.exchange.corrections import read as read_corrections

        read_corrections(corrections)  # a malformed or mismatched file is refused before an hour of training
    config = run(
        _ptc(data),
        out,
        seed=seed,
        epochs=epochs,
        threads=threads,
        log=typer.echo,
        trainable_layers=trainable_layers,
        per_channel=per_channel,
        teacher=teacher,
        teacher_weight=teacher_weight,
        corrections=corrections,
        keep_ptc=with_ptc,
    )
    typer.echo(f"model written to {out} in {config['train_seconds']} s; evaluate it with: spinscope evaluate techniques --data {data} --model {out}")


def evaluate(
    data: Annotated[Optional[Path], typer.Option("--data", help="The PTC folder (ptc2020/); not needed with --gold.")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", help="Model folder; the shipped model when left out.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    two_fold: Annotated[bool, typer.Option("--two-fold", help="Tune the decoding on one half of the validation split and score the other, both ways: figures no knob was tuned on.")] = False,
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Score on a team's own gold instead: a corrections file (spinscope import ... -o FILE).")] = None,
) -> None:
    """Print SI, span+technique and TC scores on the fixed validation split, or on a team's gold (--gold)."""
    from spinscope.errors import UsageError

    if gold is not None:
        if two_fold:
            raise UsageError("E250", detail="--two-fold tunes on PTC's validation split: not with --gold")
        from spinscope_train.techniques.evaluate import evaluate_gold, report

        result = evaluate_gold(gold, model)
        typer.echo(json.dumps(result, indent=2) if as_json else report(result))
        return
    if data is None:
        raise UsageError("E250", detail="give --data (the PTC folder) or --gold (a corrections file)")
    if two_fold:
        from spinscope_train.techniques.twofold import report
        from spinscope_train.techniques.twofold import two_fold as run
    else:
        from spinscope_train.techniques.evaluate import evaluate as run
        from spinscope_train.techniques.evaluate import report

    result = run(_ptc(data), model)
    typer.echo(json.dumps(result, indent=2) if as_json else report(result))


def label_spans(
    articles_dir: Annotated[Path, typer.Argument(help="Folder of article<ID>.txt files.")],
    spans: Annotated[Path, typer.Option("--spans", help="TSV: ID, [anything,] start, end per line.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="TSV to write: ID, technique, start, end.")],
    model: Annotated[Optional[Path], typer.Option("--model", help="Model folder; the shipped model when left out.")] = None,
) -> None:
    """Give each span its technique (the SemEval-2020 technique-classification setting)."""
    from spinscope.detectors.techniques.labelling import label_file

    count = label_file(articles_dir, spans, output, model)
    typer.echo(f"{count} spans labelled into {output}", err=True)


COMMANDS = {"label-spans": label_spans}
