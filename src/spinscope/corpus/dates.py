"""Publication dates as the records give them (ISO strings, mostly) -> comparable dates."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: str | None) -> date | None:
    """The calendar date at the start of an ISO-like string; None when there is none."""
    if not value:
        return None
    match = _ISO.search(value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
