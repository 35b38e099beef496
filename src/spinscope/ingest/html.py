"""HTML pages -> Article, with trafilatura."""

from __future__ import annotations

from spinscope.errors import InputError
from spinscope.options import Options


def article_from_html(html: str, *, url=None, options: Options, source=None, id=None):
    import trafilatura

    from spinscope.ingest import article_from_text

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, favor_precision=False)
    if doc is None or not (doc.text or "").strip():
        raise InputError("E105", source)
    return article_from_text(doc.text, url=url or doc.url, options=options, source=source, id=id, title=doc.title, outlet=doc.sitename, published=doc.date)
