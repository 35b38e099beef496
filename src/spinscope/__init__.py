"""spinscope: propaganda techniques, claims, quotes, actors and article profiles, with offsets."""

from __future__ import annotations

from spinscope.engine import analyze, analyze_many, analyze_stream
from spinscope.errors import InputError, SpinscopeError, UsageError
from spinscope.model import Analysis, Article, Span
from spinscope.notebook import read_store, show, to_pandas
from spinscope.options import Options
from spinscope.version import __version__

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
    "read_store",
    "show",
    "to_pandas",
]
