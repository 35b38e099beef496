"""Ingest: any input (text, HTML, JSONL/CSV records, WARC, folders) -> Article.

Public entry points:

- :func:`from_string` — one text or HTML string.
- :func:`from_record` — one JSONL/CSV-style record dict.
- :func:`iter_paths` — files, folders and ``-`` (stdin); yields :class:`Article`
  or :class:`~spinscope.errors.InputError` in order, so that a batch can go on
  past a bad document.
- :func:`single_document` — whether a call names one article (text/HTML file
  or ``-``) rather than a batch.

Supported files: those of :data:`spinscope.formats.INPUT_SUFFIXES` (``.txt``,
``.html``, ``.jsonl``, ``.csv``, ``.warc`` and the rest, each also gzipped) and
folders of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spinscope.errors import InputError
from spinscope.ingest.boilerplate import remove_boilerplate
from spinscope.ingest.files import IngestStats, single_document
from spinscope.model import Article, content_hash
from spinscope.options import Options

HTML_TAG = re.compile(r"<(?:html|head|body|p|div|article|section|main|span|br|a|h[1-6]|table|ul|ol|li|meta|title|script|style)\b[^>]{0,500}>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for markup: a page that starts like one, or at least two HTML tags near the start."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(HTML_TAG.findall(head, 0, 4096)) >= 2


LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Unix newlines; no NUL characters (stray ones in a text or a CSV cell; PostgreSQL refuses them);
    lone surrogates (from JSON escapes such as "\\ud800") replaced by U+FFFD, since they cannot be encoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return LONE_SURROGATES.sub("\ufffd", text)


def from_string(text_or_html: str, *, url: str | None = None, options: Options | None = None, source: str | None = None, id: str | None = None) -> Article:
    opts = options or Options()
    if looks_like_html(text_or_html):
        from spinscope.ingest.html import article_from_html

        return article_from_html(text_or_html, url=url, options=opts, source=source, id=id)
    return article_from_text(text_or_html, url=url, options=opts, source=source, id=id)


def article_from_text(
    text: str, *, url=None, options: Options, source=None, id=None, title=None, outlet=None, published=None, language=None, given_by: str = "record", page: dict | None = None
) -> Article:
    """Text -> Article: boilerplate removed, metadata resolved (see :mod:`spinscope.ingest.metadata`).

    ``title``, ``url``, ``outlet`` and ``published`` are what the caller was given (``given_by``: a
    record, a request, a WARC header); ``page`` is what the HTML's own metadata says.  The user's
    options win, then the caller's fields, the page's, and last what the text's own lines say.
    """
    from spinscope.ingest import metadata

    text = normalise_text(text)
    removed = []
    if not options.keep_boilerplate:
        text, removed = remove_boilerplate(text)
    if not text.strip():
        raise InputError("E102", source)
    if len(text) > options.max_chars:
        raise InputError("E114", source, chars=len(text), limit=options.max_chars)
    from spinscope.ingest.language import code_of, detect

    given = {"title": title, "url": url, "outlet": outlet, "published": published, "language": code_of(language)}
    layers = [("option", options.metadata), (given_by, given), ("html", page or {})]
    layers += [(where, {field: value}) for field, (value, where) in metadata.from_lines(removed, text).items()]
    layers.append(("file_name", metadata.from_file_name(source) if given_by == "record" else {}))
    values, sources = metadata.resolve(layers)
    if "outlet" not in values and values.get("url"):
        from spinscope.ingest.html import registered_domain

        domain = registered_domain(values["url"])
        if domain:
            values["outlet"], sources["outlet"] = domain, "url"
    if "language" not in values:
        found = detect(text)
        if found:
            values["language"], sources["language"] = found, "detected"
    if "title" not in values:
        guessed = guess_title(text, values.get("authors") or (), masthead=[values.get("outlet") or ""] + [b.text for b in removed if b.label in ("copyright", "byline_credit")])
        if guessed:
            values["title"], sources["title"] = guessed, "first_line"
    return Article(text=text, id=id or content_hash(text), source=source, boilerplate=removed, metadata_sources=sources, **values)


def guess_title(text: str, authors=(), masthead=()) -> str | None:
    """The first line, when it is short and stands alone like a headline, and is not a byline, a date or an author's name.

    A first line that names the site (the outlet, or a name that the page's copyright or credit lines
    repeat: a masthead) or is a lone section link ("Local", "Opinion") is passed over for the next.
    """
    from spinscope.ingest.boilerplate_rules import SECTION_WORDS
    from spinscope.ingest.metadata import AGENCY, BYLINE, is_date_line

    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    for _ in range(3):  # a masthead, a stray section link
        section = len(first.split()) <= 2 and all(w.strip(".:|").casefold() in SECTION_WORDS for w in first.split())
        if not (first and sep and (section or _is_masthead(first, masthead))):
            break
        first, sep, rest = rest.lstrip().partition("\n")
        first = first.strip()
    if not first or first in authors or BYLINE.match(first) or is_date_line(first) or AGENCY.match(first):
        return None
    if sep and len(first) <= 200 and not first.endswith((".", ",", ";", ":")) or (sep and rest.startswith("\n") and len(first) <= 200):
        return first
    return None


def _is_masthead(line: str, names) -> bool:
    """A short line that is the site's name: equal to the outlet, or found whole in a copyright or credit line."""
    if len(line.split()) > 5 or len(line) < 3:
        return False
    low = line.casefold()
    bare = low[4:] if low.startswith("the ") else low
    for name in names:
        name = (name or "").casefold()
        if not name:
            continue
        if name in (low, bare) or name.removeprefix("the ") == bare:
            return True
        if len(name.split()) > len(low.split()) and re.search(r"(?<!\w)" + re.escape(low) + r"(?!\w)", name):
            return True
    return False


def from_record(record: dict, *, options: Options | None = None, source: str | None = None) -> Article:
    from spinscope.ingest.records import article_from_record

    return article_from_record(record, options=options or Options(), source=source)


def iter_paths(paths: list[str], options: Options | None = None, stats: IngestStats | None = None) -> Iterator[Article | InputError]:
    """Every document under ``paths``, lazily and in order, as an Article or the InputError that stopped it.

    Pass an :class:`IngestStats` to learn what was skipped without an error
    (non-HTML WARC records, unsupported files inside folders).
    """
    from spinscope.ingest.files import iter_paths as _iter

    yield from _iter(paths, options or Options(), stats)


__all__ = ["IngestStats", "from_record", "from_string", "iter_paths", "looks_like_html", "remove_boilerplate", "single_document"]
