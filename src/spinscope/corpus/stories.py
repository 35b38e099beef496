"""``spinscope stories``: articles that cover the same event, grouped across outlets.

The grouping rule (docs/corpus.md explains it with an evaluation):

1. Each article becomes a vector (:mod:`spinscope.corpus.vectors`): with
   ``tfidf`` (the default) a TF-IDF vector of its title (twice) and first
   2,000 characters; with ``minilm`` an all-MiniLM-L6-v2 sentence embedding
   (the shipped int8 ONNX export) of its title and first three sentences.
2. Two articles are scored ``weight * cosine + (1 - weight) * entity_jaccard``,
   where ``entity_jaccard`` is the overlap of the people, organisations,
   places and events named in them (``entity`` spans and ``actors``; the
   cosine alone when either has none).  Articles whose publication dates,
   when both are known, are more than ``days`` apart are never linked.
3. Stories are the groups of two or more articles that single link (any
   pair at ``threshold`` or above joins two groups) or average link (the
   pairs between two groups must average ``threshold``) makes of them
   (:mod:`spinscope.corpus.clusters`).

Articles are taken in id order, whatever order they were stored in, so the
same articles give the same stories, ids and labels.

Each story carries a label (its most named actors, by their merged actor
names, and its key terms, stop words, reporting verbs and numbers left out), a
``headline`` (the title of the article nearest the story's centre), the time
span, its articles by outlet and, per outlet, the technique density, mean tone,
frames, hyperpartisan share and kinds of source within the story (null where
those detectors did not run).  :func:`find` adds ``coverage``: the outlets'
leaning and factuality from imported ratings, the count of outlets per side and
the blindspot (:mod:`spinscope.corpus.coverage`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "EVENT", "LOC", "FAC"}
TABLE_COLUMNS = ("id", "label", "headline", "start", "end", "outlets", "articles", "sides", "blindspot")
# Words that say nothing about an event: reporting and opinion verbs, fillers.
UNTELLING = frozenset(
    """said says say saying told tell tells telling think thinks thought according added asked ask asks believe believes know knows
    known just like want wants going got get gets make makes made did does don didn doesn isn wasn won ll ve re mr mrs ms year years
    time times people way week day new told reported reports report statement comment comments""".split()
)


def load(store) -> list[dict]:
    """What grouping needs of each article, in insertion order."""
    from spinscope.corpus.outlet_names import canonical, outlet_groups
    from spinscope.corpus.rows import iter_rows

    with store.reading() as conn:
        groups = outlet_groups(conn)
    items = []
    for row in iter_rows(store, ("id", "outlet", "tone", "words", "analysis")):
        data = json.loads(row[4])
        profile = data.get("profile") or {}
        items.append(
            {
                "doc_id": data["id"],
                "outlet": canonical(groups, row[1]),
                "tone": row[2],
                "words": row[3],
                "title": data.get("title") or "",
                "text": data["text"],
                "published": data.get("published"),
                "entities": entities_of(data),
                "techniques": sum(1 for s in data.get("spans", []) if s["kind"] == "technique"),
                "has_techniques": any(s["kind"] == "technique" for s in data.get("spans", [])),
                "actors": actor_names(data),
                "frames": (profile.get("frames") or {}).get("chosen") if isinstance(profile.get("frames"), dict) else None,
                "hyperpartisan": (profile.get("hyperpartisan") or {}).get("hyperpartisan") if isinstance(profile.get("hyperpartisan"), dict) else None,
                "sources": source_types(data),
            }
        )
    items.sort(key=lambda it: it["doc_id"])
    return items


def actor_names(data: dict) -> list[str]:
    """The article's actors by their merged names (one spelling per actor: "United States" for "U.S." too)."""
    return sorted({str(a["name"]) for a in data.get("actors") or [] if isinstance(a, dict) and a.get("name")})


def source_types(data: dict) -> dict[str, int] | None:
    """How the article's claims and quotes are sourced (``source_type`` -> count); None when neither detector ran."""
    spans = [s for s in data.get("spans", []) if s["kind"] in ("claim", "quote")]
    if not spans:
        return None
    return dict(Counter(str((s.get("attrs") or {}).get("source_type") or "none") for s in spans))


def entities_of(data: dict) -> set[str]:
    text = data["text"]
    names = {text[s["start"] : s["end"]].lower() for s in data.get("spans", []) if s["kind"] == "entity" and s["label"] in ENTITY_LABELS}
    names |= {str(a.get("name")).lower() for a in data.get("actors") or [] if isinstance(a, dict) and a.get("name")}
    return {n.strip() for n in names if n.strip()}


ENCODERS = ("tfidf", "minilm")
# Chosen on the labelled PolNeAR windows (docs/corpus.md, benchmarks/corpus_stories.py).
THRESHOLDS = {"tfidf": 0.125, "minilm": 0.3}
COSINE_WEIGHT = 0.5
DAYS = 3
LINKAGE = "average"
ENCODER = "tfidf"  # held out, TF-IDF with average link did best; the sentence encoder is an option
BLOCK = 128
TOP_FRAMES = 3  # per outlet within a story: its most used frames
CELLS = 4_000_000  # scores held at once: rows per block x articles


