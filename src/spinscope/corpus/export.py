"""``corpus export``: everything back out, analyses byte-for-byte as ``analyze`` wrote them.

- ``jsonl``: the stored analysis JSON, one a line, in the order articles were added;
- ``csv``: one row per span, the same columns as ``analyze --format csv``;
- ``parquet``: one row per article: flat columns plus the analysis JSON.

``--table`` writes one tidy table instead (:mod:`.tables`: articles, spans,
outlets, stories, story_outlets, story_articles, duplicates) as CSV or
Parquet, with no JSON in any cell.

Rows are read in pages, so memory stays flat however large the store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from spinscope.corpus.rows import PAGE, iter_rows
from spinscope.errors import UsageError

FORMATS = ("jsonl", "csv", "parquet")
TABLE_FORMATS = ("csv", "parquet")


def export(store, fmt: str, output: Path | None) -> int:
    """Write the store in ``fmt`` to ``output`` (stdout when None); returns the number of articles."""
    if fmt not in FORMATS:
        raise UsageError("E201", name=fmt, choices=", ".join(FORMATS))
    if fmt == "parquet":
        if output is None:
            return _parquet(store, sys.stdout.buffer)
        return _parquet(store, _checked(output))
    if output is None:
        return _text(store, fmt, sys.stdout)
    with open(_checked(output), "w", encoding="utf-8", newline="") as stream:
        return _text(store, fmt, stream)


def _checked(output: Path) -> Path:
    try:
        Path(output).open("ab").close()
    except OSError as exc:
        raise UsageError("E203", path=output, detail=exc.strerror or str(exc)) from None
    return output


def _text(store, fmt: str, stream) -> int:
    count = 0
    if fmt == "jsonl":
        for _id, analysis in iter_rows(store):
            stream.write(analysis + "\n")
            count += 1
        return count
    from spinscope.model import Analysis
    from spinscope.outputs.writers import CsvWriter

    writer = CsvWriter(stream)
    for _id, analysis in iter_rows(store):
        writer.write(Analysis.from_json(analysis))
        count += 1
    writer.close()
    return count


PARQUET_COLUMNS = ("id", "doc_id", "content_hash", "url", "outlet", "domain", "title", "published", "source", "words", "genre", "tone", "previous_version", "added_at", "analysis")


def _pyarrow():
    """pyarrow and pyarrow.parquet, or ``E207`` when pyarrow is not installed."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("E207", format="parquet") from None
    return pa, pq


def _parquet(store, target) -> int:
    pa, pq = _pyarrow()

    schema = pa.schema(
        [
            ("store_id", pa.int64()),
            ("id", pa.string()),
            ("content_hash", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("domain", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("source", pa.string()),
            ("words", pa.int64()),
            ("genre", pa.string()),
            ("tone", pa.float64()),
            ("previous_version", pa.int64()),
            ("added_at", pa.float64()),
            ("spans", pa.int64()),
            ("techniques", pa.int64()),
            ("analysis", pa.string()),
        ]
    )
    count = 0
    with pq.ParquetWriter(target, schema) as writer:
        page: list[dict] = []
        for row in iter_rows(store, PARQUET_COLUMNS):
            page.append(_parquet_row(row))
            if len(page) >= PAGE:
                writer.write_table(pa.Table.from_pylist(page, schema=schema))
                count += len(page)
                page = []
        if page or not count:
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
            count += len(page)
    return count


def _parquet_row(row) -> dict:
    record = dict(zip(PARQUET_COLUMNS, row))
    spans = json.loads(record["analysis"]).get("spans", [])
    record["store_id"] = record.pop("id")
    record["id"] = record.pop("doc_id")
    record["spans"] = len(spans)
    record["techniques"] = sum(1 for s in spans if s["kind"] == "technique")
    return record


def export_table(store, name: str, fmt: str, output: Path | None, **options) -> int:
    """Write tidy table ``name`` (:data:`spinscope.corpus.tables.TABLES`) as CSV or Parquet; returns the number of rows."""
    from spinscope.corpus.tables import table

    if fmt not in TABLE_FORMATS:
        raise UsageError("E201", name=fmt, choices=", ".join(TABLE_FORMATS))
    if fmt == "parquet":
        _pyarrow()
    found = table(store, name, **options)
    return write_table(found, fmt, output)


def write_table(found, fmt: str, output: Path | None) -> int:
    """Write a :class:`spinscope.corpus.tables.Table` as CSV or Parquet to ``output`` (stdout when None)."""
    if fmt == "parquet":
        return _parquet_table(found, sys.stdout.buffer if output is None else _checked(output))
    if output is None:
        return _csv_table(found, sys.stdout)
    with open(_checked(output), "w", encoding="utf-8", newline="") as stream:
        return _csv_table(found, stream)


def csv_value(value) -> str:
    """One cell: empty for null, ``true``/``false``, numbers in full."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv_table(found, stream) -> int:
    import csv

    out = csv.writer(stream, lineterminator="\n")
    out.writerow(found.columns)
    count = 0
    for row in found.rows:
        out.writerow([csv_value(row.get(c)) for c in found.columns])
        count += 1
    return count


ARROW_TYPES = {"bool": "bool_", "int": "int64", "float": "float64", "str": "string"}


def _cast(value, kind: str):
    if value is None:
        return None
    if kind == "str":
        return value if isinstance(value, str) else csv_value(value)
    if kind == "float":
        return float(value)
    return value


def _parquet_table(found, target) -> int:
    pa, pq = _pyarrow()
    schema = pa.schema([(c, getattr(pa, ARROW_TYPES[found.types.get(c, "str")])()) for c in found.columns])
    count = 0
    with pq.ParquetWriter(target, schema) as writer:
        page: list[dict] = []
        for row in found.rows:
            page.append({c: _cast(row.get(c), found.types.get(c, "str")) for c in found.columns})
            if len(page) >= PAGE:
                writer.write_table(pa.Table.from_pylist(page, schema=schema))
                count, page = count + len(page), []
        if page or not count:
            writer.write_table(pa.Table.from_pylist(page, schema=schema))
            count += len(page)
    return count
