"""One name per person across a store: a person stored under the surname alone takes the one full name
stored with that surname ("Trump" in an early article, "Donald Trump" in later ones).

The streaming merger (:mod:`spinscope.detectors.actors.merge`) names a person by the first full name
it meets from then on, but an article stored before that still lists the surname alone; this pass,
run at the end of ``corpus add``, renames those rows, so that ``search --actor "Donald Trump"`` and
the actor views find every article.  A surname stored with several full names ("Clinton": Bill and
Hillary) is left alone.
"""

from __future__ import annotations

from collections import defaultdict


def fuller_names(conn) -> int:
    """Rename surname-only person rows to their one full name; the number of rows renamed."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import actors
    from spinscope.detectors.actors.aliases import normalise

    names = [name for (name,) in conn.execute(sa.select(actors.c.name).where(actors.c.type == "person").distinct())]
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = normalise(name).split()
        if len(words) > 1:
            full_by_surname[words[-1]].add(name)
    renamed = 0
    for name in names:
        words = normalise(name).split()
        fulls = full_by_surname.get(words[0]) if len(words) == 1 else None
        if fulls and len({" ".join(w for w in normalise(f).split() if len(w.rstrip(".")) > 1) for f in fulls}) == 1:  # "Donald J. Trump" is "Donald Trump"
            full = max(fulls, key=lambda f: (len(f), f))
            result = conn.execute(actors.update().where(actors.c.type == "person", actors.c.name == name).values(name=full))
            renamed += result.rowcount or 0
    return renamed
