"""Inference with the shipped model: ONNX Runtime (int8) + numpy, no torch.

A model folder holds ``model.onnx`` (MiniLM encoder with a token head: for
every token, 14 per-technique probabilities and one "inside any technique"
probability, plus the token's hidden state), ``span_head.npz`` (a linear
classifier over a span's pooled hidden states), ``tokenizer.json`` and
``config.json`` (decoding thresholds and score calibration, set on the
validation split by ``spinscope train techniques``).  An optional
``lexical_head.npz`` (see :mod:`.lexical`) is mixed into the span head's
technique probabilities with weight ``config["lexical_weight"]``.

A folder may instead hold an ensemble: ``config.json`` names member
sub-folders under ``"members"``, each with its own ``model.onnx`` and
``span_head.npz``; they share the top-level tokenizer, lexical head and
decoding knobs.  The members' token probabilities are averaged to find
spans and their span heads' technique probabilities are averaged to label
them (``spinscope train techniques --ensemble``: :mod:`.ensemble`).

A folder may hold more than one setting: each ``*.json`` beside
``config.json`` names its own members and knobs and shares the folder's
files.  The shipped folder has two: ``config.json`` (the default, one
member) and ``accurate.json`` (both members: more accurate, slower).  A
model path is a folder (its ``config.json``) or one such file.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import encoding
from spinscope.detectors.techniques.labels import TECHNIQUES

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "techniques"
ACCURATE_MODEL = DEFAULT_MODEL / "accurate.json"  # the shipped ensemble (``--accurate``)
# Windows run one at a time: the int8 model quantises activations with one
# scale per input tensor, so batching windows (and their padding) together
# would make a window's output depend on its neighbours.  One at a time,
# an article's findings depend only on its own text.
BATCH = 1


@dataclass
class TokenOutputs:
    enc: encoding.Encoded
    probs: np.ndarray  # (n_tokens, 15): 14 techniques, then "any" (the members' mean in an ensemble)
    hidden: np.ndarray  # (n_tokens, hidden), of the first member in an ensemble
    # in an ensemble, every member's own (probs, hidden), in member order
    members: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)


@dataclass
class Member:
    """One encoder with its span head."""

    session: object
    weight: np.ndarray
    bias: np.ndarray


def locate(path: str | Path | None) -> tuple[Path, Path]:
    """``(folder, config file)`` of a model path: a folder (its ``config.json``) or a ``.json`` file in one."""
    path = Path(path) if path else DEFAULT_MODEL
    if path.suffix == ".json" and not path.is_dir():
        return path.parent, path
    return path, path / "config.json"


class TechniqueModel:
    """Loads on first use; ``predict`` gives technique spans, ``classify`` labels given spans."""

    def __init__(self, path: str | Path | None = None, threads: int = 1) -> None:
        self.path = Path(path) if path else DEFAULT_MODEL
        self.threads = threads
        self._session = None

    def _load(self) -> None:
        from spinscope.encoders.onnx import ort_session

        folder, config = locate(self.path)
        self.config = json.loads(config.read_text(encoding="utf-8"))
        self.tokenizer = encoding.load_tokenizer(folder / "tokenizer.json")
        lexical = folder / "lexical_head.npz"
        self.lexical = dict(np.load(lexical)) if lexical.exists() else None
        members = []
        for name in self.config.get("members") or ["."]:
            head = np.load(folder / name / "span_head.npz")
            session = ort_session(folder / name / "model.onnx", self.threads)
            members.append(Member(session, head["weight"], head["bias"]))
        self.members = members
        self._session = members[0].session

    def session(self):
        if self._session is None:
            self._load()
        return self._session

    def token_outputs(self, text: str) -> TokenOutputs:
        """Per-token probabilities and hidden states (see :class:`TokenOutputs`)."""
        self.session()
        enc = encoding.encode(self.tokenizer, text)
        found = [_member_outputs(member, enc) for member in self.members]
        if len(found) == 1:
            return TokenOutputs(enc, *found[0])
        probs = np.mean([p for p, _ in found], axis=0).astype(np.float32)
        return TokenOutputs(enc, probs, found[0][1], found)

    def span_probs(self, out: TokenOutputs, text: str, start: int, end: int) -> np.ndarray:
        """Softmax over the 14 techniques for the span ``text[start:end]`` (the members' mean in an ensemble)."""
        i, j = encoding.token_range(out.enc, start, end)
        if j <= i:  # a span covering no token: use its nearest token
            i = min(i, max(len(out.enc.ids) - 1, 0))
            j = i + 1
        if len(out.enc.ids) == 0:
            return np.full(len(TECHNIQUES), 1.0 / len(TECHNIQUES), dtype=np.float32)
        extras = encoding.span_extras(text, start, end, j - i)
        own = out.members or [(out.probs, out.hidden)]
        neural = np.mean(
            [_softmax(span_features(h[i:j], p[i:j], extras) @ m.weight + m.bias) for m, (p, h) in zip(self.members, own)],
            axis=0,
        )
        mix = self.config.get("lexical_weight", 0.0) if self.lexical is not None else 0.0
        if not mix:
            return neural
        from spinscope.detectors.techniques import lexical

        words = lexical.probs(self.lexical["weight"], self.lexical["bias"], lexical.features(text, start, end))
        return (1 - mix) * neural + mix * words

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[np.ndarray]:
        out = self.token_outputs(text)
        return [self.span_probs(out, text, s, e) for s, e in spans]

    def predict(self, text: str) -> list[tuple[str, int, int, float]]:
        """Every candidate ``(technique, start, end, score)``; filter by score to taste."""
        self.session()
        out = self.token_outputs(text)
        return decode(out, text, self.config, lambda s, e: self.span_probs(out, text, s, e))


def _member_outputs(member: Member, enc: encoding.Encoded) -> tuple[np.ndarray, np.ndarray]:
    """One member's per-token ``(probs, hidden)``, each token taken from the window that owns it."""
    n = len(enc.ids)
    probs = np.zeros((n, len(TECHNIQUES) + 1), dtype=np.float32)
    hidden = np.zeros((n, _hidden_size(member.weight)), dtype=np.float32)
    wins = encoding.windows(n)
    for b in range(0, len(wins), BATCH):
        chunk = wins[b : b + BATCH]
        width = max(e - s for s, e, _, _ in chunk) + 2
        ids = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for r, (s, e, _, _) in enumerate(chunk):
            ids[r, : e - s + 2] = encoding.with_specials(enc.ids[s:e])
            mask[r, : e - s + 2] = 1
        logits, states = member.session.run(None, {"input_ids": ids, "attention_mask": mask})
        for r, (s, _, own_s, own_e) in enumerate(chunk):
            rows = slice(own_s - s + 1, own_e - s + 1)
            probs[own_s:own_e] = _sigmoid(logits[r, rows])
            hidden[own_s:own_e] = states[r, rows]
    return probs, hidden


def span_features(hidden: np.ndarray, probs: np.ndarray, extras: np.ndarray) -> np.ndarray:
    """Mean and max of the span's hidden states, its mean token probabilities, and the extras."""
    return np.concatenate([hidden.mean(0), hidden.max(0), probs.mean(0), extras]).astype(np.float32)


def _hidden_size(weight: np.ndarray) -> int:
    return (weight.shape[0] - len(TECHNIQUES) - 1 - encoding.N_EXTRA) // 2


def runs(p_any: np.ndarray, threshold: float, seed: float | None = None) -> list[tuple[int, int]]:
    """Maximal token runs ``[i, j)`` whose "any technique" probability reaches ``threshold``.

    With ``seed``, only runs holding at least one token at or above ``seed``
    are kept (hysteresis: a span starts where the model is sure and extends
    while it stays above the lower ``threshold``).
    """
    on = np.concatenate([[False], p_any >= threshold, [False]])
    edges = np.flatnonzero(on[1:] != on[:-1])
    found = list(zip(edges[::2].tolist(), edges[1::2].tolist()))
    if seed is not None and seed > threshold:
        found = [(i, j) for i, j in found if p_any[i:j].max() >= seed]
    return found


# Characters that join two letters or digits into one word: "U.S.", "American-led", "America's".
JOINERS = frozenset(".-'\u2019\u2010\u2011")
OPENING = "\"'\u201c\u2018([{\u00ab"  # a span may start on these (a quote, a bracket)
_ABBREVIATION = re.compile(r"(?:\w\.)+\w\Z")


def inside_word(text: str, i: int) -> bool:
    """Whether offset ``i`` falls between two characters of one word (a span may not start or end there)."""
    if i <= 0 or i >= len(text):
        return False
    left, right = text[i - 1], text[i]
    if unicodedata.combining(right):
        return True
    if left.isalnum() and right.isalnum():
        return True
    if left.isalnum() and right in JOINERS:
        return i + 1 < len(text) and text[i + 1].isalnum()
    if left in JOINERS and right.isalnum():
        return i >= 2 and text[i - 2].isalnum()
    return False


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words: the WordPiece tokens of "U.S.", "American-led" or "America's"
    are pieces of one word, and a span covers all of it (with an abbreviation's last full stop)."""
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    if end < len(text) and text[end] == "." and _ABBREVIATION.search(text, max(start, end - 12), end):
        end += 1
    while start < end and not (text[start].isalnum() or text[start] in OPENING):
        start += 1  # a span does not start on the full stop of "U.S." or a stray dash
    return start, end


EDGE_PUNCTUATION = " ,;:"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out commas, semicolons, colons and spaces at either end of a span (", lying" -> "lying").

    Spaces of every kind count (no-break, narrow no-break, line breaks), and so do zero-width
    characters, which the tokenizer leaves inside a word's offsets ("liar\u200b" -> "liar").
    Nothing left is ``(start, start)``: the caller keeps only ``end > start``."""
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return start, end


def _edge(ch: str) -> bool:
    return ch in EDGE_PUNCTUATION or ch.isspace() or unicodedata.category(ch) == "Cf"


def candidates(out: TokenOutputs, text: str, threshold: float, seed: float | None = None, gap: int = 0, min_tokens: int = 1, column: int = -1) -> list[tuple[int, int, float]]:
    """Candidate spans ``(start, end, p_span)``: token runs, cut at line breaks, widened to words.

    Runs come from :func:`runs` over the token probabilities in ``column``
    (the "any technique" output unless told); two runs of the same line at
    most ``gap`` tokens apart become one span, and pieces shorter than
    ``min_tokens`` tokens are dropped.  ``p_span`` is the mean "any
    technique" probability of the span's tokens.  PTC articles have one
    sentence per line and spans seldom cross a line.
    """
    found = []
    for i, j in _joined(out, text, runs(out.probs[:, column], threshold, seed), gap):
        k = i
        for m in range(i + 1, j + 1):
            if m == j or _line_break(out, text, m):
                if m - k >= min_tokens:
                    start, end = trim(text, *snap(text, int(out.enc.starts[k]), int(out.enc.ends[m - 1])))
                    if end > start:
                        found.append((start, end, float(out.probs[k:m, -1].mean())))
                k = m
    return found


def _line_break(out: TokenOutputs, text: str, m: int) -> bool:
    """Whether a line break separates token ``m - 1`` from token ``m``."""
    return "\n" in text[out.enc.ends[m - 1] : out.enc.starts[m]]


def _joined(out: TokenOutputs, text: str, found: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Runs at most ``gap`` tokens apart on the same line joined into one."""
    joined: list[list[int]] = []
    for i, j in found:
        if joined and i - joined[-1][1] <= gap and not any(_line_break(out, text, m) for m in range(joined[-1][1], i + 1)):
            joined[-1][1] = j
        else:
            joined.append([i, j])
    return [(i, j) for i, j in joined]


def decoding(config: dict) -> dict:
    """The span-finding knobs of a model's config (older configs: plain runs, nothing nested)."""
    return {
        "threshold": config["run_threshold"],
        "seed": config.get("seed_threshold"),
        "gap": int(config.get("gap_tokens", 0)),
        "min_tokens": int(config.get("min_tokens", 1)),
        "inner": config.get("inner_threshold"),
        "technique_inner": config.get("technique_inner_threshold"),
    }


def spans_to_label(
    out: TokenOutputs,
    text: str,
    threshold: float,
    seed: float | None = None,
    gap: int = 0,
    min_tokens: int = 1,
    inner: float | None = None,
    technique_inner: float | None = None,
) -> list[tuple[int, int, float]]:
    """Candidate spans (see :func:`candidates`) and the phrases nested inside them.

    A long candidate (a clause the model flags as a whole) often holds short
    phrases the model is surer of ("thugs", "beloved country").  With
    ``inner``, each run of the "any technique" output at or above it inside
    a candidate is labelled on its own; with ``technique_inner``, so is each
    run of one technique's own token output at or above it ("radical
    leftist thugs" for name calling inside a clause flagged as a whole), so
    a reader sees the phrase and its technique as well as the clause, the
    way gold spans of different techniques overlap.  Nested phrases lie
    inside a candidate, so they add no new extent for span identification.
    """
    outer = candidates(out, text, threshold, seed, gap, min_tokens)
    found = []
    if inner is not None:
        found += candidates(out, text, inner)
    if technique_inner is not None:
        for k in range(out.probs.shape[1] - 1):
            found += candidates(out, text, technique_inner, column=k)
    if not found:
        return outer
    starts = [s for s, _, _ in outer]  # candidates do not overlap and come in text order
    nested, seen = [], {(s, e) for s, e, _ in outer}
    for s, e, p in found:
        k = bisect.bisect_right(starts, s) - 1  # the only candidate that can hold this run
        if k >= 0 and e <= outer[k][1] and (s, e) not in seen and _has_content_word(text[s:e]):
            seen.add((s, e))
            nested.append((s, e, p))
    return outer + nested


_WORD = re.compile(r"[^\W\d_]+")


def _has_content_word(phrase: str) -> bool:
    """Whether a phrase has a word that is not a stop word: a nested "a", "our" or "has never" says nothing alone."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return any(w.lower() not in STOP_WORDS for w in _WORD.findall(phrase))


def decode(out: TokenOutputs, text: str, config: dict, span_probs) -> list[tuple[str, int, int, float]]:
    """Token probabilities -> scored technique spans (see ``config.json`` for the knobs)."""
    found = []
    for start, end, p_span in spans_to_label(out, text, **decoding(config)):
        probs = span_probs(start, end)
        for k in np.argsort(-probs)[:2]:
            if k == np.argmax(probs) or probs[k] >= config["second_label"]:
                found.append((TECHNIQUES[k], start, end, calibrate(config, p_span, float(probs[k]), TECHNIQUES[k], end - start)))
    return without_repeats(found)


def without_repeats(found: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
    """Leave out a span that lies inside a longer span of the same technique: nested in a flagged
    clause, a phrase is shown only where it adds a different technique with its own score.
    (The clause is kept: it carries the extent span identification is scored on.)"""
    by_label: dict[str, list[tuple[int, int]]] = {}
    for tech, start, end, _ in found:
        by_label.setdefault(tech, []).append((start, end))
    return [(tech, start, end, score) for tech, start, end, score in found if not any(s <= start and end <= e and e - s > end - start for s, e in by_label[tech])]


def calibrate(config: dict, p_span: float, p_label: float, technique: str | None = None, chars: int | None = None) -> float:
    """Platt scaling of (span probability, label probability) into P(right technique here),
    with a term for the span's length and one for its technique where the config has them."""
    a, b, c = config["calibration"]
    z = a * _logit(p_span) + b * _logit(p_label) + c
    if chars is not None:
        z += config.get("calibration_length", 0.0) * float(np.log1p(chars))
    if technique is not None:
        z += config.get("calibration_technique", {}).get(technique, 0.0)
    return float(1.0 / (1.0 + np.exp(-z)))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()
