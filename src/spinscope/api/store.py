"""The corpus views the API and pages show, called through the corpus store's own functions.

No SQL here: each view is a function of :mod:`spinscope.corpus`.  A function the
store does not provide yet answers 501 with the name of what is missing.
"""

from __future__ import annotations

import importlib

from spinscope.api.errors import ApiError


class CorpusViews:
    """Opens the store on first use and calls its view functions."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._store = None

    def store(self):
        if not self.url:
            raise ApiError(503, "E608")
        if self._store is None:
            from spinscope.corpus.store import Store

            self._store = Store(self.url).open()
        return self._store

    def call(self, module: str, function: str, what: str, *args, **kwargs):
        func = _function(module, function)
        if func is None:
            raise ApiError(501, "E612", function=f"spinscope.corpus.{module}.{function}", what=what)
        return func(self.store(), *args, **kwargs)

    def has(self, module: str, function: str) -> bool:
        return _function(module, function) is not None

    def articles(self, *, offset: int, limit: int, **filters) -> dict:
        """A page of stored articles: ``{"items": [...], "total": N}``."""
        return self.call("articles", "list_articles", "the article list", offset=offset, limit=limit, **filters)

    def article(self, doc_id: str):
        """The stored analysis with this id (an :class:`Analysis`), or 404."""
        from spinscope.model import Analysis

        found = self.call("articles", "get_article", "an article page", doc_id)
        if found is None:
            raise ApiError(404, "E609", id=doc_id)
        return found if isinstance(found, Analysis) else Analysis.model_validate(found)

    def story_of(self, doc_id: str) -> dict | None:
        """The story an article belongs to (``{"id", "title"}``), when the store can say."""
        return self.call("stories", "story_of", "the story link", doc_id) if self.has("stories", "story_of") else None

    def outlets(self) -> list[dict]:
        return self.call("outlets", "outlet_rows", "the outlet table")

    def stories(self, threshold: float | None = None, days: int = 3) -> list[dict]:
        return self.call("stories", "find", "the story list", threshold=threshold, days=days)

    def duplicates(self, threshold: float = 0.5) -> list[dict]:
        return self.call("duplicates", "find", "the duplicate list", threshold=threshold)

    def search(self, query: str, limit: int = 20, **filters) -> list[dict]:
        return self.call("search", "search", "search", query, limit=limit, **filters)

    def add(self, analysis) -> None:
        self.call("write", "add_analysis", "saving an analysis", analysis)


def _function(module: str, function: str):
    try:
        mod = importlib.import_module(f"spinscope.corpus.{module}")
    except ModuleNotFoundError:
        return None
    return getattr(mod, function, None)
