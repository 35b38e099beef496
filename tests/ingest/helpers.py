"""Helpers for the ingest tests: sort results, build small pages."""

from __future__ import annotations

from spinscope.errors import InputError
from spinscope.model import Article


def articles(items) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


def kinds(items) -> list[str]:
    """Each item as ``A`` (an Article) or its error code, to check order."""
    return ["A" if isinstance(x, Article) else x.code for x in items]


PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
    "<p>{body}</p>"
    "<p>The second paragraph of the article has enough words in it to count as the main text of the page.</p>"
    "</article></body></html>"
)


def page(body: str = "The first paragraph says what happened in the city council on Monday evening.", title: str = "Council votes on budget", head: str = "") -> str:
    return PAGE.format(title=title, head=head, body=body)
