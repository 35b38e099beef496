"""Templates and static assets shared by the web UI and the HTML report.

``environment()`` is the one Jinja2 environment (autoescaping on for every
template: article text comes from untrusted pages).  ``render.article_view``
arranges an :class:`~spinscope.model.Analysis` for the templates without
computing anything the analysis does not hold.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

STATIC_FILES = ("spinscope.css", "spinscope.js")


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment, autoescaping everything, built once on first use."""
    import jinja2

    from spinscope.web import render

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("spinscope.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined,
    )
    env.globals["techniques"] = render.technique_catalogue()
    env.filters["score"] = render.format_score
    env.filters["label"] = render.pretty_label
    return env


def static_text(name: str) -> str:
    """One of the static assets as text (inlined by the self-contained report)."""
    if name not in STATIC_FILES:
        raise KeyError(name)
    return resources.files("spinscope.web").joinpath("static", name).read_text(encoding="utf-8")


def static_dir() -> str:
    return str(resources.files("spinscope.web").joinpath("static"))
