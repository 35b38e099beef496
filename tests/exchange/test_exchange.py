"""Annotation exchange: Label Studio and brat round trips give back exactly the exported spans; corrections
are checked against the exported text, compared with the machine's spans, and feed evaluation and training."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from spinscope.errors import InputError
from spinscope.exchange import brat, corrections, labelstudio
from spinscope.exchange.corrections import Mark
from spinscope.model import Analysis, Span

HERE = Path(__file__).resolve().parent
TEXT = "Traitors everywhere 😀! The corrupt elite\nlied again, and they will destroy us all. Police said 40 people marched."


def _span(piece: str, kind: str, label: str, score: float = 0.8) -> Span:
    start = TEXT.index(piece)
    return Span(start=start, end=start + len(piece), kind=kind, label=label, score=score)


ANALYSES = [
    Analysis(
        id="a/1",
        text=TEXT,
        title="Traitors",
        outlet="Iron Standard",
        published="2024-03-16",
        spans=[
            _span("Traitors", "technique", "Name_Calling,Labeling"),
            _span("corrupt elite\nlied", "technique", "Loaded_Language", 0.6),
            _span("they will destroy us all", "technique", "Appeal_to_fear-prejudice"),
            _span("Police said 40 people marched.", "claim", "check_worthy"),
        ],
    ),
    Analysis(id="b2", text="A calm report. Nothing to see.", spans=[]),
]
KINDS = ("technique", "claim")


def _machine(analysis) -> list[Mark]:
    return sorted(Mark(s.start, s.end, s.kind, s.label) for s in analysis.spans if s.kind in KINDS)


def test_labelstudio_round_trip_gives_back_exactly_the_exported_spans(tmp_path):
    tasks_file, config_file = labelstudio.write(ANALYSES, tmp_path / "tasks.json", KINDS, "spinscope/techniques 2")
    docs = labelstudio.read(tasks_file)
    assert [d.id for d in docs] == ["a/1", "b2"]
    for doc, analysis in zip(docs, ANALYSES):
        assert doc.text == analysis.text and doc.marks == _machine(analysis) and doc.machine == _machine(analysis)
    assert (docs[0].title, docs[0].outlet, docs[0].published) == ("Traitors", "Iron Standard", "2024-03-16")
    report = corrections.compare(docs)
    assert report["total"]["kept"] == report["total"]["machine"] == 4 and report["total"]["agreement"] == 1.0


def test_labelstudio_offsets_count_utf16_units_past_the_emoji(tmp_path):
    tasks = labelstudio.tasks(ANALYSES, KINDS, "m")
    regions = {r["value"]["labels"][0]: r["value"] for r in tasks[0]["predictions"][0]["result"]}
    police = TEXT.index("Police")
    assert regions["check_worthy"]["start"] == police + 1  # the emoji before it is two UTF-16 units
    assert regions["Name_Calling,Labeling"]["start"] == 0
    utf16 = TEXT.encode("utf-16-le")
    value = regions["Loaded_Language"]
    assert utf16[2 * value["start"] : 2 * value["end"]].decode("utf-16-le") == value["text"] == "corrupt elite\nlied"


def test_labelstudio_tasks_validate_against_the_documented_format(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((HERE / "labelstudio_task.schema.json").read_text(encoding="utf-8"))
    tasks_file, config_file = labelstudio.write(ANALYSES, tmp_path / "tasks.json", KINDS, "m")
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    jsonschema.validate(tasks, schema)
    config = ET.fromstring(config_file.read_text(encoding="utf-8"))
    controls = {c.get("name"): [label.get("value") for label in c] for c in config.iter("Labels")}
    text_names = {t.get("name") for t in config.iter("Text")}
    for task in tasks:  # every region names a control and labels the config declares, on the config's Text
        assert "$text".lstrip("$") in task["data"]
        for region in task["predictions"][0]["result"]:
            assert region["to_name"] in text_names and region["from_name"] in controls
            assert set(region["value"]["labels"]) <= set(controls[region["from_name"]])
    assert len(controls["technique"]) == 14 and controls["claim"] == ["check_worthy"]


def _annotated(tmp_path) -> Path:
    """The exported tasks as Label Studio exports them after a team's corrections."""
    tasks_file, _ = labelstudio.write(ANALYSES, tmp_path / "tasks.json", KINDS, "m")
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    result = [dict(r, value=dict(r["value"])) for r in tasks[0]["predictions"][0]["result"]]
    by_label = {r["value"]["labels"][0]: r for r in result}
    by_label["Name_Calling,Labeling"]["value"]["labels"] = ["Loaded_Language"]  # relabelled
    fear = by_label["Appeal_to_fear-prejudice"]["value"]  # moved: "they will destroy us all" -> "destroy us all"
    fear["start"] += len("they will ")
    fear["text"] = "destroy us all"
    result.remove(by_label["check_worthy"])  # removed
    start = TEXT.index("lied again") + 1  # added, past the emoji
    result.append({"id": "new", "from_name": "technique", "to_name": "text", "type": "labels", "value": {"start": start, "end": start + 10, "text": "lied again", "labels": ["Repetition"]}})
    tasks[0]["annotations"] = [
        {"id": 1, "result": [], "was_cancelled": True, "updated_at": "2026-12-08T10:00:00Z"},
        {"id": 2, "result": result, "was_cancelled": False, "updated_at": "2026-12-07T10:00:00Z"},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


def test_labelstudio_corrections_are_read_and_compared_per_label(tmp_path):
    docs = labelstudio.read(_annotated(tmp_path))
    assert Mark(TEXT.index("lied again"), TEXT.index("lied again") + 10, "technique", "Repetition") in docs[0].marks
    report = corrections.compare(docs)
    per = report["per_label"]
    assert per["Name_Calling,Labeling"]["relabelled"] == 1 and per["Loaded_Language"]["kept"] == 1
    assert per["Appeal_to_fear-prejudice"]["moved"] == 1 and per["check_worthy"]["removed"] == 1 and per["Repetition"]["added"] == 1
    assert report["total"] == {"machine": 4, "corrected": 4, "kept": 1, "relabelled": 1, "moved": 1, "removed": 1, "added": 1, "agreement": 0.25}


def test_labelstudio_import_refuses_a_changed_text_or_a_region_off_its_text(tmp_path):
    tasks_file, _ = labelstudio.write(ANALYSES, tmp_path / "tasks.json", KINDS, "m")
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    tasks[0]["data"]["text"] = tasks[0]["data"]["text"].replace("Traitors", "Patriots")
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(InputError, match="E140"):
        labelstudio.read(changed)
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    tasks[0]["predictions"][0]["result"][0]["value"]["start"] += 1
    shifted = tmp_path / "shifted.json"
    shifted.write_text(json.dumps(tasks), encoding="utf-8")
    with pytest.raises(InputError, match="E140"):
        labelstudio.read(shifted)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="E141"):
        labelstudio.read(tmp_path / "bad.json")


