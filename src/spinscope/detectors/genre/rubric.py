"""The page's own label: an article that calls itself an op-ed is opinion.

Publishers tag opinion: a rubric in the first lines ("(TMU Op-Ed) —",
"OPINION:", "Editorial |") or an opinion section in the URL path
(``/opinion/``, ``/op-ed/``, ``/commentary/``).  Only rubric forms count —
a parenthetical tag or a rubric opening a line — so "writing a scathing
Washington Post op-ed" in a news story names no genre.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

HEAD_CHARS = 400  # the title, byline and dateline lines
_RUBRIC = re.compile(
    r"\((?:[^()\n]{0,40}\s)?(?:op-?ed|opinion|editorial|commentary)\)"
    r"|^[ \t]*(?:op-?ed|opinion|editorial|commentary)\b[ \t]*(?:[:|\u2014\u2013-]|$)",
    re.IGNORECASE | re.MULTILINE,
)
PATH_SECTIONS = frozenset({"opinion", "opinions", "op-ed", "oped", "op-eds", "commentary", "editorial", "editorials", "columnists"})


def opinion_label(text: str, url: str | None = None) -> str | None:
    """The rubric or URL section that labels the page opinion, as written, or None."""
    if url:
        path = urlparse(url if "//" in url else f"//{url}").path
        for part in path.split("/"):
            if part.lower() in PATH_SECTIONS:
                return f"/{part}/"
    found = _RUBRIC.search(text.lstrip()[:HEAD_CHARS])
    return found.group(0).strip() if found else None
