"""Names of outlets reduced to keys: registered domains and squashed names (no store access)."""

from __future__ import annotations

import re

NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Top-level names reserved for examples and tests (RFC 2606, RFC 6761): no public suffix list holds them.
RESERVED_TLDS = ("example", "test", "invalid", "localhost")


def registered_domain(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news`` -> ``bbc.co.uk``; None when there is no usable host.
    A host under a reserved name keeps its last two labels (``www.northline.example`` -> ``northline.example``)."""
    if not url:
        return None
    from tld import get_fld

    found = get_fld(url, fail_silently=True) or get_fld(f"http://{url}", fail_silently=True)
    return found or _reserved(url)


def _reserved(url: str) -> str | None:
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else f"http://{url}").hostname or "").rstrip(".")
    labels = host.split(".")
    if len(labels) >= 2 and labels[-1] in RESERVED_TLDS and all(labels[-2:]):
        return ".".join(labels[-2:])
    return None


def squash(name: str) -> str:
    """Letters and digits only, lower case: 'The Mind Unleashed' -> 'themindunleashed'."""
    return NOT_ALNUM.sub("", name.casefold().replace("&", "and"))
