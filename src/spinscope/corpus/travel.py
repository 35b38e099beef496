"""Claims that travel: the same check-worthy claim made in several stored articles, as the same words or
a paraphrase — where it first appeared, which outlets repeated it, with or without attribution.

The rule (docs/corpus.md gives the evaluation the settings come from):

1. Every ``claim`` span of every stored article is a candidate; claims of fewer than
   :data:`MIN_WORDS` words are left out (too little to be one claim).
2. Two claims of different articles are scored with a TF-IDF cosine over their words (unigrams and
   bigrams, stop words kept out) and, with ``encoder="minilm"`` (the default), the cosine of their
   all-MiniLM-L6-v2 sentence embeddings.  They are the same claim when the word cosine reaches
   ``same_words`` (a copy, lightly edited), or the embedding cosine reaches ``paraphrase`` and the
   word cosine ``paraphrase_words`` (a paraphrase that still shares some of the claim's words).
   Claims whose numbers differ ("8,000 marched" / "20,000 marched", "six points" / "3.4 points")
   are never the same claim.
3. Claims join into one travelling claim by average link over these pairs (a pair not linked counts
   as 0): a chain of loosely similar sentences does not merge different claims.

Each travelling claim lists its appearances in publication order (undated last, then by article
id): the first is where it first appeared.  Appearances carry the outlet, the title, the date, the
claim as written there, whether it was attributed and how it was sourced.
"""

from __future__ import annotations

import json
import re

MIN_WORDS = 6
# Chosen on hand-labelled pairs of PolNeAR claims (docs/corpus.md, benchmarks/travelling_claims.py).
SAME_WORDS = 0.8
PARAPHRASE = 0.82
PARAPHRASE_WORDS = 0.2
MIN_OUTLETS = 2  # a claim repeated within one outlet (a standing line, a republished page) is not one that travelled
ENCODERS = ("minilm", "tfidf")
CSV_COLUMNS = ("claim_id", "claim", "appearance", "article", "outlet", "title", "published", "start", "end", "text", "similarity", "attributed", "source_type", "source")
NUMBER = re.compile(r"\d[\d,.]*")
WORD = re.compile(r"[a-z]+")
# Spelled numbers, "one" left out (a pronoun as often as a number).
SPELLED = {
    w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()) if w != "one"
}
BLOCK = 512


def load(store) -> list[dict]:
    """Every claim of every stored article (articles in id order, claims in text order)."""
    from spinscope.corpus.outlet_names import canonical, outlet_groups
    from spinscope.corpus.rows import iter_rows

    with store.reading() as conn:
        groups = outlet_groups(conn)
    found = []
    for row in iter_rows(store, ("id", "outlet", "analysis")):
        data = json.loads(row[2])
        text = data["text"]
        for span in sorted((s for s in data.get("spans", []) if s["kind"] == "claim"), key=lambda s: (s["start"], s["end"])):
            claim = text[span["start"] : span["end"]].strip()
            if len(claim.split()) < MIN_WORDS:
                continue
            attrs = span.get("attrs") or {}
            source = attrs.get("source")
            found.append(
                {
                    "article": data["id"],
                    "outlet": canonical(groups, row[1]),
                    "title": data.get("title"),
                    "published": data.get("published"),
                    "start": span["start"],
                    "end": span["end"],
                    "text": claim,
                    "score": span.get("score"),
                    "attributed": attrs.get("attributed"),
                    "source_type": attrs.get("source_type"),
                    "source": source.get("text") if isinstance(source, dict) else None,
                }
            )
    found.sort(key=lambda c: (c["article"], c["start"], c["end"]))
    return found


def find(store, encoder: str = "minilm", same_words: float = SAME_WORDS, paraphrase: float = PARAPHRASE, paraphrase_words: float = PARAPHRASE_WORDS, min_outlets: int = MIN_OUTLETS) -> list[dict]:
    """The travelling claims of ``store``: most articles first (module docstring)."""
    from spinscope.corpus.text_vectors import embeddings

    return group(load(store), encoder=encoder, same_words=same_words, paraphrase=paraphrase, paraphrase_words=paraphrase_words, min_outlets=min_outlets, embed=lambda texts: embeddings(store, texts))


