"""Merge quality against a hand-made gold set: B-cubed precision and recall over gold mentions.

Each gold mention is looked up in the resolver's output: a system mention that
overlaps it puts it in that system actor; a gold mention the resolver missed
is a singleton.  For every gold mention ``m``, with ``G(m)`` its gold actor's
mentions and ``S(m)`` the gold mentions the resolver put with it,
precision is ``|G ∩ S| / |S|`` and recall ``|G ∩ S| / |G|``; both are averaged
over all gold mentions (Bagga and Baldwin 1998).
"""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[3] / "tests" / "detectors" / "actors" / "gold" / "actors-gold.json"


def _system_actor(span: tuple[int, int], actors) -> str | None:
    for actor in actors:
        for m in actor.mentions:
            if min(m.end, span[1]) > max(m.start, span[0]):
                return actor.id
    return None


def bcubed(gold_actors: list[dict], system_actors) -> tuple[float, float, int]:
    """Summed B-cubed precision and recall over one article's gold mentions, and their number."""
    mentions = [(tuple(m), g["id"]) for g in gold_actors for m in g["mentions"]]
    system = {span: _system_actor(span, system_actors) or f"missing-{i}" for i, (span, _) in enumerate(mentions)}
    p = r = 0.0
    for span, gid in mentions:
        same_gold = {s for s, g in mentions if g == gid}
        same_sys = {s for s, _ in mentions if system[s] == system[span]}
        both = len(same_gold & same_sys)
        p += both / len(same_sys)
        r += both / len(same_gold)
    return p, r, len(mentions)


def evaluate_gold(data_root: Path, gold_path: Path = GOLD) -> dict:
    """Resolve each gold article with the shared pipeline and report B-cubed P/R/F1 over all gold mentions."""
    from spinscope import nlp
    from spinscope.detectors.actors.resolve import cluster

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))["articles"]
    texts = [(Path(data_root) / g["path"]).read_text(encoding="utf-8") for g in gold]
    p = r = n = 0.0
    for g, doc in zip(gold, nlp.pipe(texts)):
        dp, dr, dn = bcubed(g["actors"], cluster(doc).actors)
        p, r, n = p + dp, r + dr, n + dn
    precision, recall = p / n, r / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(gold), "mentions": int(n), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}
