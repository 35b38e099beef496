"""spinscope: propaganda techniques, claims, quotes, actors and article profiles, with offsets."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spinscope")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from spinscope.engine import analyze, analyze_many, analyze_stream
from spinscope.errors import InputError, SpinscopeError, UsageError
from spinscope.model import Analysis, Article, Span
from spinscope.options import Options

__all__ = [
    "Analysis",
    "Article",
    "InputError",
    "Options",
    "Span",
    "SpinscopeError",
    "UsageError",
    "__version__",
    "analyze",
    "analyze_many",
    "analyze_stream",
]
