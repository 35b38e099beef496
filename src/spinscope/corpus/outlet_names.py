"""One outlet, however a page names it: "The Mind Unleashed", "themindunleashed.com", "Mind Unleashed".

Stored articles keep the outlet string they came with.  The corpus views
(``outlets``, ``stories``, ``duplicates``) group those strings into one outlet
each, keyed by the outlet's registered domain where one can be found, else by
its name squashed to letters and digits:

1. a string that is a domain or URL is that domain; a name whose articles came
   with URLs is the domain most of them came from;
2. a name that an imported ratings file gives for a domain (the Media
   Bias/Fact Check list's ``name`` column: ``outlets import-ratings``) is that
   domain;
3. a name whose letters spell a domain known to the store, with or without a
   leading "The" ("The Mind Unleashed" -> ``themindunleashed.com``), is that
   domain.

Each group is shown under the spelling most of its articles carry (a name
before a domain), with the others listed as aliases.  ``unknown`` stays apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spinscope.corpus.domains import squash

__all__ = ["canonical", "group_outlets", "names_outlet", "outlet_groups", "squash"]

UNKNOWN = "unknown"


def _stems(name: str) -> list[str]:
    s = squash(name)
    return [s, s[3:]] if s.startswith("the") and len(s) >= 8 else [s]


def domain_stem(domain: str) -> str:
    """The domain's name part: 'themindunleashed.com' -> 'themindunleashed', 'news.bbc.co.uk' -> 'bbc'."""
    from spinscope.corpus.domains import registered_domain

    reg = registered_domain(domain) or domain
    return squash(reg.split(".", 1)[0])


def looks_like_domain(outlet: str) -> bool:
    return " " not in outlet.strip() and "." in outlet.strip(".") and bool(re.search(r"\.[a-z]{2,}(/|$)", outlet.strip().lower()))


def group_outlets(counts: dict[str, int], domains: dict[str, str], named: dict[str, str] | None = None) -> dict[str, dict]:
    """``{outlet string: article count}``, ``{outlet string: its articles' domain}`` and ``{squashed name: domain}``
    from ratings -> ``{outlet string: {"outlet", "domain", "aliases"}}``, one shared dict per group."""
    from spinscope.corpus.domains import registered_domain

    named = named or {}
    key: dict[str, str] = {}
    domain_of: dict[str, str | None] = {}
    for outlet in counts:
        domain = domains.get(outlet) or (registered_domain(outlet.lower()) if looks_like_domain(outlet) else None)
        domain = domain or next((named[s] for s in _stems(outlet) if s in named), None)
        domain_of[outlet] = domain
    by_stem: dict[str, set[str]] = defaultdict(set)
    for domain in set(filter(None, domain_of.values())) | set(named.values()):
        for stem in _stems(domain_stem(domain)):  # 'themindunleashed' also answers to 'mindunleashed'
            by_stem[stem].add(domain)
    for outlet in counts:
        if outlet == UNKNOWN:
            key[outlet] = UNKNOWN
            continue
        domain = domain_of[outlet]
        if domain is None:
            matches = {d for s in _stems(outlet) for d in by_stem.get(s, ())}
            domain = min(matches) if matches else None
            domain_of[outlet] = domain
        key[outlet] = domain or "name:" + squash(outlet)
    members: dict[str, list[str]] = defaultdict(list)
    for outlet, k in key.items():
        members[k].append(outlet)
    groups: dict[str, dict] = {}
    for names in members.values():
        names.sort(key=lambda o: (looks_like_domain(o), -counts[o], o))
        domain = next((domain_of[o] for o in names if domain_of[o]), None)
        group = {"outlet": names[0], "domain": domain, "aliases": names[1:]}
        for o in names:
            groups[o] = group
    return groups


def outlet_groups(conn) -> dict[str, dict]:
    """Every stored outlet string -> its group (see :func:`group_outlets`), read from the store."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import articles as a
    from spinscope.corpus.schema import ratings as r

    counts: Counter = Counter()
    per_domain: dict[str, Counter] = defaultdict(Counter)
    for outlet, domain, n in conn.execute(sa.select(a.c.outlet, a.c.domain, sa.func.count()).group_by(a.c.outlet, a.c.domain)):
        counts[outlet] += n
        if domain:
            per_domain[outlet][domain] += n
    domains = {o: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for o, c in per_domain.items()}
    named: dict[str, str] = {}
    for domain, value in conn.execute(sa.select(r.c.domain, r.c.value).where(r.c.name == "name").order_by(r.c.domain)):
        for stem in _stems(value or ""):
            if stem:
                named.setdefault(stem, domain)
    return group_outlets(dict(counts), domains, named)


def canonical(groups: dict[str, dict], outlet: str | None) -> str | None:
    """The outlet string's group name (itself when it is not stored)."""
    if outlet is None:
        return None
    group = groups.get(outlet)
    return group["outlet"] if group else outlet


def names_outlet(groups: dict[str, dict], name: str | None, outlet: str | None) -> bool:
    """Whether ``name`` (an origin: "The Mind Unleashed", ``themindunleashed.com``, a URL) is the stored ``outlet``."""
    if not name or not outlet or outlet == UNKNOWN:
        return False
    group = groups.get(outlet) or {"outlet": outlet, "domain": None, "aliases": []}
    spellings = [group["outlet"], *group["aliases"]]
    wanted = set(_stems(name))
    if looks_like_domain(name) or name.startswith(("http://", "https://")):
        from spinscope.corpus.domains import registered_domain

        domain = registered_domain(name.lower())
        if domain and domain == group["domain"]:
            return True
        wanted |= {domain_stem(domain)} if domain else set()
    have = {s for o in spellings for s in _stems(o)} | ({domain_stem(group["domain"])} if group["domain"] else set())
    return bool(wanted & have)
