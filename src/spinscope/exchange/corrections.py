"""What an annotation tool gives back: documents with their corrected spans, checked against the
exported text, compared with the machine's spans, and saved as a corrections file (JSONL).

A corrections file has one JSON object per line: ``id``, ``text``, ``content_hash``, ``title``,
``outlet``, ``published`` and ``spans`` (``kind``, ``label``, ``start``, ``end``), sorted.  It is
what ``spinscope evaluate techniques --gold`` and ``spinscope train techniques --from`` read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from spinscope.errors import InputError


@dataclass(frozen=True, order=True)
class Mark:
    """One span as the annotation formats carry it."""

    start: int
    end: int
    kind: str
    label: str


@dataclass
class Document:
    """One article as exported or read back: its text, its spans, and what identifies it."""

    id: str
    text: str
    marks: list[Mark] = field(default_factory=list)
    machine: list[Mark] | None = None  # the machine's spans as exported, when the format kept them
    content_hash: str | None = None  # of the text exported
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str = ""  # where it was read from, for messages

    def check(self) -> None:
        """Raise ``E140`` when the text is not the one exported or a span does not fit it."""
        from spinscope.model import content_hash

        if self.content_hash and content_hash(self.text) != self.content_hash:
            raise InputError("E140", source=self.source or self.id, detail="the text differs from the exported one, so the offsets no longer point into it")
        for m in self.marks:
            if not 0 <= m.start < m.end <= len(self.text):
                raise InputError("E140", source=self.source or self.id, detail=f"span {m.start}-{m.end} ({m.label}) lies outside the {len(self.text)} characters of the text")


def marks_of(analysis, kinds: tuple[str, ...]) -> list[Mark]:
    """The analysis's spans of ``kinds`` as marks (quotes and claims keep their label: direct, indirect, check_worthy)."""
    return sorted(Mark(s.start, s.end, s.kind, s.label) for s in analysis.spans if s.kind in kinds)


def document_of(analysis, kinds: tuple[str, ...]) -> Document:
    from spinscope.model import content_hash

    marks = marks_of(analysis, kinds)
    return Document(
        id=analysis.id, text=analysis.text, marks=marks, machine=list(marks), content_hash=content_hash(analysis.text), title=analysis.title, outlet=analysis.outlet, published=analysis.published
    )


def compare(documents: list[Document]) -> dict:
    """What changed against the machine's spans, per label and in all: kept (same start, end and label),
    relabelled (same start and end, another label), moved (overlapping, same label, other boundaries),
    removed (the machine's, with no counterpart), added (the team's, with none); agreement is the
    F1 of exact matches between the machine's spans and the corrected ones."""
    per: dict[str, dict[str, int]] = {}

    def row(label: str) -> dict[str, int]:
        return per.setdefault(label, {"machine": 0, "corrected": 0, "kept": 0, "relabelled": 0, "moved": 0, "removed": 0, "added": 0})

    compared = 0
    for doc in documents:
        if doc.machine is None:
            continue
        compared += 1
        machine, corrected = set(doc.machine), set(doc.marks)
        for m in doc.machine:
            row(m.label)["machine"] += 1
        for m in doc.marks:
            row(m.label)["corrected"] += 1
        for m in machine & corrected:
            row(m.label)["kept"] += 1
        left, new = sorted(machine - corrected), sorted(corrected - machine)
        used: set[Mark] = set()
        for m in left:
            same_place = next((c for c in new if c not in used and (c.start, c.end, c.kind) == (m.start, m.end, m.kind)), None)
            near = same_place or next((c for c in new if c not in used and c.label == m.label and c.kind == m.kind and c.start < m.end and m.start < c.end), None)
            if near is None:
                row(m.label)["removed"] += 1
                continue
            used.add(near)
            row(m.label)["relabelled" if same_place else "moved"] += 1
        for c in new:
            if c not in used:
                row(c.label)["added"] += 1
    for figures in per.values():
        figures["agreement"] = round(2 * figures["kept"] / (figures["machine"] + figures["corrected"]), 4) if figures["machine"] + figures["corrected"] else 1.0
    total = {k: sum(f[k] for f in per.values()) for k in ("machine", "corrected", "kept", "relabelled", "moved", "removed", "added")}
    total["agreement"] = round(2 * total["kept"] / (total["machine"] + total["corrected"]), 4) if total["machine"] + total["corrected"] else 1.0
    return {"documents": len(documents), "compared": compared, "total": total, "per_label": dict(sorted(per.items()))}


def write(documents: list[Document], path: Path) -> None:
    """Save ``documents`` as a corrections file (module docstring)."""
    from spinscope.model import content_hash

    lines = []
    for doc in sorted(documents, key=lambda d: d.id):
        spans = [{"kind": m.kind, "label": m.label, "start": m.start, "end": m.end} for m in sorted(doc.marks)]
        record = {"id": doc.id, "text": doc.text, "content_hash": content_hash(doc.text), "title": doc.title, "outlet": doc.outlet, "published": doc.published, "spans": spans}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    Path(path).write_text("".join(lines), encoding="utf-8")


def read(path: Path) -> list[Document]:
    """Read a corrections file back; every line is checked (``E140``, ``E106`` for malformed JSON)."""
    documents = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                marks = [Mark(int(s["start"]), int(s["end"]), str(s.get("kind", "technique")), str(s["label"])) for s in row.get("spans", [])]
                doc = Document(id=str(row["id"]), text=row["text"], marks=marks, content_hash=row.get("content_hash"), title=row.get("title"), outlet=row.get("outlet"), published=row.get("published"))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError("E106", source=str(path), line=n, detail=f"not a corrections record ({type(exc).__name__}: {exc})") from None
            doc.source = f"{path}:{n}"
            doc.check()
            documents.append(doc)
    return documents
