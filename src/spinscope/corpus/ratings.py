"""Import outside ratings of outlets (factuality, bias, credibility, ...) from CSV, TSV or JSON.

Any table with a domain or URL column and rating columns works: the Baly et
al. TSVs (``source_url_normalized``, ``fact``, ``bias``), OpenSources' CSV
(an unnamed first column of domains, then ``type``...), the Media Bias/Fact
Check JSON (``sources: [{"domain", "bias", "reporting", ...}]``), a plain
``[{"domain": ..., ...}]`` list or a ``{"domain": {...}}`` mapping.  Domains
are reduced to their registered domain (``www.cnn.com/x`` -> ``cnn.com``).
Columns that hold links (a review page, the site's URL) are not ratings and are
left out.  Importing a file again replaces that file's ratings.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from spinscope.errors import UsageError

DOMAIN_COLUMNS = ("domain", "source_url_normalized", "site", "website", "source", "outlet", "url", "source_url")


def import_ratings(store, path: Path, *, dataset: str | None = None, domain_column: str | None = None) -> int:
    """Read ``path`` and store its ratings under ``dataset`` (default: the file name); returns the domains rated."""
    from spinscope.corpus.schema import ratings

    records = read_records(Path(path))
    key = domain_column if domain_column is not None else pick_domain_column(records)
    if key is None or (records and key not in records[0]):
        columns = ", ".join(sorted({k for r in records[:50] for k in r})) or "none"
        raise UsageError("E503", path=path, columns=columns)
    rows = rating_rows(records, key, dataset or Path(path).name)
    rows += alias_rows(rows, read_aliases(Path(path)))

    def replace(conn) -> None:  # safe to run twice: the dataset's rows are replaced as a whole
        conn.execute(ratings.delete().where(ratings.c.dataset == (dataset or Path(path).name)))
        if rows:
            conn.execute(ratings.insert(), rows)

    store.write(replace)
    return len({r["domain"] for r in rows})


def read_records(path: Path) -> list[dict]:
    """The file's records as dicts, whatever its shape."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("E502", path=path, detail=getattr(exc, "strerror", None) or str(exc)) from None
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        try:
            return json_records(json.loads(text))
        except json.JSONDecodeError as exc:
            raise UsageError("E502", path=path, detail=f"malformed JSON: {exc}") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" or text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if not rows:
        return []
    header = [name.strip() or f"column{i + 1}" for i, name in enumerate(rows[0])]
    return [dict(zip(header, row)) for row in rows[1:] if any(cell.strip() for cell in row)]


def read_aliases(path: Path) -> dict[str, str]:
    """``{"aliases": {"bbc.co.uk": "bbc.com"}}`` in a JSON file: other domains of a rated outlet."""
    if path.suffix.lower() != ".json":
        return {}
    try:
        aliases = json.loads(path.read_text(encoding="utf-8-sig")).get("aliases")
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(k).lower(): str(v).lower() for k, v in aliases.items()} if isinstance(aliases, dict) else {}


def alias_rows(rows: list[dict], aliases: dict[str, str]) -> list[dict]:
    """Copies of the ratings of each aliased domain under its alias (unless the alias is rated itself)."""
    rated = {r["domain"] for r in rows}
    by_domain: dict[str, list[dict]] = {}
    for row in rows:
        by_domain.setdefault(row["domain"], []).append(row)
    return [{**row, "domain": alias} for alias, target in aliases.items() if alias not in rated for row in by_domain.get(target, [])]


def json_records(data) -> list[dict]:
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)]
    if not isinstance(data, dict):
        return []
    lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
    with_domains = [v for v in lists if pick_domain_column(v) is not None]
    if with_domains:
        return max(with_domains, key=len)
    if data and all(isinstance(v, dict) for v in data.values()):
        return [{"domain": k, **v} for k, v in data.items()]
    return []


def pick_domain_column(records: list[dict]) -> str | None:
    if not records:
        return None
    keys = {k.strip().lower() if k else "": k for k in records[0]}
    for name in DOMAIN_COLUMNS:
        if name in keys:
            return keys[name]
    return next((k for k in records[0] if _looks_like_domains(records, k)), None)


def _looks_like_domains(records: list[dict], column: str) -> bool:
    """Most values are one word with a dot in it: ``cnn.com``, ``www.fury.news``."""
    values = [str(r.get(column) or "").strip() for r in records[:200]]
    values = [v for v in values if v]
    return bool(values) and sum("." in v and " " not in v for v in values) > len(values) * 0.8


def rating_rows(records: list[dict], key: str, dataset: str) -> list[dict]:
    from spinscope.corpus.write import registered_domain

    columns = [c for c in records[0] if c != key and c and not _is_link_column(records, c)] if records else []
    rows, seen = [], set()
    for record in records:
        domain = registered_domain(str(record.get(key) or "").strip().lower())
        if not domain:
            continue
        for column in columns:
            value = _value(record.get(column))
            if value is not None and (domain, column) not in seen:
                seen.add((domain, column))
                rows.append({"domain": domain, "dataset": dataset, "name": column.strip(), "value": value})
    return rows


def _is_link_column(records: list[dict], column: str) -> bool:
    values = [str(r.get(column)) for r in records[:200] if r.get(column)]
    return bool(values) and sum(v.startswith(("http://", "https://")) for v in values) > len(values) / 2


def _value(value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, list):
        return ",".join(str(v) for v in value) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value).strip()


def ratings_for(conn, domains: list[str]) -> dict[str, dict[str, dict[str, str]]]:
    """domain -> dataset -> rating name -> value."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import ratings

    found: dict[str, dict[str, dict[str, str]]] = {}
    wanted = sorted({d for d in domains if d})
    for i in range(0, len(wanted), 500):
        stmt = sa.select(ratings.c.domain, ratings.c.dataset, ratings.c.name, ratings.c.value).where(ratings.c.domain.in_(wanted[i : i + 500]))
        for domain, dataset, name, value in conn.execute(stmt):
            found.setdefault(domain, {}).setdefault(dataset, {})[name] = value
    return found
