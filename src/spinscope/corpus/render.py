"""Print a view's rows as a Rich table, CSV or JSON.

JSON carries every key of every row (the scripted contract).  CSV is tidy
(:mod:`.tables`): objects become dotted columns, lists of names one
``"; "``-joined cell, never JSON.  The table shows the columns a view names
(but those empty in every row), objects and lists as short text, long cells
cut with an ellipsis, fitted to the terminal's width.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from spinscope.errors import UsageError

CELL_CHARS = 120  # longest cell text in the terminal table; longer ends in an ellipsis


def emit(
    rows: list[dict],
    fmt: str,
    columns: tuple[str, ...],
    *,
    title: str = "",
    choices: tuple[str, ...] = ("table", "json"),
    tidy: Callable[[list[dict]], list[dict]] | None = None,
) -> None:
    """``tidy`` turns the rows into the CSV's rows (default: each row flattened)."""
    if fmt not in choices:
        raise UsageError("E201", name=fmt, choices=", ".join(choices))
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        _csv(rows, columns, tidy)
    else:
        _table(rows, columns, title)


def cell(value) -> str:
    """One value as short text: numbers rounded, objects as ``key: value`` pairs joined with semicolons, lists joined with commas."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, dict) and "label" in value and "text" in value:  # a span: its label and text
        return f"{value['label']}: {value['text']}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {cell(v)}" if v not in (None, "", {}, []) else str(k) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def short(text: str, limit: int = CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _csv(rows: list[dict], columns: tuple[str, ...], tidy) -> None:
    from spinscope.corpus.export import write_table
    from spinscope.corpus.tables import flatten, listed

    flat = tidy(rows) if tidy else [flatten(r) for r in rows]
    write_table(listed(flat, columns), "csv", None)


def _table(rows: list[dict], columns: tuple[str, ...], title: str, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    texts = [[short(cell(row.get(c))) for c in columns] for row in rows]
    shown = [i for i, _ in enumerate(columns) if i == 0 or not rows or any(t[i] for t in texts)]  # a column empty in every row is left out
    table = Table(title=f"{title} ({len(rows)})" if title else None, expand=False)
    for i in shown:
        table.add_column(columns[i].replace("_", " "), overflow="fold")
    for t in texts:
        table.add_row(*(t[i] for i in shown))
    (console or Console()).print(table)
