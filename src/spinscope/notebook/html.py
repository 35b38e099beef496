"""Analyses shown in Jupyter as the HTML report: the same document ``--format html`` writes, in a sandboxed frame.

The report is a whole page (its CSS styles ``body``, its script looks for every article on
the page), so it is not pasted into the notebook: it goes in an ``<iframe srcdoc>`` with
``sandbox="allow-scripts"``.  Its styles and script stay inside the frame, several frames on
one notebook page do not touch each other, and the report's own Content-Security-Policy still
allows only its one inline script and style.  The article's text is escaped by the report's
templates, then the whole document once more as the attribute's value.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable

from spinscope.model import Analysis

HEIGHT = 720


def report_html(analyses: list[Analysis]) -> str:
    """The HTML report of ``analyses``, exactly as ``spinscope analyze --format html`` writes it."""
    from spinscope.outputs.html import HtmlWriter

    stream = io.StringIO()
    writer = HtmlWriter(stream, single=len(analyses) == 1)
    for analysis in analyses:
        writer.write(analysis)
    writer.close()
    return stream.getvalue()


def framed(document: str, title: str, height: int = HEIGHT) -> str:
    """``document`` in a sandboxed frame ``height`` pixels high, that the reader can drag taller."""
    box = f"resize:vertical;overflow:hidden;height:{int(height)}px;min-height:120px;border:1px solid #d9d9de;border-radius:6px"
    frame = "display:block;width:100%;height:100%;border:0"
    return f'<div class="spinscope-report" style="{box}"><iframe sandbox="allow-scripts" title="{html.escape(title)}" style="{frame}" srcdoc="{html.escape(document, quote=True)}"></iframe></div>'


class Report:
    """Analyses as one HTML report: shown inline by Jupyter, or written to a file by :meth:`save`."""

    def __init__(self, analyses: list[Analysis], height: int = HEIGHT) -> None:
        self.analyses = analyses
        self.height = height

    def html(self) -> str:
        """The report document itself."""
        return report_html(self.analyses)

    def save(self, path) -> None:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(self.html())

    def _repr_html_(self) -> str:
        count = len(self.analyses)
        title = f"spinscope report: {self.analyses[0].title or self.analyses[0].id}" if count == 1 else f"spinscope report: {count} articles"
        return framed(self.html(), title, self.height)

    def __repr__(self) -> str:
        return f"<spinscope report of {len(self.analyses)} article{'' if len(self.analyses) == 1 else 's'}>"


def show(analyses: Analysis | Iterable[Analysis], height: int = HEIGHT) -> Report:
    """One analysis or many as one report (opening with the summary of its articles and outlets when there are several), for a notebook cell."""
    items = [analyses] if isinstance(analyses, Analysis) else list(analyses)
    return Report(items, height)


def analysis_html(analysis: Analysis) -> str:
    """``Analysis._repr_html_``: the one analysis's report, framed."""
    return Report([analysis])._repr_html_()
