"""Article vectors for story grouping: a TF-IDF vector, or a sentence embedding of the title and lead.

The lead is the first ``LEAD_SENTENCES`` sentences: what an event report
says first (who, what, where), before background and reaction drift away
from the event.  Embeddings come from the int8 ONNX export of
all-MiniLM-L6-v2 (:mod:`spinscope.encoders.onnx`) and are kept per process
by content hash (and, through :mod:`spinscope.corpus.text_vectors`, in the store).
"""

from __future__ import annotations

import re

LEAD_SENTENCES = 3
TFIDF_CHARS = 2000
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_CACHE: dict[str, object] = {}
_ENCODER = None


def lead(title: str, text: str, sentences: int = LEAD_SENTENCES) -> str:
    """The title and the first ``sentences`` sentences of the text (the title is not repeated when the text opens with it)."""
    body = text.strip()
    if title and body.startswith(title.strip()):
        body = body[len(title.strip()) :].lstrip(" .:\n")
    parts = [p.strip() for p in _SENTENCE_END.split(body) if p and p.strip()]
    return " ".join(filter(None, [title.strip().rstrip(".") + "." if title else "", *parts[:sentences]]))


def tfidf(items: list[dict]):
    """TF-IDF rows (unigrams and bigrams, English stop words out, sublinear tf) and the vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{it['title']}\n{it['title']}\n{it['text'][:TFIDF_CHARS]}" for it in items]
    vectorizer = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True, min_df=1, max_df=0.5 if len(items) > 20 else 1.0)
    return vectorizer.fit_transform(docs), vectorizer.get_feature_names_out()


def embed(items: list[dict], texts_embedder=None):
    """Unit-length sentence embeddings of title + lead, as a sparse-compatible matrix; ``texts_embedder``
    turns texts into embeddings (default :func:`embed_texts`, kept per process)."""
    from scipy.sparse import csr_matrix

    return csr_matrix((texts_embedder or embed_texts)([lead(it["title"], it["text"]) for it in items]))


def embed_texts(texts: list[str]):
    """Unit-length sentence embeddings of ``texts``, one CPU thread, kept per process by content hash."""
    import numpy as np

    from spinscope.model import content_hash

    keys = [content_hash(t) for t in texts]
    missing = {k: t for k, t in zip(keys, texts) if k not in _CACHE}
    if missing:
        _CACHE.update(zip(missing, encoder().encode(list(missing.values()))))
    return np.vstack([_CACHE[k] for k in keys]) if keys else np.zeros((0, 384))


def encoder():
    global _ENCODER
    if _ENCODER is None:
        from spinscope.encoders.onnx import SentenceEncoder

        _ENCODER = SentenceEncoder()
    return _ENCODER
