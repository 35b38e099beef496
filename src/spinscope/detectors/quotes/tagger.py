"""The attribution tagger: per-token probabilities of a fine-tuned MiniLM (int8 ONNX).

For every WordPiece token of the text, four probabilities (:data:`OUTPUTS`):
inside a quote's content, first token of a content, inside a source, inside
a cue.  Made by ``spinscope train quotes --tagger`` (:mod:`spinscope_train.quotes.tagger`).
Windows of 254 tokens overlap by 64, each token read from the window where
it sits furthest from an edge, and run one at a time, so a text's outputs
depend on that text alone.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.detectors.techniques import encoding

OUTPUTS = ("content", "begin", "source", "cue")
DEFAULT_TAGGER = Path(__file__).resolve().parents[2] / "models" / "quotes" / "tagger"


@dataclass
class Tagged:
    """``probs[i]`` (one per :data:`OUTPUTS`) for the token covering ``text[enc.starts[i]:enc.ends[i]]``."""

    enc: encoding.Encoded
    probs: np.ndarray

    def chars(self, column: int, n_chars: int) -> np.ndarray:
        """One probability per character (the covering token's; 0 between tokens)."""
        out = np.zeros(n_chars, dtype=np.float32)
        for s, e, p in zip(self.enc.starts, self.enc.ends, self.probs[:, column]):
            out[s:e] = p
        return out


def load_blend(path: str | Path | None = None) -> "Blend":
    """The blend shipped beside the tagger (``blend.json``)."""
    import json

    data = json.loads(((Path(path) if path else DEFAULT_TAGGER) / "blend.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != BLEND_FEATURES:
        raise ValueError(f"{path}: blend.json was made for other features ({data['features']})")
    return Blend(data["weights"], data["intercept"], data["threshold"])


def shipped() -> tuple["Tagger", "Blend", object] | None:
    """The shipped tagger, its blend and the candidate scorer the blend was fitted with, loaded once per process;
    None where they are absent."""
    return loaded(str(DEFAULT_TAGGER))


def complete(path: str | Path) -> bool:
    """Whether a folder holds a whole tagger: the model, its tokenizer, the blend and the scorer fitted with it."""
    folder = Path(path)
    return available(folder) and (folder / "blend.json").exists() and (folder / "scorer.json").exists()


@functools.lru_cache(maxsize=4)
def loaded(path: str) -> tuple["Tagger", "Blend", object] | None:
    """The tagger of a folder ``spinscope train quotes --tagger`` wrote (``tagger/``), with its blend and
    scorer, loaded once per process and folder; None where the folder lacks one of them."""
    if not complete(path):
        return None
    from spinscope.detectors.quotes.scorer import load

    return Tagger(path), load_blend(path), load(str(Path(path) / "scorer.json"))


def available(path: str | Path | None = None) -> bool:
    folder = Path(path) if path else DEFAULT_TAGGER
    return (folder / "model.onnx").exists() and (folder / "tokenizer.json").exists()


class Tagger:
    """Loads on first use; :meth:`tag` gives a text's :class:`Tagged` outputs."""

    def __init__(self, path: str | Path | None = None, threads: int = 1) -> None:
        self.path = Path(path) if path else DEFAULT_TAGGER
        self.threads = threads
        self._session = None

    def session(self):
        if self._session is None:
            from spinscope.encoders.onnx import ort_session

            self.tokenizer = encoding.load_tokenizer(self.path / "tokenizer.json")
            self._session = ort_session(self.path / "model.onnx", self.threads)
        return self._session

    def tag(self, text: str) -> Tagged:
        session = self.session()
        enc = encoding.encode(self.tokenizer, text)
        probs = np.zeros((len(enc.ids), len(OUTPUTS)), dtype=np.float32)
        for s, e, own_s, own_e in encoding.windows(len(enc.ids)):
            ids = encoding.with_specials(enc.ids[s:e])[None, :]
            (logits,) = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            rows = slice(own_s - s + 1, own_e - s + 1)
            probs[own_s:own_e] = 1.0 / (1.0 + np.exp(-logits[0, rows]))
        return Tagged(enc, probs)


BLEND_FEATURES = ("scorer_logit", "content_mean", "content_min", "begin_first", "begin_inner_max", "content_before", "content_after", "cue_inside")


SOURCE_THRESHOLD = 0.5  # the natural cut; on the tune part 0.3 and 0.7 gave speaker accuracy 0.874 and 0.871 against 0.873


def source_near(tagged: Tagged, doc, start: int, end: int, threshold: float = SOURCE_THRESHOLD) -> tuple[int, int] | None:
    """The character span of the tagger's source nearest the content ``text[start:end]``, within the
    sentences the content touches and outside the content: a run of tokens with source probability at or
    above ``threshold``.  None where the tagger marks no source there."""
    content = doc.char_span(start, end, alignment_mode="expand")
    if content is None or not len(content):
        return None
    first, last = content[0].sent.start_char, content[-1].sent.end_char
    column = OUTPUTS.index("source")
    lo, hi = np.searchsorted(tagged.enc.starts, [first, last])  # only the tokens of those sentences
    runs, run = [], None
    for s, e, p in zip(tagged.enc.starts[lo:hi], tagged.enc.ends[lo:hi], tagged.probs[lo:hi, column]):
        excluded = s < first or e > last or start <= s < end  # another sentence, or the content itself
        if not excluded and p >= threshold:
            run = (run[0], e) if run else (s, e)
            continue
        if run:
            runs.append(run)
        run = None
    if run:
        runs.append(run)
    if not runs:
        return None
    return min(runs, key=lambda r: min(abs(r[0] - start), abs(r[1] - start), abs(r[0] - end)))


def span_features(tagged: Tagged, start: int, end: int, scorer_probability: float) -> list[float]:
    """What the blend reads of one candidate span ``text[start:end]``, in :data:`BLEND_FEATURES` order.

    The scorer's log-odds; the tagger's mean and lowest content probability
    over the span's tokens; its first-token probability at the span's first
    token and the highest one inside the span (a second content starting
    there); the mean content probability of the three tokens before and after
    the span (a span cut short of the content); and the highest cue
    probability inside (a span that swallowed its own cue).
    """
    i, j = encoding.token_range(tagged.enc, start, end)
    p = tagged.probs
    z = math.log(max(scorer_probability, 1e-6) / max(1.0 - scorer_probability, 1e-6))
    if j <= i:
        return [z, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    inside = p[i:j]
    before = p[max(0, i - 3) : i, 0]
    after = p[j : j + 3, 0]
    return [
        z,
        float(inside[:, 0].mean()),
        float(inside[:, 0].min()),
        float(inside[0, 1]),
        float(inside[1:, 1].max()) if j - i > 1 else 0.0,
        float(before.mean()) if len(before) else 0.0,
        float(after.mean()) if len(after) else 0.0,
        float(inside[:, 3].max()),
    ]


@dataclass
class Blend:
    """A logistic regression over :func:`span_features`, and the cut-off chosen with it."""

    weights: list[float]
    intercept: float
    threshold: float

    def score(self, feats: list[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
