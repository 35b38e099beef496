"""Sentence -> sparse features: hashed TF-IDF of words, characters and spaCy tags.

Hashing keeps the shipped model a few plain arrays (no pickled vocabulary):
the same hashing runs at training and at inference, and only the IDF weights
and the classifier's coefficients are stored.
"""

from __future__ import annotations

import numpy as np

WORD_FEATURES = 2**18
CHAR_FEATURES = 2**18
TAG_FEATURES = 2**14
TENSE_TAGS = {"VBD", "VBN", "VBZ", "VBP", "MD", "VBG"}
NUMBER_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"}


def tag_string(tokens) -> str:
    """spaCy's view of a sentence as tokens: POS, tense tags, entity types, numbers, length, syntax."""
    out = []
    for tok in tokens:
        if tok.is_space:
            continue
        out.append("P_" + tok.pos_)
        if tok.tag_ in TENSE_TAGS:
            out.append("T_" + tok.tag_)
        if tok.ent_iob_ == "B":
            out.append("E_" + tok.ent_type_)
            if tok.ent_type_ in NUMBER_ENTS:
                out.append("HASNUM")
        if tok.like_num:
            out.append("NUM")
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PRON":
            out.append("SUBJ_" + tok.lower_)
    words = sum(1 for t in tokens if not (t.is_space or t.is_punct))
    out.append(f"LEN_{min(words // 5, 8)}")
    return " ".join(out) + " | " + " ".join(_syntax(tokens))


def _syntax(tokens) -> list[str]:
    """Dependency labels, the root verb's lemma, entity membership and verb tense."""
    out = []
    for tok in tokens:
        if tok.is_space:
            continue
        out.append("D_" + tok.dep_)
        if tok.dep_ == "ROOT":
            out.append("R_" + tok.lemma_.lower())
        if tok.ent_type_:
            out.append("ET_" + tok.ent_type_)
        if tok.pos_ in ("VERB", "AUX"):
            out.append("M_" + str(tok.morph.get("Tense")))
    return out


def _hashers():
    from sklearn.feature_extraction.text import HashingVectorizer

    common = {"alternate_sign": False, "norm": None, "dtype": np.float32}
    words = HashingVectorizer(n_features=WORD_FEATURES, ngram_range=(1, 2), lowercase=True, token_pattern=r"(?u)\b\w+\b|[%$€£]", **common)
    chars = HashingVectorizer(n_features=CHAR_FEATURES, analyzer="char_wb", ngram_range=(2, 5), lowercase=True, **common)
    tags = HashingVectorizer(n_features=TAG_FEATURES, ngram_range=(1, 2), lowercase=False, token_pattern=r"\S+", **common)
    return words, chars, tags


def counts(texts: list[str], tags: list[str]):
    """Raw hashed counts of the three blocks, stacked side by side (CSR)."""
    import scipy.sparse as sp

    words, chars, tagger = _hashers()
    return sp.hstack([words.transform(texts), chars.transform(texts), tagger.transform(tags)], format="csr")


def idf(matrix) -> np.ndarray:
    """Smoothed IDF of each hashed column, as scikit-learn's TfidfTransformer computes it."""
    docs = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    return (np.log((1 + docs) / (1 + df)) + 1).astype(np.float32)


def weigh(matrix, idf_weights: np.ndarray, blocks: tuple[int, ...] = (WORD_FEATURES, CHAR_FEATURES, TAG_FEATURES)):
    """Sublinear TF times IDF, each block L2-normalised on its own so that none dominates."""
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    matrix = matrix.copy().astype(np.float32)
    matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix.multiply(idf_weights).tocsr()
    parts, start = [], 0
    for size in blocks:
        parts.append(normalize(matrix[:, start : start + size]))
        start += size
    return sp.hstack(parts, format="csr")
