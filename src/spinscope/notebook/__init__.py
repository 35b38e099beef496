"""Analyses at home in notebooks (docs/notebooks.md).

- :func:`show` — analyses as the HTML report, inline in Jupyter (an ``Analysis`` shows itself the same way);
- :func:`to_pandas` — analyses as tidy DataFrames (:class:`Frames`: articles, spans, claims, quotes, actors);
- :func:`read_store` — the same frames for every analysis in a corpus store.

pandas is the ``notebook`` extra and is imported only when a frame is made.
"""

from __future__ import annotations

from spinscope.notebook.frames import Frames, read_store, to_pandas
from spinscope.notebook.html import Report, show

__all__ = ["Frames", "Report", "read_store", "show", "to_pandas"]
