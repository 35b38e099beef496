"""Small display helpers for the corpus pages: SVG bar charts and search-match highlighting.

Charts are inline SVG drawn from the numbers the corpus views return; bar
lengths are only those numbers scaled to the chart width.
"""

from __future__ import annotations

import re

CHART_WIDTH = 360
BAR_HEIGHT = 16
LABEL_WIDTH = 170


def numeric_columns(rows: list[dict]) -> list[str]:
    """Columns holding a number in every row (in the rows' own order), ids excluded."""
    if not rows:
        return []
    keys = [k for k in rows[0] if k not in ("id",)]
    return [k for k in keys if all(isinstance(r.get(k), (int, float)) and not isinstance(r.get(k), bool) for r in rows)]


VALUE_WIDTH = 70  # room for the number after the longest bar


def bar_chart(title: str, items: list[tuple[str, float]]) -> dict:
    """One horizontal bar per item: label, value, bar position and width in pixels, and y position.

    Bars are scaled against the largest absolute value drawn and start from a
    zero line: at the left when no value is negative, at the right when none is
    positive, in the middle when there are both (tone runs from -1 to 1), so
    every bar stays inside the SVG.
    """
    values = [float(v) for _, v in items]
    top = max((abs(v) for v in values), default=0.0) or 1.0
    negative, positive = any(v < 0 for v in values), any(v > 0 for v in values)
    room = CHART_WIDTH / 2 if negative and positive else CHART_WIDTH
    zero = LABEL_WIDTH + (room if negative else 0)
    bars = []
    for i, ((label, value), v) in enumerate(zip(items, values)):
        width = round(room * abs(v) / top, 1)
        x = round(zero - width, 1) if v < 0 else zero
        bars.append({"label": str(label), "value": value, "x": x, "width": width, "text_x": round(zero + 6 if v < 0 else x + width + 6, 1), "y": i * (BAR_HEIGHT + 6)})
    width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH
    return {"title": title, "bars": bars, "height": len(bars) * (BAR_HEIGHT + 6), "label_width": LABEL_WIDTH, "zero": zero, "width": width, "bar_height": BAR_HEIGHT}


def outlet_charts(rows: list[dict]) -> list[dict]:
    """A chart per numeric column of the outlet table, and one per technique rate when rows carry a rates dict."""
    name = "outlet" if rows and "outlet" in rows[0] else (next(iter(rows[0]), "") if rows else "")
    charts = [bar_chart(col.replace("_", " "), [(r.get(name), r[col]) for r in rows]) for col in numeric_columns(rows)]
    rates = [k for k in (rows[0] if rows else {}) if any(isinstance(r.get(k), dict) for r in rows)]
    for key in rates:
        labels = sorted({label for r in rows for label in (r.get(key) or {})})
        for label in labels:
            values = [(r.get(name), (r.get(key) or {}).get(label) or 0) for r in rows]
            if all(isinstance(v, (int, float)) for _, v in values):
                charts.append(bar_chart(f"{key.replace('_', ' ')}: {label.replace('_', ' ')}", values))
    return charts


def highlight(text: str, query: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_match) pairs for the query's words, so the template can escape every piece."""
    words = [re.escape(w) for w in re.findall(r"\w+", query or "") if len(w) > 1]
    if not words or not text:
        return [(text or "", False)]
    pattern = re.compile("(" + "|".join(sorted(words, key=len, reverse=True)) + ")", re.IGNORECASE)
    return [(piece, i % 2 == 1) for i, piece in enumerate(pattern.split(text)) if piece]