def test_brat_round_trip_gives_back_exactly_the_exported_spans(tmp_path):
    folder = brat.write(ANALYSES, tmp_path / "brat", KINDS)
    assert sorted(p.name for p in folder.iterdir()) == ["a_1.ann", "a_1.txt", "annotation.conf", "b2.ann", "b2.txt", "spinscope.json", "visual.conf"]
    assert (folder / "a_1.txt").read_bytes().decode("utf-8") == TEXT
    ann = (folder / "a_1.ann").read_text(encoding="utf-8").splitlines()
    assert ann[0].split("\t")[1].startswith("Name_Calling__Labeling ")  # no comma in a brat type
    assert "Claim_check_worthy" in (folder / "annotation.conf").read_text(encoding="utf-8")
    docs = brat.read(folder)
    for doc, analysis in zip(docs, ANALYSES):
        assert doc.id == analysis.id and doc.text == analysis.text and doc.marks == _machine(analysis)
    assert corrections.compare(docs)["total"]["agreement"] == 1.0


def test_brat_corrections_from_an_edited_ann_and_a_folder_without_manifest(tmp_path):
    folder = brat.write(ANALYSES, tmp_path / "brat", KINDS)
    start = TEXT.index("Police")
    lines = [line for line in (folder / "a_1.ann").read_text(encoding="utf-8").splitlines() if "Claim_" not in line]
    lines.append(f"T9\tDoubt {start} {start + 6};{start + 7} {start + 11}\tPolice said")  # a discontinuous annotation
    (folder / "a_1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = brat.read(folder)
    assert Mark(start, start + 6, "technique", "Doubt") in docs[0].marks and Mark(start + 7, start + 11, "technique", "Doubt") in docs[0].marks
    assert corrections.compare(docs)["per_label"]["check_worthy"]["removed"] == 1
    (folder / "spinscope.json").unlink()
    bare = brat.read(folder)
    assert [d.id for d in bare] == ["a_1", "b2"] and bare[0].machine is None
    assert corrections.compare(bare)["compared"] == 0
    (folder / "a_1.ann").write_text("T1\tDoubt 0 8\tPatriots\n", encoding="utf-8")
    with pytest.raises(InputError, match="E140"):
        brat.read(folder)


def test_corrections_file_round_trip_and_evaluation_input(tmp_path):
    from spinscope_train.techniques import data

    docs = labelstudio.read(_annotated(tmp_path))
    path = tmp_path / "corrections.jsonl"
    corrections.write(docs, path)
    again = corrections.read(path)
    assert [(d.id, d.text, d.marks) for d in again] == [(d.id, d.text, d.marks) for d in sorted(docs, key=lambda d: d.id)]
    labelled = {a.id: a for a in data.load_corrections(path)}
    assert ("Repetition", TEXT.index("lied again"), TEXT.index("lied again") + 10) in labelled["a/1"].spans
    assert all(label != "check_worthy" for label, _, _ in labelled["a/1"].spans)  # techniques only


def test_corrections_join_training_but_never_a_validation_article():
    from spinscope_train.techniques.data import Labelled, with_corrections

    train = [Labelled("t1", "text one"), Labelled("t2", "text two")]
    validation = [Labelled("v1", "held out")]
    corrected = [Labelled("c1", "text two", [("Doubt", 0, 4)]), Labelled("c2", "new text"), Labelled("c3", "held out")]
    merged, left_out = with_corrections(train, validation, corrected)
    assert [a.id for a in merged] == ["t1", "c1", "c2"] and left_out == ["c3"]
    alone, _ = with_corrections(train, validation, corrected, keep_ptc=False)
    assert [a.id for a in alone] == ["c1", "c2"]


def test_export_and_import_commands(tmp_path):
    import subprocess
    import sys

    analyses = tmp_path / "analyses.jsonl"
    analyses.write_text("".join(a.to_json() + "\n" for a in ANALYSES), encoding="utf-8")

    def cli(*args):
        return subprocess.run([sys.executable, "-c", "from spinscope.cli import main; main()", *args], capture_output=True, text=True, cwd=tmp_path)

    done = cli("export", str(analyses), "--analyses", "--to", "labelstudio", "--kinds", "technique,claim", "-o", "tasks.json")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "tasks.config.xml").is_file()
    back = cli("import", "tasks.json", "--from", "labelstudio", "-o", "corrections.jsonl", "--json")
    assert back.returncode == 0, back.stderr
    assert json.loads(back.stdout)["total"]["agreement"] == 1.0
    assert len(corrections.read(tmp_path / "corrections.jsonl")) == 2
    done = cli("export", str(analyses), "--analyses", "--to", "brat", "-o", "brat")
    assert done.returncode == 0 and (tmp_path / "brat" / "a_1.ann").is_file()
    wrong = cli("export", str(analyses), "--analyses", "--to", "conll", "-o", "x")
    assert wrong.returncode == 2 and "E201" in wrong.stderr


