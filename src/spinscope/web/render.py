"""Arrange an analysis for display: highlighted segments, legend, claims, quotes, actors.

Renderers only count and arrange what the analysis holds; every figure shown
comes from the detectors.  Overlapping technique spans are drawn by cutting the
text at every span boundary: each segment is wrapped in one nested element per
span that covers it, outermost (longest) first, so every span stays visible.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spinscope.model import Analysis, Span

TECHNIQUE_KIND = "technique"
CLAIM_KIND = "claim"
QUOTE_KIND = "quote"
MAX_PAD = 5  # nesting levels with their own underline offset; deeper ones share the last


@lru_cache(maxsize=1)
def technique_catalogue() -> dict[str, dict]:
    """Technique name -> title, colour, definition, example and colour index (from resources/techniques.json)."""
    raw = resources.files("spinscope").joinpath("resources", "techniques.json").read_text(encoding="utf-8")
    catalogue = json.loads(raw)
    for index, info in enumerate(catalogue.values()):
        info["index"] = index
    return catalogue


def technique_info(label: str) -> dict:
    """What the catalogue says about ``label``; a plain entry for a label it does not know."""
    found = technique_catalogue().get(label)
    if found:
        return found
    return {"title": pretty_label(label), "colour": "#777777", "definition": "", "example": "", "index": "x"}


def format_score(value: Any) -> str:
    """Floats to two decimals, whole numbers as they are; anything else empty."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def pretty_label(label: Any) -> str:
    return str(label).replace("_", " ").replace(",", " / ") if label is not None else ""


@dataclass
class Layer:
    """One span's part of a segment."""

    span: int
    index: Any
    score: float
    pad: int
    quoted: bool = False  # inside quoted or reported speech, not the author's own


@dataclass
class Segment:
    text: str
    layers: list[Layer] = field(default_factory=list)
    title: str = ""
    ends: list[dict] = field(default_factory=list)  # the spans ending here: their name, printed in place


def segments(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> list[Segment]:
    """Cut ``text[start:end]`` at every boundary of ``spans``; each piece lists the spans covering it, outermost first.

    Offsets stay those of the full text: a span reaching outside the range is drawn over its part inside."""
    end = len(text) if end is None else end
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end, spans[i].label))
    inside = {p for s in spans for p in (s.start, s.end) if start < p < end}
    cuts = sorted({start, end, *inside})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [i for i in order if spans[i].start <= a and spans[i].end >= b]
        piece = _segment(text[a:b], covering, spans)
        piece.ends = [_end_tag(spans[i]) for i in reversed(covering) if spans[i].end == b]
        pieces.append(piece)
    return pieces


def _segment(text: str, covering: list[int], spans: list[Span]) -> Segment:
    depth = len(covering)
    layers = [Layer(i, technique_info(spans[i].label)["index"], spans[i].score, min(depth - 1 - j, MAX_PAD), is_quoted(spans[i])) for j, i in enumerate(covering)]
    return Segment(text, layers, "\n".join(_tooltip(spans[i]) for i in covering))


def _end_tag(span: Span) -> dict:
    """The technique's name, shown after its span when explanations are on (and in print)."""
    info = technique_info(span.label)
    return {"title": info["title"], "index": info["index"], "score": span.score, "quoted": is_quoted(span)}


def title_line(text: str, title: str | None) -> tuple[int, int, int] | None:
    """``(start, end, body)`` when the text's first line is its title: the line's offsets and where the body begins.

    The page shows the title once, as its heading; the text is drawn from ``body``, so every span keeps its offsets."""
    if not title:
        return None
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if _words(text[start:end]) != _words(title) or end == len(text):
        return None
    body = end
    while body < len(text) and text[body].isspace():
        body += 1
    return (start, end, body) if body < len(text) else None


def _words(line: str) -> list[str]:
    return line.casefold().split()


def is_quoted(span: Span) -> bool:
    return (span.attrs or {}).get("voice") == "quoted"


