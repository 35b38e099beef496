"""The claim corpora and their fixed validation splits.

ClaimBuster sentences are split by ``sentence_id`` (every fifth id is
validation).  CheckThat! 2019 debates are held out whole: every fourth debate
in name order, starting with the second, which gives the five named in
:data:`VALIDATION_DEBATES`.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path

CLAIMBUSTER = "claimbuster-train.json"
CHECKTHAT = "checkthat2019-task1-train.csv"
VALIDATION_DEBATES = (
    "20160226_10_gop.tsv",
    "20161005_vice_pres.tsv",
    "20170228_trump_address.tsv",
    "20180916_trump_miami.tsv",
    "20182601_trump_world.tsv",
)


@dataclass(frozen=True)
class Line:
    """One labelled sentence; ``group`` is the debate (CheckThat!) or ``"claimbuster"``."""

    id: str
    text: str
    label: int
    group: str
    speaker: str = ""


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The claims corpus folder: ``path``, else ``$SPINSCOPE_DATA/claims``, else ``../shared/data/claims``."""
    if path is not None:
        return Path(path)
    from spinscope import shared_data

    return shared_data.folder("claims")


def available(path: str | os.PathLike | None = None) -> bool:
    folder = data_dir(path)
    return (folder / CLAIMBUSTER).is_file() and (folder / CHECKTHAT).is_file()


def claimbuster(folder: Path) -> tuple[list[Line], list[Line]]:
    """(train, validation) ClaimBuster sentences; validation is ``sentence_id % 5 == 0``."""
    rows = json.loads((folder / CLAIMBUSTER).read_text(encoding="utf-8"))
    lines = [Line(f"cb{r['sentence_id']}", r["text"], int(r["label"]), "claimbuster") for r in rows]
    lines.sort(key=lambda x: int(x.id[2:]))
    train = [x for x in lines if int(x.id[2:]) % 5 != 0]
    valid = [x for x in lines if int(x.id[2:]) % 5 == 0]
    return train, valid


def checkthat(folder: Path) -> dict[str, list[Line]]:
    """Every CheckThat! debate, its lines in order."""
    debates: dict[str, list[Line]] = {}
    with open(folder / CHECKTHAT, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["file_name"]
            line = Line(f"{name}:{row['line_number']}", row["text"], int(row["label"]), name, row["speaker"])
            debates.setdefault(name, []).append(line)
    for lines in debates.values():
        lines.sort(key=lambda x: int(x.id.rsplit(":", 1)[1]))
    return dict(sorted(debates.items()))


def checkthat_split(folder: Path) -> tuple[dict[str, list[Line]], dict[str, list[Line]]]:
    """(train, validation) debates; validation is :data:`VALIDATION_DEBATES`."""
    debates = checkthat(folder)
    train = {k: v for k, v in debates.items() if k not in VALIDATION_DEBATES}
    valid = {k: v for k, v in debates.items() if k in VALIDATION_DEBATES}
    return train, valid


def from_corrections(path: Path) -> list[Line]:
    """A team's corrected articles (``spinscope import ... -o FILE``) as labelled sentences: every claim
    unit the detector would score (:func:`spinscope.detectors.claims.attribution.claim_units`) is 1
    when a corrected ``claim`` span overlaps it, else 0; group ``"corrections"``."""
    from spinscope import nlp
    from spinscope.detectors.claims.attribution import claim_units
    from spinscope.exchange import corrections

    lines = []
    documents = corrections.read(path)
    for doc_in, parsed in zip(documents, nlp.pipe(d.text for d in documents)):
        claims = [(m.start, m.end) for m in doc_in.marks if m.kind == "claim"]
        for k, unit in enumerate(claim_units(parsed)):
            start, end = unit.start_char, unit.end_char
            label = int(any(s < end and start < e for s, e in claims))
            lines.append(Line(f"{doc_in.id}:{k}", unit.text.strip(), label, "corrections"))
    return lines
