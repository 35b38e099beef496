"""PolNeAR (Newell et al. 2018) attribution relations read as gold quotes.

Layout: ``<root>/{train,dev}/text/<name>.txt`` and
``<root>/{train,dev}/attributions/<name>_<annotator>.ann`` (brat standoff).
Most articles have one annotator; a few training articles were annotated by
five or six.  We read exactly one annotator per article, the alphabetically
first, so every gold quote comes from one consistent reading and none is
counted twice.  A discontinuous brat span (``a b;c d``) is read as its whole
extent ``a..d``, which is how a quote split by "he said" reads to a user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

QUOTE_MARKS = '"“”«»'


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    source: tuple[int, int] | None  # None: Attribution-no-source
    cue: tuple[int, int] | None
    direct: bool


@dataclass
class GoldArticle:
    name: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)


def default_root() -> Path:
    """``$SPINSCOPE_DATA/quotes-polnear``, or the shared data folder beside the repository."""
    from spinscope import shared_data

    return shared_data.folder("quotes-polnear")


def is_direct(text: str) -> bool:
    """A gold content is direct when it opens with a quotation mark (after an optional "that")."""
    stripped = text.lstrip()
    if stripped.lower().startswith("that "):
        stripped = stripped[5:].lstrip()
    return bool(stripped) and stripped[0] in QUOTE_MARKS


def load(root: Path, part: str, limit: int | None = None) -> list[GoldArticle]:
    """Articles of one part (``train`` or ``dev``), sorted by name, each with its gold quotes."""
    ann_dir = Path(root) / part / "attributions"
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for name in sorted(chosen)[:limit]:
        text = (Path(root) / part / "text" / f"{name}.txt").read_text(encoding="utf-8")
        articles.append(GoldArticle(name, text, read_ann(chosen[name].read_text(encoding="utf-8"), text)))
    return articles


def read_ann(ann: str, text: str) -> list[GoldQuote]:
    """Gold quotes from a brat file: one per Content argument of an Attribution event."""
    spans, events = {}, []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _extent(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    quotes = []
    for event in events:
        if not any(key.startswith("Attribution") for key in event):
            continue
        source = spans.get(event.get("Source", ""), (None, None))[1]
        cue = spans.get(event.get("Cue", ""), (None, None))[1]
        for key, ref in event.items():
            if key.startswith("Content") and ref in spans:
                start, end = spans[ref][1]
                if end > start:
                    quotes.append(GoldQuote(start, end, source, cue, is_direct(text[start:end])))
    return sorted(set(quotes), key=lambda q: (q.start, q.end))


def _extent(offsets: str) -> tuple[int, int]:
    numbers = [int(n) for piece in offsets.split(";") for n in piece.split()]
    return min(numbers), max(numbers)