def _tooltip(span: Span) -> str:
    info = technique_info(span.label)
    line = f"{info['title']} — confidence {span.score:.2f}"
    if is_quoted(span):
        speaker = text_of((span.attrs or {}).get("speaker"))
        line += f" — quoted ({speaker})" if speaker else " — quoted"
    return f"{line}\n{info['definition']}" if info["definition"] else line


def legend(spans: list[Span]) -> list[dict]:
    """One row per technique found, in catalogue order, with its count."""
    counts = Counter(s.label for s in spans)
    known = [name for name in technique_catalogue() if name in counts]
    other = sorted(name for name in counts if name not in technique_catalogue())
    return [{"label": name, "count": counts[name], **technique_info(name)} for name in known + other]


def article_view(analysis: Analysis) -> dict:
    """Everything the article template shows, arranged but not recomputed."""
    techniques = [s for s in analysis.spans if s.kind == TECHNIQUE_KIND]
    actors = getattr(analysis, "actors", None) or (analysis.model_extra or {}).get("actors") or []
    cut = title_line(analysis.text, analysis.title)
    return {
        "analysis": analysis,
        "title_segments": segments(analysis.text, techniques, cut[0], cut[1]) if cut else None,
        "segments": segments(analysis.text, techniques, cut[2] if cut else 0),
        "legend": legend(techniques),
        "technique_count": len(techniques),
        "quoted_count": sum(is_quoted(s) for s in techniques),
        "claims": claims(analysis, actor_names(actors)),
        "quotes": quotes(analysis),
        "actors": [actor_row(a) for a in actors],
        "profile": profile_rows(analysis),
        "glance": glance(analysis),
        "boilerplate": analysis.boilerplate,
    }


def claims(analysis: Analysis, names: dict[str, str] | None = None) -> list[dict]:
    """Claims as ``spinscope claims`` ranks them: unattributed and vaguely sourced first, then those
    of unnamed sources, then the rest, each by check-worthiness score, highest first."""
    from spinscope.detectors.source_types import doubt

    found = sorted((s for s in analysis.spans if s.kind == CLAIM_KIND), key=lambda s: (doubt(s.attrs), -s.score, s.start))
    return [
        {
            "text": analysis.span_text(s),
            "score": s.score,
            "attributed": bool(s.attrs.get("attributed")),
            "source_type": s.attrs.get("source_type") or ("none" if not s.attrs.get("attributed") else ""),
            "source": text_of(s.attrs.get("source")),
            "actor": referent(names, s.attrs.get("actor"), text_of(s.attrs.get("source"))),
            "quantities": [text_of(q) for q in s.attrs.get("quantities") or []],
            "start": s.start,
        }
        for s in found
    ]


def quotes(analysis: Analysis) -> list[dict]:
    found = [s for s in analysis.spans if s.kind == QUOTE_KIND]
    return [{"text": analysis.span_text(s), "speaker": text_of(s.attrs.get("speaker")), "cue": text_of(s.attrs.get("cue")), "direct": s.attrs.get("direct"), "score": s.score} for s in found]


def actor_names(actors: list) -> dict[str, str]:
    """Actor id -> name, from the analysis's actor list (models or plain dicts)."""
    return {data["id"]: data.get("name") or "" for data in map(_plain, actors) if data.get("id")}


def referent(names: dict[str, str] | None, actor_id: Any, written: str) -> str:
    """The name of the actor that a claim's source refers to, when it says more than the words
    as written ("Mr. Barrett" -> "Kevin Barrett", "the president" -> "Barack Obama"); empty otherwise."""
    name = (names or {}).get(actor_id) if isinstance(actor_id, str) else None
    if not name:
        return ""
    said, named = written.casefold().split(), set(name.casefold().split())
    return "" if said and all(word in named for word in said) else name  # "Reznikov" of "Oleksii Reznikov" says it already


