"""Print a view's rows as a Rich table, CSV or JSON.

JSON carries every key of every row (the scripted contract); the table and CSV
show the columns a view names, with nested values written compactly.
"""

from __future__ import annotations

import csv
import json
import sys

from spinscope.errors import UsageError


def emit(rows: list[dict], fmt: str, columns: tuple[str, ...], *, title: str = "", choices: tuple[str, ...] = ("table", "json")) -> None:
    if fmt not in choices:
        raise UsageError("E201", name=fmt, choices=", ".join(choices))
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        _csv(rows, columns)
    else:
        _table(rows, columns, title)


def cell(value) -> str:
    """One value as short text: numbers rounded, lists and objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _csv(rows: list[dict], columns: tuple[str, ...]) -> None:
    keys = list(columns) + sorted({k for r in rows for k in r} - set(columns))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(keys)
    for row in rows:
        out.writerow([cell(row.get(k)) for k in keys])


def _table(rows: list[dict], columns: tuple[str, ...], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})" if title else None)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    Console().print(table)
