"""The corpus views the API and pages show, called through the corpus store's own functions.

No SQL here: each view is a function of :mod:`spinscope.corpus`, imported
when first called so that the server starts without SQLAlchemy loaded.
"""

from __future__ import annotations

from spinscope.api.errors import ApiError


class CorpusViews:
    """Opens the store on first use and calls its view functions."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._store = None

    def store(self):
        if not self.url:
            raise ApiError("E608")
        if self._store is None:
            from spinscope.corpus.store import Store

            self._store = Store(self.url).open()
        return self._store

    def articles(self, *, offset: int, limit: int, **filters) -> dict:
        """A page of stored articles: ``{"items": [...], "total": N}``."""
        from spinscope.corpus.articles import list_articles

        return list_articles(self.store(), offset=offset, limit=limit, **filters)

    def article(self, doc_id: str):
        """The stored analysis with this id (an :class:`Analysis`), or 404."""
        from spinscope.corpus.articles import get_article
        from spinscope.model import Analysis

        found = get_article(self.store(), doc_id)
        if found is None:
            raise ApiError("E609", id=doc_id)
        return found if isinstance(found, Analysis) else Analysis.model_validate(found)

    def story_of(self, doc_id: str) -> dict | None:
        """The story an article belongs to (``{"id", "title"}``), or None."""
        from spinscope.corpus.stories import story_of

        return story_of(self.store(), doc_id)

    def outlets(self) -> list[dict]:
        from spinscope.corpus.outlets import outlet_rows

        return outlet_rows(self.store())

    def stories(self, threshold: float | None = None, days: int = 3) -> list[dict]:
        from spinscope.corpus.stories import find

        return find(self.store(), threshold=threshold, days=days)

    def travelling(self, min_outlets: int = 2, encoder: str = "minilm") -> list[dict]:
        from spinscope.corpus.travel import find

        return find(self.store(), encoder=encoder, min_outlets=min_outlets)

    def duplicates(self, threshold: float = 0.5) -> list[dict]:
        from spinscope.corpus.duplicates import find

        return find(self.store(), threshold=threshold)

    def search(self, query: str, limit: int = 20, **filters) -> list[dict]:
        from spinscope.corpus.search import search

        return search(self.store(), query, limit=limit, **filters)
