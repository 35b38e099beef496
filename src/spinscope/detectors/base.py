"""The detector interface.

A detector reads one parsed article and returns :class:`Findings`: spans into
``Article.text`` and, optionally, keys to merge into the article profile.  It
never parses input or renders output.  Constructors store settings only;
models load on the first call of :meth:`Detector.detect`.

Like a spaCy component, a detector declares what it reads and what it gives,
and the engine orders the detectors from that:

- ``requires``: ``"spans.<kind>"`` (other detectors' spans, passed to
  ``detect(doc, article, spans=..., ran=...)``), ``"profile.<key>"`` (the
  profile keys earlier detectors gave, passed as ``profile=``, a copy) and
  ``"doc.<name>"`` (a value shared through :mod:`spinscope.detectors.channel`);
- ``assigns``: ``"spans.<kind>"``, ``"profile.<key>"`` and ``"analysis.<field>"``
  (an Analysis field beside spans and profile, through ``Findings.extras``).

:func:`spinscope.detectors.check.check_detector` checks a detector keeps its
declarations.
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
    # What it reads and gives (see the module's docstring).  A detector that requires
    # spans runs after the detectors that assign them and gets them through
    # ``detect(doc, article, spans=..., ran=...)``, ``ran`` being the names of the
    # detectors in this run (so "found nothing" differs from "did not run").
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset()
    # Older spelling of the same, still honoured: ``uses_spans`` (it reads spans) and
    # ``needs`` (the span kinds it reads).
    uses_spans: ClassVar[bool] = False
    needs: ClassVar[frozenset[str]] = frozenset()
    # A detector whose findings must agree across the articles of one stream (the
    # actors detector names one person alike in every article) gives a factory of a
    # stream stage: an object with ``apply(analysis) -> analysis`` and ``seed(values)``
    # that the engine runs in the calling process, in input order, on every analysis.
    stream_stage: ClassVar[Any] = None

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path

    def detect(self, doc: "Doc", article: "Article") -> Findings:  # pragma: no cover - interface
        raise NotImplementedError

    def models(self) -> list["ModelInfo"]:
        return []


def requires_of(det) -> frozenset[str]:
    """What a detector reads, from ``requires`` or the older ``uses_spans``/``needs``."""
    declared = frozenset(getattr(det, "requires", frozenset()))
    return declared | {f"spans.{kind}" for kind in getattr(det, "needs", frozenset())}


def assigns_of(det) -> frozenset[str]:
    """What a detector gives: ``assigns``, or at least the spans of its ``kind``."""
    declared = frozenset(getattr(det, "assigns", frozenset()))
    return declared or frozenset({f"spans.{det.kind}"})


def reads_spans(det) -> bool:
    """Whether ``detect`` takes the spans found so far (``spans=``, ``ran=``)."""
    return bool(getattr(det, "uses_spans", False)) or any(r.startswith("spans.") for r in requires_of(det))


def reads_profile(det) -> bool:
    """Whether ``detect`` takes the profile so far (``profile=``, beside ``spans=`` and ``ran=``)."""
    return any(r.startswith("profile.") for r in requires_of(det))


def call_detect(det, doc, article, spans: list, ran, profile: dict) -> "Findings":
    """``det.detect`` with what it declared it reads: the spans and the detectors that ran, the profile."""
    if reads_profile(det):
        return det.detect(doc, article, spans=list(spans), ran=frozenset(ran), profile=dict(profile))
    if reads_spans(det):
        return det.detect(doc, article, spans=list(spans), ran=frozenset(ran))
    return det.detect(doc, article)


def run_order(dets: list) -> list:
    """Detectors that read no spans first, then those that do, each after the detectors that assign what it
    ``requires``; otherwise in registry order (see :mod:`spinscope.detectors.base`)."""
    pending = [d for d in dets if not (reads_spans(d) or reads_profile(d))] + [d for d in dets if reads_spans(d) or reads_profile(d)]
    ordered: list = []
    while pending:
        for det in pending:
            wanted = requires_of(det)
            if not any(assigns_of(other) & wanted for other in pending if other is not det):
                break
        else:  # a cycle of requirements: run in the order given
            det = pending[0]
        ordered.append(det)
        pending.remove(det)
    return ordered
