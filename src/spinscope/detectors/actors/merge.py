"""Actors merged across the analyses of one batch.

Within an article the resolver merges spellings; across articles,
:func:`merge_across` gives one actor the same canonical name and id in every
analysis of a batch: actors of the same type whose names are alias-table
equal, spelled alike, or where one is a surname-only form of exactly one full
name in the batch, are joined, and the longest name wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from spinscope.detectors.actors import aliases
from spinscope.detectors.actors.resolve import similar, slug


def _key(actor) -> str:
    return aliases.normalise(actor.name)


def _groups(actors: list) -> dict[int, int]:
    """Union-find over actors of the batch: index -> representative index."""
    parent = list(range(len(actors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    full = [i for i, a in enumerate(actors) if a.type == "person" and len(a.name.split()) > 1]
    for i, a in enumerate(actors):
        for j in range(i):
            b = actors[j]
            if a.type == b.type and find(i) != find(j) and _same(a, b):
                parent[find(i)] = find(j)
        if a.type == "person" and len(a.name.split()) == 1:
            hits = {find(j) for j in full if similar(_key(a), _key(actors[j]).split()[-1])}
            if len(hits) == 1:
                parent[find(i)] = hits.pop()
    return {i: find(i) for i in range(len(actors))}


def _same(a, b) -> bool:
    ka, kb = _key(a), _key(b)
    if a.type == "person" and (len(ka.split()) == 1) != (len(kb.split()) == 1):
        return False  # surname-only forms are joined only when unambiguous (see _groups)
    return ka == kb or similar(ka, kb) or bool(set(map(aliases.normalise, a.aliases)) & {kb})


def merge_across(analyses: Iterable) -> list:
    """Give each actor one canonical name and id across a batch of analyses (edited in place, returned).

    Quote spans' ``attrs.actor`` and actor mention spans are renamed with it,
    so an actor can be followed from article to article by its id.
    """
    analyses = list(analyses)
    actors = [a for an in analyses for a in (getattr(an, "actors", None) or [])]
    rep = _groups(actors)
    names: dict[int, str] = {}
    for i, a in enumerate(actors):
        r = rep[i]
        if r not in names or len(a.name) > len(names[r]):
            names[r] = a.name
    index = 0
    for an in analyses:
        renamed = {}
        for a in getattr(an, "actors", None) or []:
            name = names[rep[index]]
            new_id = slug(name)
            renamed[a.id] = new_id
            if name != a.name:
                a.aliases = sorted({*a.aliases, a.name} - {name})
            a.name, a.id = name, new_id
            index += 1
        for span in an.spans:
            if span.attrs.get("actor") in renamed:
                span.attrs["actor"] = renamed[span.attrs["actor"]]
    return analyses
