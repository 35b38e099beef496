"""HTML pages -> Article: trafilatura finds the main text and the page's metadata.

:func:`extract_main_text` is the one place where trafilatura is called, so
that its settings can be tuned (and benchmarked) without touching the rest.
When trafilatura finds no article, the page's visible text is used instead,
and only a page with no text at all is refused (E105).
"""

from __future__ import annotations

import datetime
import logging
import re
from html.parser import HTMLParser

from spinscope.errors import InputError
from spinscope.model import Article
from spinscope.options import Options

log = logging.getLogger(__name__)

# Above this many characters trafilatura skips its fallback extractors (justext,
# readability): they cost most of the time on huge pages and grow faster than the page.
FAST_EXTRACTION_CHARS = 2_000_000

# A page whose text outside tags is this many times the --max-chars limit is refused before
# extraction, which on such a page takes minutes: its article could not fit the limit.
EARLY_REFUSAL = 4
TAGS = re.compile(r"<[^>]*>")

# Errors lxml and trafilatura raise on pathological markup (deep nesting, huge trees).
PARSE_ERRORS = (ValueError, TypeError, AttributeError, RecursionError, MemoryError, AssertionError)


def extract_main_text(html: str, url: str | None = None) -> tuple[str, dict]:
    """The main text of a page and its metadata (title, url, outlet, published).

    Tables are kept (their cells are often the facts a claim rests on);
    comments are dropped (they are not the article).  Falls back to the
    page's visible text when trafilatura finds no main text.
    """
    import trafilatura

    fast = len(html) > FAST_EXTRACTION_CHARS
    # on a huge page htmldate's extensive search (regular expressions over the whole text) can run for minutes
    dates = {"original_date": True, "extensive_search": not fast, "max_date": datetime.date.today().isoformat()}
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True, fast=fast, date_extraction_params=dates)
    meta = _metadata(doc)
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        text = visible_text(html)
        if text.strip():
            log.info("trafilatura and lxml found no text; used the page's visible text")
    return text, meta


def rough_text_chars(html: str) -> int:
    """An upper bound, near enough, on the characters of text a page can hold: its length outside tags."""
    return len(html) - sum(m.end() - m.start() for m in TAGS.finditer(html))


def html_language(html: str) -> str | None:
    from spinscope.ingest.language import html_language as read

    return read(html)


def _metadata(doc) -> dict:
    if doc is None:
        return {}
    return {"title": doc.title, "url": doc.url, "outlet": doc.sitename, "published": doc.date, "authors": _authors(doc.author)}


def _authors(author: str | None) -> list[str]:
    """trafilatura's author string (``"Jane Doe; John Roe"``) -> names."""
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def article_from_html(html: str, *, url=None, options: Options, source=None, id=None, title=None, outlet=None, published=None, language=None, given_by: str = "record") -> Article:
    """One page -> Article.  Metadata given by the caller (a record, a WARC header) wins over the page's own."""
    from spinscope.ingest import article_from_text

    if len(html) > max(FAST_EXTRACTION_CHARS, EARLY_REFUSAL * options.max_chars):  # only a huge page can be refused early
        rough = rough_text_chars(html)
        if rough > EARLY_REFUSAL * options.max_chars:
            raise InputError("E117", source, chars=rough, factor=EARLY_REFUSAL, limit=options.max_chars)
    try:
        text, meta = extract_main_text(html, url)
    except PARSE_ERRORS as exc:
        raise InputError("E115", source, detail=f"{type(exc).__name__}: {exc}"[:200]) from exc
    if not text.strip():
        raise InputError("E105", source)
    page = {
        "title": meta.get("title"),
        "url": meta.get("url"),
        "outlet": site_name(meta.get("outlet"), url or meta.get("url")),
        "published": meta.get("published"),
        "authors": meta.get("authors"),
        "language": html_language(html),
    }
    return article_from_text(text, url=url, options=options, source=source, id=id, title=title, outlet=outlet, published=published, language=language, given_by=given_by, page=page)


def site_name(sitename: str | None, url: str | None) -> str | None:
    """The page's own site name (``og:site_name``), else the URL's registered domain.

    trafilatura falls back to the host name (``news.example.com``); a host
    name is reduced to its registered domain (``example.com``) so that one
    outlet gets one name.
    """
    if sitename and not _is_host_name(sitename):
        return sitename
    return registered_domain(url) or registered_domain(f"https://{sitename}" if sitename else None) or sitename


def _is_host_name(name: str) -> bool:
    return "." in name and " " not in name.strip() and name.strip().lower() == name.strip()


def registered_domain(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news/x`` -> ``bbc.co.uk``; None when there is no usable URL."""
    if not url:
        return None
    from courlan import extract_domain

    try:
        return extract_domain(url) or None
    except (ValueError, TypeError):
        return None


class _TextCollector(HTMLParser):
    """Visible text by a flat scan of the tags: no tree, so no nesting limit."""

    SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body":  # a <head> left open ends here
            self.skipping = 0
        elif tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a browser would show, one block per line; the last resort for broken pages."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except (AssertionError, ValueError):  # html.parser gives up on some garbage; keep what it read
        pass
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
