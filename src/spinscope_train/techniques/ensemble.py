"""Combine trained technique models into one ensemble folder and tune it.

Each member is a folder written by ``spinscope train techniques`` (its
``model.onnx``, ``span_head.npz`` and training record are copied into a
sub-folder).  All members must share one tokenizer.  The ensemble's
lexical head and tokenizer are the first member's; its decoding knobs,
calibration and default minimum score are chosen again on the validation
split for the ensemble as a whole (:func:`.tuning.tune`).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from spinscope.errors import InputError
from spinscope_train.techniques import data
from spinscope_train.techniques.train import MEMBER_RECORD_KEYS

MEMBER_FILES = ("model.onnx", "span_head.npz")


def member_name(index: int, record: dict) -> str:
    """``seed13-epochs8`` from a member's training record, ``member1`` without one."""
    if "seed" in record and "epochs" in record:
        return f"seed{record['seed']}-epochs{record['epochs']}"
    return f"member{index + 1}"


def check_members(folders: list[Path]) -> None:
    """Each folder is a single trained model, and all share the first one's tokenizer."""
    if len(folders) < 2:
        raise InputError("E132", detail=f"an ensemble needs at least two models, got {len(folders)}")
    for folder in folders:
        for name in (*MEMBER_FILES, "tokenizer.json", "config.json"):
            if not (folder / name).is_file():
                raise InputError("E100", source=str(folder / name))
        if json.loads((folder / "config.json").read_text(encoding="utf-8")).get("members"):
            raise InputError("E132", detail=f"{folder} is itself an ensemble; give its members instead")
    first = (folders[0] / "tokenizer.json").read_bytes()
    for folder in folders[1:]:
        if (folder / "tokenizer.json").read_bytes() != first:
            raise InputError("E132", detail=f"{folder} uses another tokenizer than {folders[0]}")


def combine(ptc: Path, folders: list[Path], out: Path, log=print) -> dict:
    """Copy the members into ``out``, tune the ensemble on validation, write ``config.json``."""
    from spinscope_train.techniques import tuning

    folders = [Path(f).resolve() for f in folders]
    check_members(folders)
    if Path(out).resolve() in folders:
        raise InputError("E132", detail=f"--out {out} is one of the members; write the ensemble to a new folder")
    started = time.time()
    out.mkdir(parents=True, exist_ok=True)
    names, records = [], []
    for index, folder in enumerate(folders):
        record = {k: v for k, v in json.loads((folder / "config.json").read_text(encoding="utf-8")).items() if k in MEMBER_RECORD_KEYS}
        name = member_name(index, record)
        if name in names:
            name = f"{name}-{index + 1}"
        (out / name).mkdir(exist_ok=True)
        for file in MEMBER_FILES:
            shutil.copy(folder / file, out / name / file)
        names.append(name)
        records.append({"member": name, **record})
    shutil.copy(folders[0] / "tokenizer.json", out / "tokenizer.json")
    if (folders[0] / "lexical_head.npz").is_file():
        shutil.copy(folders[0] / "lexical_head.npz", out / "lexical_head.npz")
    _, validation = data.split(data.load_ptc(ptc))
    config = tuning.tune(out, validation, log, members=names)
    config.update(member_records=records, train_seconds=round(time.time() - started))
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config
