"""One outlet however a page names it: names, domains and URLs grouped in the corpus views."""

import json

from typer.testing import CliRunner

from spinscope.cli import app
from spinscope.corpus.outlet_names import group_outlets, names_outlet, squash

BODY = (
    "The city council voted on Tuesday night to close the harbour branch library, ending a fight that has lasted most of the year. "
    "Residents packed the chamber and several of them spoke against the plan, saying the branch was the only quiet place many children had. "
    "The finance chair said the branch cost too much to keep open and that the money would be better spent on the central library."
)


def test_names_and_domains_of_one_outlet_are_one_group():
    counts = {"The Mind Unleashed": 2, "themindunleashed.com": 1, "Mind Unleashed": 1, "Anti-Media": 1, "unknown": 3}
    groups = group_outlets(counts, {})
    one = groups["The Mind Unleashed"]
    assert groups["themindunleashed.com"] is one and groups["Mind Unleashed"] is one
    assert one == {"outlet": "The Mind Unleashed", "domain": "themindunleashed.com", "aliases": ["Mind Unleashed", "themindunleashed.com"]}
    assert groups["Anti-Media"]["outlet"] == "Anti-Media" and groups["Anti-Media"]["domain"] is None
    assert groups["unknown"]["outlet"] == "unknown"


def test_a_ratings_name_gives_the_domain_and_a_url_domain_wins():
    groups = group_outlets({"CNN": 3, "cnn.com": 1, "Fox": 1}, {"Fox": "foxnews.com"}, named={"cnn": "cnn.com"})
    assert groups["CNN"] is groups["cnn.com"] and groups["CNN"]["domain"] == "cnn.com"
    assert groups["Fox"]["domain"] == "foxnews.com"


def test_different_outlets_stay_apart():
    groups = group_outlets({"The Times": 1, "The New York Times": 1, "nytimes.com": 1}, {})
    assert groups["The Times"] is not groups["The New York Times"]
    assert groups["The New York Times"] is not groups["nytimes.com"]  # 'newyorktimes' does not spell 'nytimes'


def test_an_origin_names_an_outlet_by_name_domain_or_url():
    groups = group_outlets({"The Mind Unleashed": 1, "themindunleashed.com": 1}, {})
    for origin in ("The Mind Unleashed", "Mind Unleashed", "themindunleashed.com", "https://www.themindunleashed.com/2020/01/x.html"):
        assert names_outlet(groups, origin, "The Mind Unleashed"), origin
    assert not names_outlet(groups, "Anti-Media", "The Mind Unleashed")
    assert squash("The Mind-Unleashed!") == "themindunleashed"


def test_outlets_and_duplicates_group_spellings_and_date_copies_by_origin(tmp_path):
    original = "Library to close\n\n" + BODY
    copy = "Library to close\n\n" + BODY + "\n\nJane Doe writes for The Mind Unleashed, where this article first appeared."
    records = [
        {"id": "a", "text": original, "outlet": "The Mind Unleashed"},
        {"id": "b", "text": "Pool to reopen\n\n" + BODY.replace("library", "pool"), "url": "https://themindunleashed.com/pool"},
        {"id": "c", "text": "Bridge to shut\n\n" + BODY.replace("library", "bridge"), "outlet": "Mind Unleashed"},
        {"id": "d", "text": copy, "outlet": "Anti-Media"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 's.db'}"
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", "add", str(src), "--db", url, "--detectors", "profile"])
    assert result.exit_code == 0, result.output
    rows = json.loads(runner.invoke(app, ["outlets", "--db", url, "--format", "json"]).output)
    assert len(rows) == 1  # the copy under Anti-Media is the same text: a sighting, not a second article
    tmu = rows[0]
    assert tmu["articles"] == 3 and tmu["domain"] == "themindunleashed.com"
    assert sorted([tmu["outlet"], *tmu["aliases"]]) == ["Mind Unleashed", "The Mind Unleashed", "themindunleashed.com"]
    assert tmu["outlet"] != "themindunleashed.com"  # a name before a domain
    pairs = json.loads(runner.invoke(app, ["duplicates", "--db", url, "--format", "json"]).output)
    pair = next(p for p in pairs if {p["a"], p["b"]} == {"a", "d"})
    assert pair["first"] == "a" and pair["first_from"] == "origin"
    assert pair["outlet_a"] == tmu["outlet"] and pair["outlet_b"] == "Anti-Media"


def test_names_from_the_media_bias_fact_check_list_join_their_domains(tmp_path):
    import os
    from pathlib import Path

    import pytest

    mbfc = Path(os.environ.get("SPINSCOPE_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "sources" / "mbfc-combined.json"
    if not mbfc.is_file():
        pytest.skip(f"no outlet list at {mbfc} (set SPINSCOPE_DATA)")
    records = [  # the name does not spell the domain: only the list joins them
        {"id": "a", "text": "Library to close\n\n" + BODY, "outlet": "Channel One Russia"},
        {"id": "b", "text": "Pool to reopen\n\n" + BODY.replace("library", "pool"), "url": "https://www.1tv.ru/news/pool"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 's.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", "add", str(src), "--db", url, "--detectors", "profile"]).exit_code == 0
    before = json.loads(runner.invoke(app, ["outlets", "--db", url, "--format", "json"]).output)
    assert sorted(r["outlet"] for r in before) == ["1tv.ru", "Channel One Russia"]
    assert runner.invoke(app, ["outlets", "import-ratings", str(mbfc), "--db", url]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["outlets", "--db", url, "--format", "json"]).output)
    assert [(r["outlet"], r["articles"], r["domain"], r["aliases"]) for r in rows] == [("Channel One Russia", 2, "1tv.ru", ["1tv.ru"])]
    assert rows[0]["ratings"]["mbfc-combined.json"]["bias"] == "fake-news"
