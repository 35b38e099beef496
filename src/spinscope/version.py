"""The installed version of spinscope (``0.0.0`` when run from a source tree that was never installed)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spinscope")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"
