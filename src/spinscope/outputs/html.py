"""The HTML report: one self-contained file (inline CSS and JS, no network) for one or many articles.

It streams like the other writers: the head is written at once, each article
as it arrives, and the summary table by outlet plus the closing tags in
``close``.  It shows what the analyses hold; it only counts and arranges.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from typing import IO

from spinscope.model import Analysis
from spinscope.outputs.base import Writer


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
        head = self._env.get_template("report_head.html")
        self.stream.write(head.render(css=css, version=__version__, script_hash=csp_hash(self._js), style_hash=csp_hash(css)))

    def _write(self, analysis: Analysis) -> None:
        from spinscope.web.render import article_view

        number = self.count + 1
        self.stream.write(self._env.get_template("report_article.html").render(view=article_view(analysis), number=number))
        self._contents.append({"number": number, "id": analysis.id, "title": analysis.title, "outlet": analysis.outlet})
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
        summary = None if self.single or self.count < 2 else self.summary()
        tail = self._env.get_template("report_tail.html")
        self.stream.write(tail.render(summary=summary, contents=self._contents, count=self.count, js=self._js))
        super().close()

    def summary(self) -> list[dict]:
        """One row per outlet, most articles first: counts only."""
        rows = sorted(self._outlets.values(), key=lambda r: (-r["articles"], r["outlet"] or ""))
        return [{**r, "techniques": sum(r["by"].values()), "by_technique": sorted(r["by"].items(), key=lambda kv: (-kv[1], kv[0]))} for r in rows]
