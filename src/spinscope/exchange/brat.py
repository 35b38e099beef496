"""brat standoff, as brat and INCEpTION/WebAnno import and export it.

A folder with, per article, ``NAME.txt`` (the analysis text, exactly) and ``NAME.ann`` (one text-bound
annotation per span: ``T<n><TAB><Type> <start> <end><TAB><covered text>``), plus ``annotation.conf``
(the entity types) and ``visual.conf`` (their display names and colours).  brat type names cannot
hold commas, so a label's ``,`` is written ``__`` ("Name_Calling__Labeling") and read back as ``,``;
claims are ``Claim_check_worthy``, quotes ``Quote_direct`` and ``Quote_indirect``.

``spinscope.json`` beside them maps each file name to the analysis ``id``, the text's
``content_hash``, the metadata and the machine's spans as exported, so that the corrections can be
checked against the exported text and compared with the machine's spans.  A folder without it (one
brat made itself) is read too: ids are the file names, and there is nothing to compare with.
Discontinuous annotations (``start end;start end``) become one span per fragment.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spinscope.errors import InputError
from spinscope.exchange.corrections import Document, Mark

MANIFEST = "spinscope.json"
PREFIX = {"claim": "Claim_", "quote": "Quote_"}
SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")


def type_of(mark: Mark) -> str:
    return PREFIX.get(mark.kind, "") + mark.label.replace(",", "__")


def mark_of(type_: str, start: int, end: int) -> Mark:
    for kind, prefix in PREFIX.items():
        if type_.startswith(prefix):
            return Mark(start, end, kind, type_[len(prefix) :].replace("__", ","))
    return Mark(start, end, "technique", type_.replace("__", ","))


def file_name(doc_id: str, taken: set[str]) -> str:
    """A file name for ``doc_id``: letters, digits, ``_ . -`` only, unique in the folder."""
    base = SAFE.sub("_", doc_id).strip("._") or "article"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def write(analyses, folder: Path, kinds: tuple[str, ...]) -> Path:
    """Write the brat folder (module docstring); returns it."""
    from spinscope.exchange.corrections import document_of
    from spinscope.exchange.labelstudio import labels_of
    from spinscope.web.render import technique_catalogue

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest, taken = {}, set()
    for analysis in analyses:
        doc = document_of(analysis, kinds)
        name = file_name(doc.id, taken)
        (folder / f"{name}.txt").write_bytes(doc.text.encode("utf-8"))  # bytes: no newline translation
        lines = [f"T{k}\t{type_of(m)} {m.start} {m.end}\t{doc.text[m.start : m.end].replace(chr(10), ' ')}\n" for k, m in enumerate(doc.marks, 1)]
        (folder / f"{name}.ann").write_bytes("".join(lines).encode("utf-8"))
        manifest[name] = {
            "id": doc.id,
            "content_hash": doc.content_hash,
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "spans": [{"kind": m.kind, "label": m.label, "start": m.start, "end": m.end} for m in doc.marks],
        }
    types = [type_of(Mark(0, 1, kind, label)) for kind in kinds for label in labels_of(kind)]
    (folder / "annotation.conf").write_text("[entities]\n" + "".join(f"{t}\n" for t in types) + "\n[relations]\n\n[events]\n\n[attributes]\n", encoding="utf-8")
    catalogue = technique_catalogue()
    visual = ["[labels]"] + [f"{t} | {catalogue.get(mark_of(t, 0, 1).label, {}).get('title') or mark_of(t, 0, 1).label}" for t in types]
    visual += ["", "[drawing]"] + [f"{t}\tbgColor:{catalogue[mark_of(t, 0, 1).label]['colour']}" for t in types if catalogue.get(mark_of(t, 0, 1).label, {}).get("colour")]
    (folder / "visual.conf").write_text("\n".join(visual) + "\n", encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return folder


def read(folder: Path) -> list[Document]:
    """Documents from a brat folder: every ``NAME.txt`` with its ``NAME.ann`` (an absent ``.ann``: no spans)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("E141", source=str(folder), format="brat", detail="give the folder that holds the .txt and .ann files")
    manifest = {}
    if (folder / MANIFEST).is_file():
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("E141", source=str(folder / MANIFEST), format="brat", detail=f"malformed JSON: {exc}") from None
    texts = sorted(folder.glob("*.txt"))
    if not texts:
        raise InputError("E141", source=str(folder), format="brat", detail="no .txt files")
    documents = []
    for path in texts:
        name = path.stem
        text = path.read_bytes().decode("utf-8")
        meta = manifest.get(name) or {}
        ann = path.with_suffix(".ann")
        marks = sorted(set(_marks(ann, text))) if ann.is_file() else []
        machine = [Mark(int(s["start"]), int(s["end"]), str(s["kind"]), str(s["label"])) for s in meta["spans"]] if "spans" in meta else None
        doc = Document(
            id=str(meta.get("id") or name),
            text=text,
            marks=marks,
            machine=machine,
            content_hash=meta.get("content_hash"),
            title=meta.get("title"),
            outlet=meta.get("outlet"),
            published=meta.get("published"),
            source=str(ann),
        )
        doc.check()
        documents.append(doc)
    return documents


def _marks(ann: Path, text: str):
    for n, line in enumerate(ann.read_bytes().decode("utf-8").splitlines(), 1):
        if not line.startswith("T"):
            continue  # relations, events, attributes and notes carry no span of their own
        found = TEXT_BOUND.match(line)
        if found is None:
            raise InputError("E141", source=f"{ann}:{n}", format="brat", detail=f"not a text-bound annotation: {line[:80]!r}")
        _, type_, offsets, covered = found.groups()
        pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
        written = " ".join(text[s:e] for s, e in pieces).replace("\n", " ")
        if covered and covered != written:
            raise InputError("E140", source=f"{ann}:{n}", detail=f"it says {covered[:60]!r} but {offsets} holds {written[:60]!r}")
        for start, end in pieces:
            yield mark_of(type_, start, end)
