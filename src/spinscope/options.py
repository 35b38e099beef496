"""One options object, built by the CLI from its flags and by the API from a request."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class Options:
    """Settings for ingest and analysis.  Stores values only; nothing is loaded here."""

    detectors: tuple[str, ...] | None = None  # None: every registered detector
    min_score: float | None = None  # None: each detector's own default threshold
    keep_boilerplate: bool = False
    text_field: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = 16
    workers: int = 1  # processes that analyse; results keep the input order
    model_paths: dict[str, str] = field(default_factory=dict)  # detector name -> local checkpoint
    metadata: dict[str, str] = field(default_factory=dict)  # title, outlet, published, url given by the user: they win over what the input says