def group(
    claims: list[dict],
    encoder: str = "minilm",
    same_words: float = SAME_WORDS,
    paraphrase: float = PARAPHRASE,
    paraphrase_words: float = PARAPHRASE_WORDS,
    min_outlets: int = MIN_OUTLETS,
    embed=None,
) -> list[dict]:
    """Travelling claims among ``claims`` (dicts as :func:`load` makes them); ``embed`` turns texts into
    unit embeddings (default: the sentence encoder, kept per process)."""
    from spinscope.corpus import vectors
    from spinscope.corpus.clusters import clusters

    if encoder not in ENCODERS:
        from spinscope.errors import UsageError

        raise UsageError("E506", what="encoder", name=encoder, choices=", ".join(ENCODERS))
    if len({c["article"] for c in claims}) < 2:
        return []
    words = _word_vectors([c["text"] for c in claims])
    meaning = (embed or vectors.embed_texts)([c["text"] for c in claims]) if encoder == "minilm" else None
    edges = dict(linked_pairs(claims, words, meaning, same_words, paraphrase, paraphrase_words))

    def similarity(i: int, j: int) -> float:
        cos = float(words[i].multiply(words[j]).sum())
        return round(max(cos, float(meaning[i] @ meaning[j])) if meaning is not None else cos, 4)

    out = []
    for members in clusters(len(claims), edges, 0.5, "average"):
        members = _one_per_article(members, claims, edges)
        if len({claims[i]["article"] for i in members}) < 2:
            continue
        travelled = _travelling(claims, members, similarity)
        if len(travelled["outlets"]) >= min_outlets:
            out.append(travelled)
    out.sort(key=lambda t: (-t["articles"], -len(t["outlets"]), t["first"]["published"] or "9999", t["first"]["article"], t["first"]["start"]))
    return [{"id": f"claim-{n}", **t} for n, t in enumerate(out, 1)]


def linked_pairs(claims: list[dict], words, meaning, same_words: float = SAME_WORDS, paraphrase: float = PARAPHRASE, paraphrase_words: float = PARAPHRASE_WORDS):
    """``((i, j), 1.0)`` for the pairs of claims of different articles that the rule calls the same claim;
    ``words`` are the claims' TF-IDF rows, ``meaning`` their unit embeddings (None: words alone).

    Both branches of the rule need a word cosine of at least ``min(same_words, paraphrase_words)``, so
    the sparse word products (a block of rows at a time) pick the candidates, and embeddings are
    compared only for those: memory and time grow with the candidates, not with the square of the claims."""
    import numpy as np

    numbers = [numbers_in(c["text"]) for c in claims]
    articles = np.array([c["article"] for c in claims], dtype=object)
    floor = min(same_words, paraphrase_words) if meaning is not None else same_words
    n = len(claims)
    for start in range(0, n, BLOCK):
        block = (words[start : min(n, start + BLOCK)] @ words.T).tocoo()
        i = block.row.astype(np.int64) + start
        j = block.col.astype(np.int64)
        cos = block.data
        keep = (cos >= floor) & (j > i)
        i, j, cos = i[keep], j[keep], cos[keep]
        keep = articles[i] != articles[j]
        i, j, cos = i[keep], j[keep], cos[keep]
        same = cos >= same_words
        if meaning is not None:
            sem = np.einsum("ij,ij->i", meaning[i], meaning[j]) if len(i) else np.zeros(0)
            same |= (sem >= paraphrase) & (cos >= paraphrase_words)
        for a, b in sorted(zip(i[same].tolist(), j[same].tolist())):
            if numbers[a] and numbers[b] and numbers[a] != numbers[b]:
                continue
            yield (a, b), 1.0


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a claim states, digits or spelled ("six" -> "6"; "1,237" -> "1237")."""
    found = {n.rstrip(".,").replace(",", "") for n in NUMBER.findall(text)}
    found |= {SPELLED[w] for w in WORD.findall(text.lower()) if w in SPELLED}
    return frozenset(found)


def _word_vectors(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, strip_accents="unicode").fit_transform(texts)


def _one_per_article(members: list[int], claims: list[dict], edges: dict) -> list[int]:
    """An article that makes the claim twice appears once: its sentence linked to most of the others (then the first)."""
    links = {i: sum(1 for j in members if j != i and (min(i, j), max(i, j)) in edges) for i in members}
    best: dict[str, int] = {}
    for i in sorted(members, key=lambda i: (-links[i], claims[i]["start"])):
        best.setdefault(claims[i]["article"], i)
    return sorted(best.values())


def _travelling(claims: list[dict], members: list[int], similarity) -> dict:
    order = sorted(members, key=lambda i: (claims[i]["published"] is None, claims[i]["published"] or "", claims[i]["article"], claims[i]["start"]))
    first = order[0]
    appearances = []
    for i in order:
        c = claims[i]
        appearances.append(
            {k: c[k] for k in ("article", "outlet", "title", "published", "start", "end", "text", "attributed", "source_type", "source")} | {"similarity": 1.0 if i == first else similarity(i, first)}
        )
    outlets = sorted({claims[i]["outlet"] for i in members})
    unattributed = sum(1 for a in appearances if not a["attributed"])
    return {
        "claim": claims[first]["text"],
        "first": appearances[0],
        "articles": len(appearances),
        "outlets": outlets,
        "attributed": len(appearances) - unattributed,
        "unattributed": unattributed,
        "appearances": appearances,
    }


def rows(found: list[dict]) -> list[dict]:
    """Long format: one row per appearance of each travelling claim (the first is appearance 1), no nested cells."""
    out = []
    for t in found:
        for n, a in enumerate(t["appearances"], 1):
            out.append({"claim_id": t["id"], "claim": t["claim"], "appearance": n, **{k: a[k] for k in CSV_COLUMNS[3:]}})
    return out
