"""Filter values as people type them, resolved to what the store holds.

``search`` and the article list (CLI, API and web pages alike) take a
technique, a genre and an outlet.  Each value is matched the forgiving way:

- **technique**: case, spaces, hyphens and underscores do not count, and the
  title the UI shows is a name too, so "Loaded Language", "loaded-language"
  and "LOADED_LANGUAGE" are all ``Loaded_Language``; one part of a combined
  label names it ("Red Herring" is ``Whataboutism,Straw_Men,Red_Herring``);
- **genre**: case-insensitive;
- **outlet**: the outlet's name or domain, case-insensitively, any spelling of
  the outlet (:mod:`.outlet_names`), or a domain's bare name ("zerohedge" is
  ``zerohedge.com``).

A value that matches nothing known raises ``E511``, naming the known values,
rather than returning nothing silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from spinscope.errors import UsageError

KNOWN_SHOWN = 30  # values listed in the message; the rest are counted


def key(value: str) -> str:
    """``value`` without case, accents, spaces, hyphens, underscores or other punctuation."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9a-z]+", "", plain.lower())


@dataclass
class Resolved:
    """The stored values a filter stands for; an empty set means the filter was not given."""

    techniques: set[str] = field(default_factory=set)
    genres: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)


def resolve(conn, *, technique: str | None = None, genre: str | None = None, outlet: str | None = None) -> Resolved:
    """Each given filter as the stored values it matches; raises ``E511`` for a value that matches nothing known."""
    found = Resolved()
    if technique:
        found.techniques = techniques(conn, technique)
    if genre:
        found.genres = genres(conn, genre)
    if outlet:
        found.outlets, found.domains = outlets(conn, outlet)
    return found


def catalogue() -> dict[str, str]:
    """Technique label -> the title the UI shows (resources/techniques.json)."""
    raw = resources.files("spinscope").joinpath("resources", "techniques.json").read_text(encoding="utf-8")
    return {label: info.get("title", label) for label, info in json.loads(raw).items()}


def _technique_names(label: str, title: str | None) -> set[str]:
    names = {key(label), key(title or "")}
    names |= {key(part) for part in label.split(",")} | {key(part) for part in (title or "").split("/")}
    return names - {""}


def techniques(conn, value: str) -> set[str]:
    """The technique labels ``value`` names, among the catalogue's and the store's."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import spans

    titles = catalogue()
    stored = {label for (label,) in conn.execute(sa.select(spans.c.label).where(spans.c.kind == "technique").distinct())}
    known = sorted(set(titles) | stored)
    wanted = key(value)
    exact = {label for label in known if label == value.strip()}
    matched = exact or {label for label in known if wanted in _technique_names(label, titles.get(label))}
    if not matched:
        raise _unknown("technique", value, known)
    return matched


def genres(conn, value: str) -> set[str]:
    """The stored genres equal to ``value`` but for case; a genre the genre detector gives but the store lacks matches nothing, quietly."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles
    from spinscope.detectors.genre.detector import GENRES

    stored = {g for (g,) in conn.execute(sa.select(articles.c.genre).where(articles.c.genre.is_not(None)).distinct())}
    wanted = value.strip().lower()
    matched = {g for g in stored if g.lower() == wanted}
    if not matched and wanted not in GENRES:
        raise _unknown("genre", value, sorted(stored | set(GENRES)))
    return matched or {wanted}


def outlets(conn, value: str) -> tuple[set[str], set[str]]:
    """(stored outlet strings, stored domains) that ``value`` names: any spelling of an outlet, its domain, or the domain's bare name."""
    import sqlalchemy as sa

    from spinscope.corpus.outlet_names import domain_stem, outlet_groups
    from spinscope.corpus.schema import articles

    groups = outlet_groups(conn)
    stored_domains = {d for (d,) in conn.execute(sa.select(articles.c.domain).where(articles.c.domain.is_not(None)).distinct())}
    wanted, lower = key(value), value.strip().lower()
    domains = {d for d in stored_domains if d.lower() == lower or (wanted and domain_stem(d) == wanted)}
    names: set[str] = set()
    for outlet, group in groups.items():
        spellings = [group["outlet"], *group["aliases"]]
        own = {s.lower() for s in spellings} | {key(s) for s in spellings}
        if group["domain"]:
            own |= {group["domain"].lower(), domain_stem(group["domain"])}
        if lower in own or (wanted and wanted in own) or (group["domain"] and group["domain"] in domains):
            names.add(outlet)
    if not names and not domains:
        raise _unknown("outlet", value, sorted({g["outlet"] for g in groups.values()}))
    return names, domains


def _unknown(what: str, value: str, known: list[str]) -> UsageError:
    shown = ", ".join(known[:KNOWN_SHOWN]) + (f", … ({len(known) - KNOWN_SHOWN} more)" if len(known) > KNOWN_SHOWN else "")
    return UsageError("E511", what=what, value=value, known=shown or "none stored")


def conditions(found: Resolved) -> list:
    """SQLAlchemy conditions on ``articles`` for the resolved technique, genre and outlet filters."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import spans

    conds = []
    if found.techniques:
        conds.append(sa.exists().where(spans.c.article_id == a.c.id, spans.c.kind == "technique", spans.c.label.in_(sorted(found.techniques))))
    if found.genres:
        conds.append(a.c.genre.in_(sorted(found.genres)))
    if found.outlets or found.domains:
        conds.append(sa.or_(a.c.outlet.in_(sorted(found.outlets)), a.c.domain.in_(sorted(found.domains))))
    return conds
