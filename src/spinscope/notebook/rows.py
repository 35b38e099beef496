"""The notebook frames' columns, and their rows from one analysis (its JSON form): no pandas here.

Every frame starts with ``KEYS`` (the article's id, outlet, title and date), so any of them can be
filtered or grouped by outlet without a join.  Each frame's columns are fixed: a ``(name, dtype)``
tuple below, in order.  Dtypes are pandas names: ``string`` (text, missing is ``<NA>``), ``int64``
(never missing), ``Int64`` and ``boolean`` (nullable), ``float64`` (missing is NaN), ``datetime``
(``datetime64[us, UTC]``, NaT where the date does not parse) and ``object`` (a Python value).
"""

from __future__ import annotations

JOIN = "; "
FRAMES = ("articles", "spans", "claims", "quotes", "actors")
KEYS = (("article_id", "string"), ("outlet", "string"), ("title", "string"), ("published", "datetime"))
SPAN = (("span", "int64"), ("start", "int64"), ("end", "int64"), ("score", "float64"), ("label", "string"), ("text", "string"))

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": KEYS
    + (
        ("published_text", "string"),
        ("url", "string"),
        ("source", "string"),
        ("origin", "string"),
        ("language", "string"),
        ("authors", "string"),
        ("characters", "Int64"),
        ("words", "Int64"),
        ("sentences", "Int64"),
        ("paragraphs", "Int64"),
        ("flesch_reading_ease", "float64"),
        ("flesch_kincaid_grade", "float64"),
        ("genre", "string"),
        ("hyperpartisan", "boolean"),
        ("hyperpartisan_probability", "float64"),
        ("tone", "float64"),
        ("techniques_per_1000_words", "float64"),
        ("propaganda_level", "string"),
        ("frames", "string"),
        ("spans", "int64"),
        ("techniques", "int64"),
        ("quoted_techniques", "int64"),
        ("claims", "int64"),
        ("unattributed_claims", "int64"),
        ("quotes", "int64"),
        ("actors", "int64"),
        ("warnings", "int64"),
        ("text", "string"),
    ),
    "spans": KEYS + (("span", "int64"), ("kind", "string")) + SPAN[1:] + (("voice", "string"), ("actor", "string"), ("attributes", "object")),
    "claims": KEYS
    + SPAN
    + (
        ("attributed", "boolean"),
        ("source_type", "string"),
        ("source_text", "string"),
        ("source_start", "Int64"),
        ("source_end", "Int64"),
        ("source_actor", "string"),
        ("source_name", "string"),
        ("quantities", "string"),
        ("quantity_count", "int64"),
    ),
    "quotes": KEYS
    + SPAN
    + (
        ("direct", "boolean"),
        ("source_type", "string"),
        ("speaker_text", "string"),
        ("speaker_start", "Int64"),
        ("speaker_end", "Int64"),
        ("speaker_actor", "string"),
        ("speaker_name", "string"),
        ("cue_text", "string"),
    ),
    "actors": KEYS
    + (
        ("actor_id", "string"),
        ("name", "string"),
        ("type", "string"),
        ("aliases", "string"),
        ("mentions", "int64"),
        ("quotes", "int64"),
        ("techniques", "int64"),
        ("claims", "int64"),
        ("tone_label", "string"),
        ("tone_score", "float64"),
    ),
}


