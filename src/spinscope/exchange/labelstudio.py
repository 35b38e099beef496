"""Label Studio: pre-annotated tasks out (its JSON import format), its JSON export back in.

Each task's ``data`` holds the article ``text`` (what the labelling config's ``<Text value="$text">``
shows), its ``title``, ``outlet`` and ``published``, and a ``spinscope`` object: the analysis ``id``,
the text's ``content_hash`` and the machine's ``spans`` as exported (Label Studio keeps task data
on export, so the corrections can be compared with them).  The machine's spans are the task's
``predictions``: one prediction, ``model_version`` naming the detectors' models, each span a
``labels`` region on ``text`` with its ``score``.  The labelling config (:func:`config`) declares a
``Labels`` control per kind: ``technique`` for the 14 techniques, ``claim`` and ``quote``.

Label Studio counts offsets in UTF-16 code units (JavaScript strings); spinscope counts code points.
They differ only past U+FFFF (emoji and the like), and both directions are converted.

The task format follows Label Studio's documentation, "Import pre-annotated data" and "Label Studio
JSON format of annotated tasks" (labelstud.io/guide/predictions, labelstud.io/guide/task_format);
``tests/exchange/labelstudio_task.schema.json`` is a JSON Schema written from those pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

from spinscope.errors import InputError
from spinscope.exchange.corrections import Document, Mark

CONTROLS = {"technique": "technique", "claim": "claim", "quote": "quote"}
KIND_OF_CONTROL = {v: k for k, v in CONTROLS.items()}
CLAIM_LABELS = ("check_worthy",)
QUOTE_LABELS = ("direct", "indirect")


def labels_of(kind: str) -> tuple[str, ...]:
    from spinscope.detectors.techniques.labels import TECHNIQUES

    return {"technique": TECHNIQUES, "claim": CLAIM_LABELS, "quote": QUOTE_LABELS}[kind]


def config(kinds: tuple[str, ...]) -> str:
    """The labelling config for tasks of ``kinds``: a Labels control per kind over one Text object."""
    from spinscope.web.render import technique_catalogue

    catalogue = technique_catalogue()
    lines = ["<View>", '  <Header value="$title"/>']
    for kind in kinds:
        lines.append(f'  <Labels name="{CONTROLS[kind]}" toName="text" showInline="true">')
        for label in labels_of(kind):
            info = catalogue.get(label, {}) if kind == "technique" else {}
            colour = f" background={quoteattr(info['colour'])}" if info.get("colour") else ""
            hint = f" hint={quoteattr(info['definition'])}" if info.get("definition") else ""
            lines.append(f"    <Label value={quoteattr(label)}{colour}{hint}/>")
        lines.append("  </Labels>")
    lines += ['  <Text name="text" value="$text" granularity="symbol"/>', "</View>", ""]
    return "\n".join(lines)


def utf16_offsets(text: str):
    """``to16(i)``: the UTF-16 offset of code point ``i``; ``from16(j)``: the code point of UTF-16 offset ``j``."""
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not wide:
        return (lambda i: i), (lambda j: j)
    import bisect

    def to16(i: int) -> int:
        return i + bisect.bisect_left(wide, i)

    units = [w + k for k, w in enumerate(wide)]  # UTF-16 offset where each wide character starts

    def from16(j: int) -> int:
        return j - bisect.bisect_left(units, j)

    return to16, from16


def tasks(analyses, kinds: tuple[str, ...], model_version: str) -> list[dict]:
    """One pre-annotated task per analysis."""
    from spinscope.exchange.corrections import document_of

    out = []
    for n, analysis in enumerate(analyses, 1):
        doc = document_of(analysis, kinds)
        scores = {(s.start, s.end, s.kind, s.label): s.score for s in analysis.spans}
        to16, _ = utf16_offsets(doc.text)
        result = [
            {
                "id": f"s{k}",
                "from_name": CONTROLS[m.kind],
                "to_name": "text",
                "type": "labels",
                "value": {"start": to16(m.start), "end": to16(m.end), "text": doc.text[m.start : m.end], "labels": [m.label]},
                "score": round(float(scores.get((m.start, m.end, m.kind, m.label), 1.0)), 4),
            }
            for k, m in enumerate(doc.marks, 1)
        ]
        machine = [{"kind": m.kind, "label": m.label, "start": m.start, "end": m.end} for m in doc.marks]
        data = {
            "text": doc.text,
            "title": doc.title or doc.id,
            "outlet": doc.outlet,
            "published": doc.published,
            "spinscope": {"id": doc.id, "content_hash": doc.content_hash, "kinds": list(kinds), "spans": machine},
        }
        score = round(sum(r["score"] for r in result) / len(result), 4) if result else 0.0
        out.append({"id": n, "data": data, "predictions": [{"model_version": model_version, "score": score, "result": result}]})
    return out


def write(analyses, out: Path, kinds: tuple[str, ...], model_version: str) -> tuple[Path, Path]:
    """Write the tasks to ``out`` (JSON) and the labelling config beside it (``<stem>.config.xml``)."""
    out = Path(out)
    found = tasks(analyses, kinds, model_version)
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    beside = out.with_name(out.stem + ".config.xml")
    beside.write_text(config(kinds), encoding="utf-8")
    return out, beside


def read(path: Path) -> list[Document]:
    """Documents from a Label Studio JSON export (or the exported tasks themselves, read as uncorrected).

    Of a task's annotations, the newest that was not cancelled is the correction; a task nobody
    annotated keeps the machine's spans (its predictions) and is marked as such by ``corrected=False``
    in :attr:`Document.source`.
    """
    try:
        found = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E116", source=str(path), detail=str(exc)) from None
    except json.JSONDecodeError as exc:
        raise InputError("E141", source=str(path), format="Label Studio JSON", detail=f"malformed JSON: {exc}") from None
    if isinstance(found, dict):
        found = [found]
    if not isinstance(found, list):
        raise InputError("E141", source=str(path), format="Label Studio JSON", detail="expected a list of tasks")
    return [_document(task, f"{path} task {task.get('id', n) if isinstance(task, dict) else n}") for n, task in enumerate(found, 1)]


def _document(task, where: str) -> Document:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict) or not isinstance(task["data"].get("text"), str):
        raise InputError("E141", source=where, format="Label Studio JSON", detail="a task needs data.text")
    data = task["data"]
    meta = data.get("spinscope") if isinstance(data.get("spinscope"), dict) else {}
    text = data["text"]
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    chosen = max(annotations, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), str(a.get("id")))) if annotations else None
    regions = chosen.get("result") if chosen else ((task.get("predictions") or [{}])[0] or {}).get("result")
    machine = [Mark(int(s["start"]), int(s["end"]), str(s["kind"]), str(s["label"])) for s in meta.get("spans") or []] if "spans" in meta else None
    doc = Document(
        id=str(meta.get("id") or task.get("id")),
        text=text,
        marks=sorted(set(_marks(regions or [], text, where))),
        machine=machine,
        content_hash=meta.get("content_hash"),
        title=data.get("title"),
        outlet=data.get("outlet"),
        published=data.get("published"),
        source=where + ("" if chosen else " (not annotated: the machine's spans)"),
    )
    doc.check()
    return doc


def _marks(regions: list, text: str, where: str):
    _, from16 = utf16_offsets(text)
    for r in regions:
        if not isinstance(r, dict) or r.get("type") != "labels" or not isinstance(r.get("value"), dict):
            continue  # relations, choices and other controls carry no span
        value = r["value"]
        kind = KIND_OF_CONTROL.get(str(r.get("from_name")), "technique")
        try:
            start, end = from16(int(value["start"])), from16(int(value["end"]))
        except (KeyError, TypeError, ValueError):
            raise InputError("E141", source=where, format="Label Studio JSON", detail=f"region {r.get('id')} has no start and end") from None
        if "text" in value and value["text"] != text[start:end]:
            raise InputError("E140", source=where, detail=f"region {r.get('id')} says {value['text']!r} but {start}-{end} holds {text[start:end]!r}")
        for label in value.get("labels") or []:
            yield Mark(start, end, kind, str(label))
