"""Analyses as pandas DataFrames: :func:`to_pandas` for analyses in hand, :func:`read_store` for a corpus store.

Both build the same :class:`Frames` (articles, spans, claims, quotes, actors; columns in
:mod:`.rows`) a page of articles at a time, so a store is streamed: only the frames are held.
pandas is imported on first use; without it these raise ``E260``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from spinscope.corpus.rows import PAGE
from spinscope.errors import UsageError
from spinscope.model import Analysis
from spinscope.notebook.rows import COLUMNS, FRAMES, rows_of

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DATETIME = "datetime64[us, UTC]"


class Frames(NamedTuple):
    """One tidy DataFrame per kind of row; unpack it or read its fields by name."""

    articles: Any
    spans: Any
    claims: Any
    quotes: Any
    actors: Any


def pandas(what: str):
    """The pandas module, or ``E260`` naming the extra to install."""
    try:
        import pandas as pd
    except ImportError:
        raise UsageError("E260", what=what) from None
    return pd


def to_pandas(analyses: Analysis | dict | Iterable[Analysis | dict]) -> Frames:
    """The frames of ``analyses``: :class:`~spinscope.model.Analysis` objects or their dicts, one or many."""
    pd = pandas("to_pandas")
    if isinstance(analyses, (Analysis, dict)):
        analyses = [analyses]
    return build(pd, (a.to_dict() if isinstance(a, Analysis) else a for a in analyses))


def read_store(db: Any = "sqlite:///spinscope.db") -> Frames:
    """The frames of every analysis in the store at ``db`` (a URL, a SQLite path, or an open ``Store``), in the order added."""
    pd = pandas("read_store")
    from spinscope.corpus.export import iter_rows
    from spinscope.corpus.store import Store, StoreError

    store = db if isinstance(db, Store) else Store(str(db))
    path = store.sqlite_path()
    if path is not None and not path.exists():
        raise StoreError("E510", path=path)
    try:
        return build(pd, (json.loads(analysis) for _id, analysis in iter_rows(store)))
    finally:
        if store is not db:
            store.close()


def build(pd, items: Iterator[dict]) -> Frames:
    """The frames of the analysis dicts ``items``, made a page at a time and joined at the end."""
    pages: dict[str, list] = {name: [] for name in FRAMES}
    rows: dict[str, list[dict]] = {name: [] for name in FRAMES}
    count = 0
    for data in items:
        for name, found in rows_of(data).items():
            rows[name] += found
        count += 1
        if count % PAGE == 0:
            for name in FRAMES:
                pages[name].append(frame(pd, name, rows[name]))
                rows[name] = []
    for name in FRAMES:
        if rows[name] or not pages[name]:
            pages[name].append(frame(pd, name, rows[name]))
    return Frames(*(_joined(pd, pages[name]) for name in FRAMES))


def _joined(pd, pages: list):
    if len(pages) == 1:
        return pages[0]
    return pd.concat(pages, ignore_index=True)


def frame(pd, name: str, rows: list[dict]):
    """One frame of ``rows``, with the columns and dtypes of ``COLUMNS[name]`` in order (none: zero rows)."""
    return pd.DataFrame({column: _column(pd, [r.get(column) for r in rows], dtype) for column, dtype in COLUMNS[name]}, index=pd.RangeIndex(len(rows)))


def _column(pd, values: list, dtype: str) -> "pd.Series":
    if dtype == "datetime":
        text = pd.Series(values, dtype="string")
        return pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True).astype(DATETIME)
    if dtype == "object":
        return pd.Series(values, dtype=object)
    if dtype == "float64":
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    return pd.Series(values, dtype=dtype)
