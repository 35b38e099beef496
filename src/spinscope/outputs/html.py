"""The HTML report: one self-contained file (inline CSS and JS, no network) for one or many articles.

A report of several articles opens with its summary (a table of the articles, then one by
outlet), so the articles wait in a temporary file (in memory up to ``SPOOL_BYTES``, on disk
past it) until ``close`` writes the summary and then them; the runner closes the writer on
an interrupt or a failure too.  A single-article report (``single``) streams each article as
it arrives.  It shows what the analyses hold; it only counts and arranges.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import tempfile
from collections import Counter
from typing import IO

from spinscope.model import Analysis
from spinscope.outputs.base import Writer

SPOOL_BYTES = 8 * 1024 * 1024


def csp_hash(source: str) -> str:
    """The CSP source expression (``sha256-...``) that allows exactly this inline script or style."""
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


class HtmlWriter(Writer):
    """A self-contained HTML report with the highlighted view of every article."""

    name = "html"

    def __init__(self, stream: IO[str], single: bool = False) -> None:
        super().__init__(stream, single)
        from spinscope.version import __version__
        from spinscope.web import environment, static_text

        self._env = environment()
        self._js = static_text("spinscope.js")
        css = static_text("spinscope.css")
        self._outlets: dict[str | None, dict] = {}
        self._contents: list[dict] = []
        self._spool = None if single else tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8")
        head = self._env.get_template("report_head.html")
        self.stream.write(head.render(css=css, version=__version__, script_hash=csp_hash(self._js), style_hash=csp_hash(css), single=single))

    def _write(self, analysis: Analysis) -> None:
        from spinscope.web.render import article_view

        number = self.count + 1
        view = article_view(analysis)
        (self._spool or self.stream).write(self._env.get_template("report_article.html").render(view=view, number=number))
        self._contents.append(contents_row(analysis, number, view))
        self._tally(analysis)

    def _tally(self, analysis: Analysis) -> None:
        row = self._outlets.setdefault(analysis.outlet, {"outlet": analysis.outlet, "articles": 0, "by": Counter(), "claims": 0, "unattributed": 0, "quotes": 0})
        row["articles"] += 1
        for span in analysis.spans:
            if span.kind == "technique":
                row["by"][span.label] += 1
            elif span.kind == "claim":
                row["claims"] += 1
                row["unattributed"] += not span.attrs.get("attributed")
            elif span.kind == "quote":
                row["quotes"] += 1

    def close(self) -> None:
        if not self.single and self.count > 1:
            self.stream.write(self._env.get_template("report_summary.html").render(summary=self.summary(), contents=self._contents))
        if self._spool is not None:
            self._spool.seek(0)
            shutil.copyfileobj(self._spool, self.stream)
            self._spool.close()
            self._spool = None
        tail = self._env.get_template("report_tail.html")
        self.stream.write(tail.render(count=self.count, js=self._js))
        super().close()

    def summary(self) -> list[dict]:
        """One row per outlet, most articles first: counts only."""
        rows = sorted(self._outlets.values(), key=lambda r: (-r["articles"], r["outlet"] or ""))
        return [{**r, "techniques": sum(r["by"].values()), "by_technique": sorted(r["by"].items(), key=lambda kv: (-kv[1], kv[0]))} for r in rows]


def contents_row(analysis: Analysis, number: int, view: dict) -> dict:
    """One article's row of the summary: where it is in the report, its genre, hyperpartisan verdict and technique counts."""
    profile = analysis.profile.model_dump(exclude_none=True)
    found = profile.get("hyperpartisan")
    hyper = found if isinstance(found, dict) and "probability" in found else None
    return {
        "number": number,
        "id": analysis.id,
        "title": analysis.title,
        "outlet": analysis.outlet,
        "published": analysis.published,
        "genre": profile.get("genre"),
        "hyperpartisan": None if hyper is None else bool(hyper.get("hyperpartisan")),
        "hyperpartisan_probability": None if hyper is None else hyper["probability"],
        "techniques": view["technique_count"],
        "by_technique": [(row["label"], row["count"]) for row in view["legend"]],
    }
