"""Actors merged across the analyses of one batch.

Within an article the resolver merges spellings; across articles,
:func:`merge_across` gives one actor the same canonical name and id in every
analysis of a batch: actors of the same type whose names are alias-table
equal, spelled alike, or where one is a surname-only form of exactly one full
name in the batch, are joined, and the longest name wins.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from types import SimpleNamespace

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


# Names the streaming merger remembers: a few MB at most, however long the stream.
MAX_NAMES = 10_000
_AMBIGUOUS = None  # a surname seen with several full names: never merged on it


class StreamingMerger:
    """Canonical actor names across a stream of analyses, one analysis at a time.

    The actors detector's stream stage (:mod:`spinscope.engine`): every article of one
    call names the same actor alike without holding the batch in memory.  An
    actor takes the name and id of the first actor of its type seen earlier in
    the stream whose name, or one of whose aliases, is the same after
    normalisation; a surname-only person takes the one full name seen with
    that surname (left alone when there are several).  Earlier analyses are
    never changed, so a stream keeps the first spelling it met, where
    :func:`merge_across` (whole batch at once) prefers the longest; a person first met by
    the surname alone keeps that id, and takes the first full name met later ("Trump", then
    "Donald Trump": id ``trump`` throughout, named "Donald Trump" from that article on).

    Memory stays bounded: the merger remembers the ``max_names`` most recently
    used names (and as many surnames), least recently used forgotten first, so
    an actor unseen for that many names keeps its own spelling when it returns.
    """

    def __init__(self, max_names: int = MAX_NAMES) -> None:
        self.max_names = max_names
        self._canon: OrderedDict[tuple[str, str], tuple[str, str]] = OrderedDict()  # (type, key) -> (name, id)
        self._surnames: OrderedDict[str, tuple[str, str] | None] = OrderedDict()  # surname key -> its one full-name entry, or _AMBIGUOUS
        self._sounds: OrderedDict[tuple[str, str], tuple[str, tuple[str, str]]] = OrderedDict()  # (type, skeleton) -> (key, entry)

    def seed(self, known: Iterable[tuple[str, str]]) -> None:
        """Remember actors named before this stream, as ``(name, type)`` pairs, oldest first.

        They count as if their analyses had come first: ``corpus add`` seeds
        the merger with the store's most recent actors, so that articles
        added by a later or resumed run name an actor as the earlier runs
        did.  Each takes the id its name gives (:func:`slug`).
        """
        for name, type_ in known:
            actor = SimpleNamespace(name=name, id=slug(name), type=type_, aliases=[])
            if self._lookup(actor) is None:
                self._register(actor)

    def merge(self, analysis):
        renamed = {}
        for actor in getattr(analysis, "actors", None) or []:
            found = self._lookup(actor)
            if found is None:
                self._register(actor)
                continue
            name, new_id = found
            if name != actor.name:
                actor.aliases = sorted({*actor.aliases, actor.name} - {name})
            renamed[actor.id] = new_id
            actor.name, actor.id = name, new_id
        for span in analysis.spans:
            if span.attrs.get("actor") in renamed:
                span.attrs["actor"] = renamed[span.attrs["actor"]]
        return analysis

    apply = merge  # the engine's name for a stream stage's step

    def _lookup(self, actor):
        for key in _names(actor):
            if (actor.type, key) in self._canon:
                self._canon.move_to_end((actor.type, key))
                return self._canon[(actor.type, key)]
        key = _key(actor)
        if actor.type in ("organisation", "group") and len(key.split()) == 1 and self._surnames.get(key) and not aliases.organisation(actor.name):
            actor.type = "person"  # "Trump" tagged as an organisation, after "Donald Trump": one type per actor
            self._surnames.move_to_end(key)
            return self._surnames[key]
        if actor.type == "person" and len(key.split()) == 1 and key in self._surnames:
            self._surnames.move_to_end(key)
            return self._surnames[key]
        if actor.type == "person" and len(key.split()) > 1:  # "Qassem Soleimani" met as "Qasem Suleimani"
            found = self._sounds.get((actor.type, skeleton(key)))
            if found is not None and similar(key, found[0]):
                self._sounds.move_to_end((actor.type, skeleton(key)))
                return found[1]
            return self._fuller(actor, key)
        return None

    def _fuller(self, actor, key: str):
        """A full name whose surname the stream met alone before ("Trump", then "Donald Trump"), with no
        other full name for it: the same person, under the id the stream gave it first and, from now on,
        the fuller name ("Donald Trump", id ``trump``)."""
        surname = key.split()[-1]
        alone = self._canon.get(("person", surname))
        if alone is None or surname in self._surnames or len(aliases.normalise(alone[0]).split()) != 1:
            return None
        entry = (actor.name, alone[1])
        for k in [(actor.type, surname), *((actor.type, n) for n in _names(actor))]:
            self._canon[k] = entry
            self._canon.move_to_end(k)
        self._surnames[surname] = entry
        self._sounds.setdefault((actor.type, skeleton(key)), (key, entry))
        return entry

    def _register(self, actor) -> None:
        entry = (actor.name, actor.id)
        for key in dict.fromkeys(_names(actor)):
            self._canon.setdefault((actor.type, key), entry)
            self._canon.move_to_end((actor.type, key))
        key = _key(actor)
        if actor.type == "person" and len(key.split()) > 1:
            surname = key.split()[-1]
            seen = self._surnames.get(surname, entry)
            self._surnames[surname] = entry if seen == entry else _AMBIGUOUS
            self._surnames.move_to_end(surname)
        if actor.type == "person" and len(key.split()) > 1:
            self._sounds.setdefault((actor.type, skeleton(key)), (key, entry))
            self._sounds.move_to_end((actor.type, skeleton(key)))
        _trim(self._canon, self.max_names)
        _trim(self._surnames, self.max_names)
        _trim(self._sounds, self.max_names)


def _names(actor) -> list[str]:
    """The keys an actor is known by across articles: its name and its aliases, except that a
    person with a full name is not known by a one-word alias — "Lynch" of "Loretta E. Lynch"
    is a surname, shared with "Stephen Lynch"; surnames go through the surname table, which
    refuses the ambiguous ones — and is also known by its full names without middle initials."""
    key = _key(actor)
    keys = [key, *map(aliases.normalise, actor.aliases)]
    if actor.type != "person" or len(key.split()) == 1:
        return keys
    full = [k for k in keys if len(k.split()) > 1]
    return [*full, *(k for k in map(_without_initials, full) if len(k.split()) > 1)]  # "Donald J. Trump" is "Donald Trump"


def skeleton(key: str) -> str:
    """A name's consonant skeleton, doubled letters made single: "qassem soleimani" and "qasem suleimani"
    are both "qsm slmn".  Only an index: a match must also pass :func:`similar`."""
    words = []
    for word in re.sub(r"[^a-z0-9 ]+", "", key.replace("-", " ")).split():
        single = re.sub(r"(.)\1+", r"\1", word)
        words.append(single[:1] + re.sub("[aeiouy]", "", single[1:]))
    return " ".join(words)


def _without_initials(key: str) -> str:
    return " ".join(w for w in key.split() if len(w.rstrip(".")) > 1)


def _trim(table: OrderedDict, size: int) -> None:
    """Forget the least recently used entries beyond ``size``."""
    while len(table) > size:
        table.popitem(last=False)