def find(store, threshold: float | None = None, days: int = DAYS, encoder: str | None = None, linkage: str = LINKAGE) -> list[dict]:
    """The stories in ``store`` under the grouping rule (module docstring), largest first, each with its ``coverage``."""
    from spinscope.corpus.coverage import coverage, outlet_leanings
    from spinscope.corpus.outlet_names import outlet_groups
    from spinscope.corpus.text_vectors import embeddings

    # embeddings kept in the store: each lead is embedded once, not on every call
    found = group(load(store), threshold=threshold, days=days, encoder=encoder, linkage=linkage, embed=lambda texts: embeddings(store, texts))
    with store.reading() as conn:
        leanings = outlet_leanings(conn, outlet_groups(conn))
    for story in found:
        story["coverage"] = coverage(story["outlets"], leanings)
        story["sides"] = story["coverage"]["sides"]
        story["blindspot"] = story["coverage"]["blindspot"]
    return found


_MEMBERSHIP: dict[tuple, dict[str, dict]] = {}


def story_of(store, doc_id: str) -> dict | None:
    """The story (``{"id", "title"}``, as :func:`find` names it) that holds ``doc_id``; None when it is in none.

    Grouping runs over the whole store, so the result is kept until an
    article is added (keyed by the store's URL, article count and newest row).
    """
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles

    with store.reading() as conn:
        count, newest = conn.execute(sa.select(sa.func.count(), sa.func.max(articles.c.id))).one()
    key = (store.url, count, newest)
    if key not in _MEMBERSHIP:
        _MEMBERSHIP.clear()
        _MEMBERSHIP[key] = {a: {"id": s["id"], "title": s["label"]} for s in find(store) for a in s["articles"]}
    return _MEMBERSHIP[key].get(doc_id)


def group(items: list[dict], threshold: float | None = None, days: int = DAYS, encoder: str | None = None, linkage: str = LINKAGE, weight: float = COSINE_WEIGHT, embed=None) -> list[dict]:
    """Stories among ``items`` (dicts as :func:`load` makes them), largest first; ``embed`` turns texts
    into unit embeddings for the ``minilm`` encoder (default: kept per process)."""
    from spinscope.corpus import vectors
    from spinscope.corpus.clusters import clusters

    encoder = encoder or ENCODER
    if encoder not in ENCODERS:
        from spinscope.errors import UsageError

        raise UsageError("E506", what="encoder", name=encoder, choices=", ".join(ENCODERS))
    threshold = THRESHOLDS[encoder] if threshold is None else threshold
    if len(items) < 2:
        return []
    items = sorted(items, key=lambda it: it["doc_id"])  # the same stories whatever order the articles came in
    matrix, vocabulary = vectors.tfidf(items)
    similar = vectors.embed(items, embed) if encoder == "minilm" else matrix
    keep = threshold / 2 if linkage == "average" else threshold
    edges = dict(scored_pairs(items, similar, keep, days, weight))
    stories = [_story(items, members, matrix, vocabulary) for members in clusters(len(items), edges, threshold, linkage)]
    stories.sort(key=lambda s: (-len(s["articles"]), s["start"] or "", s["articles"][0]))
    return [{"id": f"story-{n}", **s} for n, s in enumerate(stories, 1)]


def scored_pairs(items: list[dict], matrix, keep: float, days: int, weight: float = COSINE_WEIGHT):
    """``((i, j), score)`` for pairs within ``days`` of each other (when both are dated) scoring at least ``keep``.

    Scores are computed with matrix products a block of rows at a time, so
    memory grows with the number of articles, not its square.
    """
    import numpy as np

    n = matrix.shape[0]
    ents, sizes = _entity_matrix(items)
    days_of = _ordinals(items)
    rows = max(1, min(BLOCK, CELLS // max(n, 1)))
    for start in range(0, n, rows):
        stop = min(n, start + rows)
        cos = _dense(matrix[start:stop] @ matrix.T)
        inter = _dense(ents[start:stop] @ ents.T)
        union = sizes[start:stop, None] + sizes[None, :] - inter
        jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        both = (sizes[start:stop, None] > 0) & (sizes[None, :] > 0)
        score = np.where(both, weight * cos + (1 - weight) * jaccard, cos)
        ok = (score >= keep) & ~(np.abs(days_of[start:stop, None] - days_of[None, :]) > days)  # undated: NaN, never too far
        ok &= np.arange(n)[None, :] > np.arange(start, stop)[:, None]
        for r, j in zip(*np.nonzero(ok)):
            yield (start + int(r), int(j)), float(score[r, j])


def _entity_matrix(items: list[dict]):
    """A 0/1 article-by-name matrix of the entities each article names, and each article's count."""
    import numpy as np
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    rows, cols = [], []
    for i, it in enumerate(items):
        for name in it["entities"]:
            rows.append(i)
            cols.append(index.setdefault(name, len(index)))
    ents = csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(items), max(1, len(index))))
    return ents, np.asarray(ents.sum(axis=1)).ravel()


