"""Values computed once per parsed article and read by several detectors: the one channel between them.

A detector that reads such a value names it in its ``requires`` as
``"doc.<name>"`` and gets it with :func:`get`; the value is computed on first
use from the provider registered here and kept on the shared ``Doc``, so every
detector of the run reads the same object (quote speakers and the actor list
use the same actor ids).  Detectors pass spans to each other through the
engine (``requires`` ``"spans.<kind>"``), never through the ``Doc``.
"""

from __future__ import annotations

import importlib
from typing import Any

# name -> "module:function" computing it from a Doc
PROVIDERS: dict[str, str] = {
    "actor_clusters": "spinscope.detectors.actors.resolve:resolve",  # the article's actors, merged within it
}
_KEY = "spinscope.channel"


def get(doc, name: str) -> Any:
    """The value ``name`` for ``doc``, computed on first use."""
    cache = doc.user_data.setdefault(_KEY, {})
    if name not in cache:
        cache[name] = provider(name)(doc)
    return cache[name]


def provider(name: str):
    """The function that computes ``name``; a KeyError names the known values."""
    try:
        module, _, attr = PROVIDERS[name].partition(":")
    except KeyError:
        raise KeyError(f"no shared value {name!r}; known: {', '.join(sorted(PROVIDERS))}") from None
    return getattr(importlib.import_module(module), attr)
