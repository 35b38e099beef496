"""The detector interface.

A detector reads one parsed article and returns :class:`Findings`: spans into
``Article.text`` and, optionally, keys to merge into the article profile.  It
never parses input or renders output.  Constructors store settings only;
models load on the first call of :meth:`Detector.detect`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from spinscope.model import Article, ModelInfo, Span


@dataclass
class Findings:
    spans: list["Span"] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)
    # Analysis-level fields beside spans and profile, e.g. {"actors": [...]}.
    extras: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Detector(Protocol):
    """What every detector provides.  ``labels`` is None when the label set is open."""

    name: ClassVar[str]
    version: ClassVar[str]
    kind: ClassVar[str]
    labels: ClassVar[frozenset[str] | None]
    default_min_score: ClassVar[float]

    def detect(self, doc: "Doc", article: "Article") -> Findings: ...

    def models(self) -> list["ModelInfo"]: ...


class BaseDetector:
    """Convenience base: stores a local model path; subclasses fill in ``detect``."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    kind: ClassVar[str] = ""
    labels: ClassVar[frozenset[str] | None] = None
    default_min_score: ClassVar[float] = 0.0
    # A detector that reads other detectors' spans (e.g. a propaganda density or an
    # actor's portrayal) sets this; it runs after the others and gets their spans
    # through ``detect(doc, article, spans=..., ran=...)``, ``ran`` being the names of
    # the detectors in this run (so "found nothing" differs from "did not run").
    uses_spans: ClassVar[bool] = False
    # The span kinds such a detector reads: it runs after the detectors that give them
    # (techniques read quotes to tell the author's voice; actors read techniques).
    needs: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path

    def detect(self, doc: "Doc", article: "Article") -> Findings:  # pragma: no cover - interface
        raise NotImplementedError

    def models(self) -> list["ModelInfo"]:
        return []
