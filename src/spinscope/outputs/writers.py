"""The JSON, JSONL, CSV and SemEval writers (the HTML report is in :mod:`.html`).

A run that fails or is interrupted part-way keeps everything written before;
``close`` finishes the document (e.g. the closing bracket of a JSON list).
"""

from __future__ import annotations

import csv
import json
import re
from typing import IO

from spinscope.model import Analysis
from spinscope.outputs.base import Writer

TECHNIQUE_KIND = "technique"
_ARTICLE_ID = re.compile(r"^article(\d+)$")


class JsonWriter(Writer):
    """One JSON document for a single article, a JSON list for several."""

    name = "json"

    def _write(self, analysis: Analysis) -> None:
        body = analysis.to_json(indent=2)
        if self.single:
            self.stream.write(body + "\n")
            return
        self.stream.write(("[\n" if self.count == 0 else ",\n") + body)

    def close(self) -> None:
        if not self.single:
            self.stream.write("]\n" if self.count else "[]\n")
        super().close()


class JsonlWriter(Writer):
    name = "jsonl"

    def _write(self, analysis: Analysis) -> None:
        self.stream.write(analysis.to_json() + "\n")


class CsvWriter(Writer):
    """One row per span, with the article id and the span's text, then the article's outlet, title, date, URL and source.

    ``attrs`` stays the span's attrs as compact JSON (the column scripts read);
    ``spinscope corpus export --table spans`` gives them as flat columns instead.
    """

    name = "csv"
    COLUMNS = ("article_id", "kind", "label", "start", "end", "score", "text", "attrs", "outlet", "title", "published", "url", "source")

    def __init__(self, stream: IO[str], single: bool = False) -> None:
        super().__init__(stream, single)
        self._csv = csv.writer(stream, lineterminator="\n")
        self._csv.writerow(self.COLUMNS)

    def _write(self, analysis: Analysis) -> None:
        for s in analysis.spans:
            attrs = json.dumps(s.attrs, ensure_ascii=False, sort_keys=True) if s.attrs else ""
            article = (analysis.outlet or "", analysis.title or "", analysis.published or "", analysis.url or "", analysis.source or "")
            self._csv.writerow((analysis.id, s.kind, s.label, s.start, s.end, f"{s.score:.4f}", analysis.span_text(s), attrs, *article))


def semeval_id(analysis: Analysis) -> str:
    """The digits of ``article<ID>``, as the SemEval-2020 Task 11 files use; else the id as is."""
    match = _ARTICLE_ID.match(analysis.id)
    return match.group(1) if match else analysis.id


class SemevalTCWriter(Writer):
    """``ID<TAB>technique<TAB>start<TAB>end`` for every technique span."""

    name = "semeval-tc"

    def _write(self, analysis: Analysis) -> None:
        art = semeval_id(analysis)
        for s in analysis.spans:
            if s.kind == TECHNIQUE_KIND:
                self.stream.write(f"{art}\t{s.label}\t{s.start}\t{s.end}\n")


class SemevalSIWriter(Writer):
    """``ID<TAB>start<TAB>end``: technique spans with overlapping ones merged, as the SI task scores them."""

    name = "semeval-si"

    def _write(self, analysis: Analysis) -> None:
        art = semeval_id(analysis)
        for start, end in merge_intervals((s.start, s.end) for s in analysis.spans if s.kind == TECHNIQUE_KIND):
            self.stream.write(f"{art}\t{start}\t{end}\n")


def merge_intervals(intervals) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]