def test_claims_and_quotes_scored_on_a_teams_gold(tmp_path, news_text):
    from spinscope import engine
    from spinscope.model import Article
    from spinscope_train.gold import score

    (analysis,) = engine.analyze_many([Article(id="n1", text=news_text)], detectors=["actors", "claims", "quotes"])
    machine = corrections.document_of(analysis, ("claim", "quote"))
    claims = [m for m in machine.marks if m.kind == "claim"]
    assert claims, "the news fixture should hold a check-worthy claim"
    path = tmp_path / "gold.jsonl"
    corrections.write([machine], path)
    same = score(path, "claim", ("actors", "claims"))
    assert same["exact"]["f1"] == 1.0 and same["predicted"] == same["gold_spans"] == len(claims)
    first = claims[0]
    machine.marks = [m for m in machine.marks if m != first] + [Mark(first.start, first.end - 1, "claim", first.label)]  # one boundary moved by a character
    corrections.write([machine], path)
    moved = score(path, "claim", ("actors", "claims"))
    assert moved["exact"]["recall"] == round((len(claims) - 1) / len(claims), 4) and moved["overlap"]["f1"] == 1.0
    quotes = score(path, "quote", ("actors", "quotes"))
    assert quotes["kind"] == "quote" and quotes["gold_spans"] == sum(m.kind == "quote" for m in machine.marks)


def test_corrected_claims_become_labelled_sentences_for_training(tmp_path):
    from spinscope.exchange.corrections import Document
    from spinscope_train.claims.data import from_corrections

    text = "The council met on Monday. Unemployment fell to four percent last year. We should all be proud."
    start = text.index("Unemployment")
    doc = Document("c1", text, [Mark(start, start + len("Unemployment fell to four percent last year."), "claim", "check_worthy")])
    path = tmp_path / "corrections.jsonl"
    corrections.write([doc], path)
    lines = from_corrections(path)
    assert [(x.text, x.label, x.group) for x in lines] == [
        ("The council met on Monday.", 0, "corrections"),
        ("Unemployment fell to four percent last year.", 1, "corrections"),
        ("We should all be proud.", 0, "corrections"),
    ]
