"""Does the technique model learn from a team's corrections?  A held-out experiment through the
public commands: export -> correct -> import -> train --from -> evaluate.

1. The correction set: the ``--corrected`` PTC training articles whose id comes first by
   ``sha1("corrections:" + id)``.  The shipped model analyses their texts as they are, and
   ``spinscope export --analyses --to labelstudio`` writes the tasks; a "team" corrects every task to the PTC gold spans (each task gets one annotation
   whose regions are the gold spans, as Label Studio's export writes them), and ``spinscope import``
   reads the export back into ``corrected.jsonl``, printing how far the machine was from the gold.
2. ``base.jsonl``: the rest of PTC's training split with its gold spans, written as a corrections file.
3. Model A: ``train techniques --from base.jsonl --without-ptc``; model B: the same with
   ``base.jsonl`` + ``corrected.jsonl``.  Same seed and epochs; both tune on PTC's validation split.
4. Both are scored on PTC's validation split (``evaluate techniques --data``), which no step trained on.

    python benchmarks/correction_experiment.py [--corrected 40] [--epochs 2] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))


def cli(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", *args], check=True, capture_output=capture, text=True)


def corrected_by_gold(tasks_file: Path, gold: dict[str, list[tuple[str, int, int]]], out: Path) -> None:
    """The exported tasks as Label Studio exports them once a team has set every task to the gold spans."""
    from spinscope.exchange.labelstudio import utf16_offsets

    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    for task in tasks:
        text = task["data"]["text"]
        to16, _ = utf16_offsets(text)
        spans = gold[task["data"]["spinscope"]["id"]]
        result = [
            {"id": f"g{k}", "from_name": "technique", "to_name": "text", "type": "labels", "value": {"start": to16(s), "end": to16(e), "text": text[s:e], "labels": [label]}}
            for k, (label, s, e) in enumerate(spans)
        ]
        task["annotations"] = [{"id": 1, "result": result, "was_cancelled": False, "updated_at": "2026-12-07T00:00:00Z"}]
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corrected", type=int, default=40, help="PTC training articles in the correction set")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "spinscope-correction-experiment")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from spinscope.exchange import corrections
    from spinscope.exchange.corrections import Document, Mark
    from spinscope_train.techniques import data

    ptc = DATA / "ptc2020"
    out = args.out
    (out / "articles").mkdir(parents=True, exist_ok=True)
    train_part, _ = data.split(data.load_ptc(ptc))
    order = sorted(train_part, key=lambda a: hashlib.sha1(f"corrections:{a.id}".encode()).hexdigest())
    chosen, rest = order[: args.corrected], order[args.corrected :]
    from spinscope import engine
    from spinscope.model import Article

    analysed = out / "articles" / "chosen-analyses.jsonl"  # the PTC text exactly (gold offsets point into it), not a cleaned copy
    analysed.write_text("".join(a.to_json() + "\n" for a in engine.analyze_many([Article(id=a.id, text=a.text) for a in chosen], detectors=["techniques"])), encoding="utf-8")
    cli("export", str(analysed), "--analyses", "--to", "labelstudio", "-o", str(out / "tasks.json"))
    corrected_by_gold(out / "tasks.json", {a.id: a.spans for a in chosen}, out / "export.json")
    report = cli("import", str(out / "export.json"), "--from", "labelstudio", "-o", str(out / "corrected.jsonl"), "--json", capture=True)
    total = json.loads(report.stdout)["total"]
    print(f"correction set: {len(chosen)} articles; the machine's spans against the gold: {json.dumps(total)}")
    base = [Document(a.id, a.text, [Mark(s, e, "technique", label) for label, s, e in a.spans]) for a in rest]
    corrections.write(base, out / "base.jsonl")
    both = out / "base+corrected.jsonl"
    both.write_text((out / "base.jsonl").read_text(encoding="utf-8") + (out / "corrected.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    results = {}
    for name, source in (("A (without the corrections)", out / "base.jsonl"), ("B (with the corrections)", both)):
        model = out / ("model-a" if name.startswith("A") else "model-b")
        if not (model / "config.json").is_file():
            cli("train", "techniques", "--data", str(ptc), "--out", str(model), "--from", str(source), "--without-ptc", "--epochs", str(args.epochs), "--seed", str(args.seed))
        figures = json.loads(cli("evaluate", "techniques", "--data", str(ptc), "--model", str(model), "--json", capture=True).stdout)
        results[name] = figures
        print(
            f"{name}: trained on {len(corrections.read(source))} articles; validation SI F1 {figures['si']['f1']:.4f}, span+technique F1 {figures['span_technique']['f1']:.4f}, TC micro-F1 {figures['tc']['f1']:.4f}"
        )
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