def _ordinals(items: list[dict]):
    import numpy as np

    from spinscope.corpus.dates import parse_date

    dates = [parse_date(it["published"]) for it in items]
    return np.array([d.toordinal() if d else np.nan for d in dates], dtype=np.float64)


def _dense(block):
    import numpy as np

    return block.toarray() if hasattr(block, "toarray") else np.asarray(block, dtype=np.float64)


def similarity(cosine: float, a: set[str], b: set[str], weight: float = COSINE_WEIGHT) -> float:
    """``weight * cosine + (1 - weight) * entity Jaccard``; the cosine alone when either side names no entity."""
    if not a or not b:
        return float(cosine)
    return weight * float(cosine) + (1 - weight) * len(a & b) / len(a | b)


def _story(items: list[dict], members: list[int], matrix, vocabulary) -> dict:
    chosen = [items[i] for i in members]
    dates = sorted(d for d in (it["published"] for it in chosen) if d)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for it in chosen:
        by_outlet[it["outlet"]].append(it["doc_id"])
    return {
        "label": _label(chosen, members, matrix, vocabulary),
        "headline": _headline(chosen, members, matrix),
        "start": dates[0] if dates else None,
        "end": dates[-1] if dates else None,
        "articles": [it["doc_id"] for it in chosen],
        "outlets": dict(by_outlet),
        "framing": _framing(chosen),
    }


def _label(chosen: list[dict], members: list[int], matrix, vocabulary) -> str:
    """The most named actors (merged names where the actors detector ran, else the entities' text), then key terms."""
    import numpy as np

    counts = Counter(n for it in chosen for n in (it.get("actors") or [n.title() for n in it["entities"]]))
    names = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties by name: the same label on every run
    actors = [n for n, c in names[:3] if c > 1] or [n for n, _ in names[:2]]
    weights = matrix[members].sum(axis=0).A1.round(9)  # rounded: the order of the sum must not reorder ties
    present = np.flatnonzero(weights > 0)  # the story's own terms, not the whole vocabulary
    ranked = sorted(present.tolist(), key=lambda k: (-weights[k], vocabulary[k]))
    terms = []
    for k in ranked[:40]:
        term = str(vocabulary[k])
        if len(terms) == 3 or weights[k] <= 0:
            break
        if _telling(term) and not any(term in a.lower() or a.lower() in term for a in actors) and not any(term in t or t in term for t in terms):
            terms.append(term)
    return "; ".join(filter(None, [", ".join(actors), ", ".join(terms)]))


def _telling(term: str) -> bool:
    """A term that can name an event: every word alphabetic, longer than two letters, not a reporting verb or filler."""
    return all(len(w) > 2 and w.replace("-", "").replace("'", "").isalpha() and w not in UNTELLING for w in term.split())


def _headline(chosen: list[dict], members: list[int], matrix) -> str | None:
    """The title of the article nearest the story's centre (cosine to the mean vector; ties by id)."""
    import numpy as np

    rows = matrix[members]
    centre = np.asarray(rows.mean(axis=0)).ravel()
    near = np.asarray(rows @ centre).ravel().round(9)
    titled = [k for k, it in enumerate(chosen) if it["title"].strip()]
    if not titled:
        return None
    best = min(titled, key=lambda k: (-near[k], chosen[k]["doc_id"]))
    return chosen[best]["title"].strip()


def _framing(chosen: list[dict]) -> dict[str, dict]:
    """Per outlet within the story: technique density, mean tone, frames, hyperpartisan share and kinds of source."""
    ran = any(it["has_techniques"] for it in chosen)
    per: dict[str, dict] = {}
    for outlet in sorted({it["outlet"] for it in chosen}):
        own = [it for it in chosen if it["outlet"] == outlet]
        words = sum(it["words"] or 0 for it in own)
        tones = [it["tone"] for it in own if it["tone"] is not None]
        framed = [it["frames"] for it in own if it.get("frames") is not None]
        flagged = [it["hyperpartisan"] for it in own if it.get("hyperpartisan") is not None]
        sourced = [it["sources"] for it in own if it.get("sources") is not None]
        frames = Counter(f for chosen_frames in framed for f in chosen_frames)
        per[outlet] = {
            "articles": len(own),
            "techniques_per_1000_words": round(1000.0 * sum(it["techniques"] for it in own) / words, 3) if ran and words else None,
            "tone": round(sum(tones) / len(tones), 4) if tones else None,
            "frames": [f for f, _ in sorted(frames.items(), key=lambda kv: (-kv[1], kv[0]))][:TOP_FRAMES] if framed else None,
            "hyperpartisan_share": round(sum(map(bool, flagged)) / len(flagged), 4) if flagged else None,
            "sources": dict(sorted(sum((Counter(x) for x in sourced), Counter()).items())) if sourced else None,
        }
    return per