def text_of(value: Any) -> str:
    """The human-readable part of a detector attribute: a string, or a dict's ``text``/``name``."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name") or "")
    return str(value)


def _plain(actor: Any) -> dict:
    """An actor as a plain dict, whether it came as a model or as JSON."""
    return actor.model_dump() if hasattr(actor, "model_dump") else dict(actor)


def actor_row(actor: Any) -> dict:
    data = _plain(actor)
    mentions = data.get("mentions")
    return {
        "name": data.get("name", ""),
        "type": data.get("type", ""),
        "aliases": ", ".join(text_of(a) for a in data.get("aliases") or []),
        "mentions": len(mentions) if isinstance(mentions, list) else mentions,
        "portrayal": portrayal_text(data.get("portrayal")),
    }


def portrayal_text(portrayal: Any) -> str:
    """Tone, then the techniques near the actor, then its quotes and claims, as the detector counted them."""
    if not isinstance(portrayal, dict):
        return describe(portrayal)
    parts = []
    tone = portrayal.get("tone")
    if isinstance(tone, dict) and tone.get("label"):
        parts.append(f"tone {tone['label']}" + (f" ({format_score(tone['score'])})" if "score" in tone else ""))
    labels = [pretty_label(t.get("label")) for t in portrayal.get("techniques") or [] if isinstance(t, dict)]
    if labels:
        parts.append("techniques: " + ", ".join(dict.fromkeys(labels)))
    counts = portrayal.get("counts") or {}
    parts.extend(f"{counts[k]} {k}" for k in ("quotes", "claims") if counts.get(k))
    if not parts and not counts:
        return describe({k: v for k, v in portrayal.items() if not isinstance(v, (list, dict))})
    return "; ".join(parts)


def describe(value: Any) -> str:
    """A short display form of a nested detector value (dicts as ``key: value`` pairs)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{pretty_label(k)}: {format_score(v) or describe(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(describe(v) for v in value)
    return format_score(value) or str(value)


def _scalars(value: Any) -> Any:
    """A dict's plain (non-nested) entries; the nested ones are details for the JSON, not the panel."""
    return {k: v for k, v in value.items() if not isinstance(v, (dict, list))} if isinstance(value, dict) else value


# The hyperpartisan evidence as a reader reads it in one line: a short name and the unit of its value.
EVIDENCE_WORDS = {
    "inflammatory_techniques": ("loaded words and name calling", "per 1,000 words"),
    "other_techniques": ("other techniques", "per 1,000 words"),
    "quoted_techniques": ("techniques in quotes", "per 1,000 words"),
    "opinion": ("opinion probability", ""),
    "negative_tone": ("negative sentences", "share"),
    "tone": ("mean tone", ""),
    "anger_fear_disgust": ("anger, fear and disgust words", "per 1,000 words"),
    "quotes": ("quotes", "per 1,000 words"),
    "top_speaker_share": ("quotes from one speaker", "share"),
    "named_sources": ("named sources", "share"),
    "unattributed_claims": ("unsourced claims", "share"),
    "exclamations": ("exclamation marks", "per 1,000 words"),
    "questions": ("question marks", "per 1,000 words"),
    "capitals": ("words in capitals", "per 1,000 words"),
    "we": ("we / us / our", "per 1,000 words"),
    "you": ("you / your", "per 1,000 words"),
}


def glance(analysis: Analysis) -> list[dict]:
    """Genre, hyperpartisan and frames, each as ``{name, verdict, reason}``: the one-line summary at the top of an
    article, from the reasons the detectors gave (``genre_cues``, ``hyperpartisan.evidence``, ``frames.cues``)."""
    p = analysis.profile.model_dump(exclude_none=True)
    rows = []
    if "genre" in p:
        rows.append({"name": "Genre", "verdict": pretty_label(p["genre"]).capitalize(), "reason": genre_reason(p)})
    found = p.get("hyperpartisan")
    if isinstance(found, dict) and "probability" in found:
        verdict = f"{'Hyperpartisan' if found.get('hyperpartisan') else 'Not hyperpartisan'} ({found['probability']:.2f})"
        rows.append({"name": "Hyperpartisan", "verdict": verdict, "reason": hyperpartisan_reason(found)})
    frames = p.get("frames")
    if isinstance(frames, dict) and frames.get("chosen"):
        cues = frames.get("cues") or {}
        words = list(dict.fromkeys(w for f in frames["chosen"] for w in cues.get(f, [])[:2]))[:5]
        reason = f"{len(frames['chosen'])} of 14 frames reach {frames.get('threshold', 0):.2f}" + (f"; words such as {_quoted(words)}" if words else "")
        rows.append({"name": "Frames", "verdict": ", ".join(pretty_label(f).replace(" and ", " & ") for f in frames["chosen"][:3]) + (" …" if len(frames["chosen"]) > 3 else ""), "reason": reason})
    return rows


def genre_reason(p: dict) -> str:
    basis = p.get("genre_basis")
    if basis == "outlet":
        return f"published by a known satirical site ({p.get('genre_outlet')})"
    if basis == "label":
        return f"the page labels itself “{p.get('genre_label')}”"
    scores = sorted((p.get("genre_scores") or {}).items(), key=lambda kv: -kv[1])
    line = ", ".join(f"{pretty_label(g)} {v:.2f}" for g, v in scores)
    cues = p.get("genre_cues") or []
    return f"text model: {line}" + (f"; words such as {_quoted(cues)}" if cues else "")


def hyperpartisan_reason(found: dict) -> str:
    """The evidence that pushed the way the decision went, then the words that did."""
    towards = bool(found.get("hyperpartisan"))
    parts = []
    for item in found.get("evidence") or []:
        if (item.get("weight", 0) > 0) != towards:
            continue
        name, unit = EVIDENCE_WORDS.get(item.get("name"), (pretty_label(item.get("name")), ""))
        value = item.get("value", 0)
        shown = f"{value:.0%}" if unit == "share" else (f"{value:.1f} {unit}" if unit else f"{value:.2f}")
        parts.append(f"{name} {shown}")
    words = (found.get("words") or {}).get("towards" if towards else "against") or []
    if words:
        parts.append(f"words such as {_quoted(words[:3])}")
    if found.get("not_run"):
        parts.append("without " + ", ".join(found["not_run"]))
    return "; ".join(parts) or "no single figure stands out"


def _quoted(words: list[str]) -> str:
    return ", ".join(f"“{w}”" for w in words)


def profile_rows(analysis: Analysis) -> list[tuple[str, str]]:
    """The profile as (name, value) rows, in a fixed order, leaving out what no detector filled in."""
    p = analysis.profile.model_dump(exclude_none=True)
    rows = []
    if "genre" in p:
        rows.append(("Genre", pretty_label(p["genre"])))
    if p.get("genre_scores"):
        rows.append(("Genre scores", describe(p["genre_scores"])))
    frames = p.get("frames")
    if isinstance(frames, dict) and frames.get("chosen"):
        scores = frames.get("scores") or {}
        rows.append(("Frames", ", ".join(f"{pretty_label(f)} {scores.get(f, 0):.2f}" for f in frames["chosen"])))
    prop = p.get("propaganda")
    if isinstance(prop, dict):
        rows.append(("Propaganda", f"{prop.get('level', '')} — {prop.get('techniques', 0)} techniques, {prop.get('per_1000_words', 0)} per 1,000 words"))
    if "tone" in p:
        rows.append(("Tone", describe(_scalars(p["tone"]))))
    for key in ("words", "sentences", "paragraphs"):
        if key in p:
            rows.append((key.capitalize(), str(p[key])))
    read = p.get("readability") or {}
    if read.get("flesch_reading_ease") is not None:
        rows.append(("Reading ease (Flesch)", f"{read['flesch_reading_ease']:.1f}"))
    if read.get("flesch_kincaid_grade") is not None:
        rows.append(("Grade level", f"{read['flesch_kincaid_grade']:.1f}"))
    return rows
