"""Detectors, registered by name.  Built-ins register exactly as a plug-in would.

A plug-in registers its own detector with ``spinscope.detectors.register``
or through the ``spinscope.detectors`` entry-point group.
"""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import entry_points

from spinscope.detectors.base import BaseDetector, Detector, Findings
from spinscope.errors import UsageError

# name -> "module:Class"; imported only when the detector is used
_BUILTINS: dict[str, str] = {
    "entities": "spinscope.detectors.entities.detector:EntitiesDetector",
    "claims": "spinscope.detectors.claims.detector:ClaimsDetector",
    "profile": "spinscope.detectors.profile.detector:ProfileDetector",
    "quotes": "spinscope.detectors.quotes.detector:QuotesDetector",
    "actors": "spinscope.detectors.actors.detector:ActorsDetector",
    "techniques": "spinscope.detectors.techniques.detector:TechniquesDetector",
    "genre": "spinscope.detectors.genre.detector:GenreDetector",
    "frames": "spinscope.detectors.frames.detector:FramesDetector",
    "tone": "spinscope.detectors.tone.detector:ToneDetector",
    "propaganda": "spinscope.detectors.propaganda.detector:PropagandaDetector",
    "hyperpartisan": "spinscope.detectors.hyperpartisan.detector:HyperpartisanDetector",
}
_REGISTRY: dict[str, type] = {}


def register(cls: type) -> type:
    """Register a detector class under its ``name`` (usable as a decorator)."""
    _REGISTRY[cls.name] = cls
    return cls


def _load_entry_points() -> None:
    for ep in entry_points(group="spinscope.detectors"):
        if ep.name not in _REGISTRY and ep.name not in _BUILTINS:
            _BUILTINS[ep.name] = ep.value


def names() -> list[str]:
    _load_entry_points()
    return list(dict.fromkeys([*_BUILTINS, *_REGISTRY]))


def get(name: str) -> type:
    if name in _REGISTRY:
        return _REGISTRY[name]
    _load_entry_points()
    if name not in _BUILTINS:
        raise UsageError("E200", name=name, choices=", ".join(names()))
    module, _, attr = _BUILTINS[name].partition(":")
    cls = getattr(importlib.import_module(module), attr)
    _REGISTRY[name] = cls
    return cls


def accurate_models() -> dict[str, str]:
    """Detector name -> the shipped model of the accurate setting (``--accurate``): slower, more accurate.
    Techniques by the two-model ensemble; quotes blended with the attribution tagger, where it is installed."""
    from spinscope.detectors.quotes.tagger import DEFAULT_TAGGER, complete
    from spinscope.detectors.techniques.runtime import ACCURATE_MODEL

    chosen = {"techniques": str(ACCURATE_MODEL)}
    if complete(DEFAULT_TAGGER):
        chosen["quotes"] = str(DEFAULT_TAGGER)
    return chosen


def shared(selected: tuple[str, ...] | None, model_paths: dict[str, str] | None = None) -> list[Detector]:
    """Like :func:`build`, but the same instances for the same choice, so models load once per process."""
    return list(_shared(tuple(selected) if selected else None, tuple(sorted((model_paths or {}).items()))))


@functools.lru_cache(maxsize=16)
def _shared(selected, model_paths) -> tuple:
    return tuple(build(selected, dict(model_paths)))


def build(selected: tuple[str, ...] | None, model_paths: dict[str, str] | None = None) -> list[Detector]:
    """Instantiate the chosen detectors (all when ``selected`` is None), in registry order."""
    chosen = list(selected) if selected else names()
    for name in chosen:
        get(name)  # raises a UsageError naming the choices
    paths = model_paths or {}
    return [get(name)(model_path=paths.get(name)) for name in names() if name in chosen]


__all__ = ["BaseDetector", "accurate_models", "Detector", "Findings", "build", "get", "names", "register", "shared"]