def _get(data, *path):
    """``data[path[0]][path[1]]...``, or None where a step is missing or not an object."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _joined(values) -> str | None:
    return JOIN.join(str(v) for v in values) if values else None


def rows_of(data: dict) -> dict[str, list[dict]]:
    """The rows one analysis (as ``Analysis.to_dict()`` gives it) adds to each frame."""
    keys = {"article_id": data.get("id"), "outlet": data.get("outlet"), "title": data.get("title"), "published": data.get("published")}
    text = data.get("text") or ""
    spans = data.get("spans") or []
    actors = [a for a in data.get("actors") or [] if isinstance(a, dict)]
    names = {a.get("id"): a.get("name") for a in actors}
    out: dict[str, list[dict]] = {"articles": [_article(data, keys, spans, actors)], "spans": [], "claims": [], "quotes": [], "actors": []}
    for number, span in enumerate(spans):
        base = keys | {"span": number, "start": span["start"], "end": span["end"], "score": span["score"], "label": span.get("label"), "text": text[span["start"] : span["end"]]}
        attrs = span.get("attrs") or {}
        out["spans"].append(base | {"kind": span.get("kind"), "voice": attrs.get("voice"), "actor": attrs.get("actor"), "attributes": attrs})
        if span.get("kind") == "claim":
            out["claims"].append(base | _claim(attrs, names))
        elif span.get("kind") == "quote":
            out["quotes"].append(base | _quote(attrs, names))
    out["actors"] = [keys | _actor(a) for a in actors]
    return out


def _article(data: dict, keys: dict, spans: list[dict], actors: list[dict]) -> dict:
    profile = data.get("profile") or {}
    kinds = [s.get("kind") for s in spans]
    techniques = [s for s in spans if s.get("kind") == "technique"]
    frames = _get(profile, "frames", "chosen")
    row = keys | {"published_text": data.get("published")}
    row |= {k: data.get(k) for k in ("url", "source", "origin", "language")} | {"authors": _joined(data.get("authors"))}
    row |= {k: profile.get(k) for k in ("characters", "words", "sentences", "paragraphs")}
    row |= {k: _get(profile, "readability", k) for k in ("flesch_reading_ease", "flesch_kincaid_grade")}
    genre = profile.get("genre")
    row |= {"genre": genre if isinstance(genre, str) else _get(genre, "label")}
    row |= {"hyperpartisan": _get(profile, "hyperpartisan", "hyperpartisan"), "hyperpartisan_probability": _get(profile, "hyperpartisan", "probability")}
    row |= {"tone": _get(profile, "tone", "compound_mean"), "techniques_per_1000_words": _get(profile, "propaganda", "per_1000_words")}
    row |= {"propaganda_level": _get(profile, "propaganda", "level"), "frames": _joined(frames) if isinstance(frames, list) else None}
    row |= {"spans": len(spans), "techniques": len(techniques), "quoted_techniques": sum((s.get("attrs") or {}).get("voice") == "quoted" for s in techniques)}
    claims = [s for s in spans if s.get("kind") == "claim"]
    row |= {"claims": len(claims), "unattributed_claims": sum(not (s.get("attrs") or {}).get("attributed") for s in claims)}
    return row | {"quotes": kinds.count("quote"), "actors": len(actors), "warnings": len(data.get("warnings") or []), "text": data.get("text")}


def _claim(attrs: dict, names: dict) -> dict:
    source = attrs.get("source") if isinstance(attrs.get("source"), dict) else {}
    quantities = [q for q in attrs.get("quantities") or [] if isinstance(q, dict)]
    row = {"attributed": attrs.get("attributed"), "source_type": attrs.get("source_type")}
    row |= {"source_text": source.get("text"), "source_start": source.get("start"), "source_end": source.get("end")}
    row |= {"source_actor": attrs.get("actor"), "source_name": names.get(attrs.get("actor"))}
    return row | {"quantities": _joined([q.get("text") for q in quantities]), "quantity_count": len(quantities)}


def _quote(attrs: dict, names: dict) -> dict:
    speaker = attrs.get("speaker") if isinstance(attrs.get("speaker"), dict) else {}
    row = {"direct": attrs.get("direct"), "source_type": attrs.get("source_type")}
    row |= {"speaker_text": speaker.get("text"), "speaker_start": speaker.get("start"), "speaker_end": speaker.get("end")}
    return row | {"speaker_actor": attrs.get("actor"), "speaker_name": names.get(attrs.get("actor")), "cue_text": _get(attrs, "cue", "text")}


def _actor(actor: dict) -> dict:
    portrayal = actor.get("portrayal") or {}
    counts = portrayal.get("counts") or {}
    row = {"actor_id": actor.get("id"), "name": actor.get("name"), "type": actor.get("type"), "aliases": _joined(actor.get("aliases"))}
    row |= {"mentions": counts.get("mentions", len(actor.get("mentions") or []))}
    row |= {k: counts.get(k, len(portrayal.get(k) or [])) for k in ("quotes", "techniques", "claims")}
    return row | {"tone_label": _get(portrayal, "tone", "label"), "tone_score": _get(portrayal, "tone", "score")}
