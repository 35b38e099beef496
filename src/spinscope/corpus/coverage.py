"""Who covered a story and from which side: outlets' leaning and factuality from imported ratings,
the left/centre/right count of a story's outlets, and blindspots.

Ratings come from ``outlets import-ratings`` (e.g. the files in ``../shared/data/sources/``: Media
Bias/Fact Check's ``bias`` and ``reporting``, Baly et al.'s ``bias`` and ``fact``).  An outlet's
leaning is the first recognised ``bias`` value among the datasets that rate its domain, datasets taken
in name order; its factuality likewise from ``reporting``, ``fact`` or ``factuality``.  Values that are
no position on the left-right scale ("satire", "conspiracy-pseudoscience", "pro-science",
"fake-news") give no leaning.

Leanings: ``left``, ``centre-left``, ``centre``, ``centre-right``, ``right``; their side: ``left``
(left, centre-left), ``centre``, ``right`` (centre-right, right).  A story is a **blindspot** of one
side when at least :data:`BLINDSPOT_MIN_OUTLETS` outlets with a leaning covered it and none of them is
on that side while at least one is on the other (``blindspot: "right"``: the right's outlets did not
cover it).
"""

from __future__ import annotations

LEANINGS = {
    "extreme-left": "left",
    "far-left": "left",
    "left": "left",
    "left-center": "centre-left",
    "left-centre": "centre-left",
    "lean left": "centre-left",
    "center-left": "centre-left",
    "centre-left": "centre-left",
    "center": "centre",
    "centre": "centre",
    "least biased": "centre",
    "least-biased": "centre",
    "right-center": "centre-right",
    "right-centre": "centre-right",
    "center-right": "centre-right",
    "centre-right": "centre-right",
    "lean right": "centre-right",
    "right": "right",
    "far-right": "right",
    "extreme-right": "right",
}
SIDES = {"left": "left", "centre-left": "left", "centre": "centre", "centre-right": "right", "right": "right"}
BIAS_COLUMNS = ("bias", "leaning", "lean")
FACT_COLUMNS = ("reporting", "fact", "factuality", "factual_reporting")
BLINDSPOT_MIN_OUTLETS = 2


def leaning_of(rated: dict[str, dict[str, str]]) -> tuple[str | None, str | None, str | None]:
    """(leaning, factuality, dataset the leaning came from) of one domain's ratings (dataset -> name -> value)."""
    leaning = factuality = source = None
    for dataset in sorted(rated):
        values = {k.lower(): str(v).strip().lower() for k, v in rated[dataset].items() if v is not None}
        if leaning is None:
            for column in BIAS_COLUMNS:
                if values.get(column) in LEANINGS:
                    leaning, source = LEANINGS[values[column]], dataset
                    break
        if factuality is None:
            factuality = next((values[c] for c in FACT_COLUMNS if values.get(c)), None)
    return leaning, factuality, source


def outlet_leanings(conn, groups: dict[str, dict]) -> dict[str, dict]:
    """Outlet (group name) -> ``{"domain", "leaning", "side", "factuality", "rated_by"}`` for every stored outlet."""
    from spinscope.corpus.ratings import ratings_for

    domains = {g["outlet"]: g["domain"] for g in groups.values()}
    rated = ratings_for(conn, [d for d in domains.values() if d])
    out = {}
    for outlet, domain in domains.items():
        leaning, factuality, source = leaning_of(rated.get(domain, {})) if domain else (None, None, None)
        out[outlet] = {"domain": domain, "leaning": leaning, "side": SIDES.get(leaning), "factuality": factuality, "rated_by": source}
    return out


def coverage(outlets: dict[str, list[str]], leanings: dict[str, dict]) -> dict:
    """A story's coverage: per outlet its articles, leaning and factuality; the count of outlets per side; the blindspot."""
    rows = []
    for outlet in sorted(outlets, key=lambda o: (-len(outlets[o]), o)):
        known = leanings.get(outlet, {})
        rows.append(
            {
                "outlet": outlet,
                "domain": known.get("domain"),
                "articles": len(outlets[outlet]),
                "leaning": known.get("leaning"),
                "side": known.get("side"),
                "factuality": known.get("factuality"),
            }
        )
    sides = {side: sum(1 for r in rows if r["side"] == side) for side in ("left", "centre", "right")}
    sides["unrated"] = sum(1 for r in rows if r["side"] is None)
    return {"sides": sides, "outlets": rows, "blindspot": blindspot(sides)}


def blindspot(sides: dict[str, int]) -> str | None:
    """``"left"`` or ``"right"``: the side whose outlets did not cover a story the other side covered (module docstring)."""
    if sides["left"] + sides["centre"] + sides["right"] < BLINDSPOT_MIN_OUTLETS:
        return None
    if sides["right"] == 0 and sides["left"] > 0:
        return "right"
    if sides["left"] == 0 and sides["right"] > 0:
        return "left"
    return None
