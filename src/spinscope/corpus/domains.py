"""Names of outlets reduced to keys: registered domains and squashed names (no store access)."""

from __future__ import annotations

import re

NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def registered_domain(url: str | None) -> str | None:
    """``https://www.bbc.co.uk/news`` -> ``bbc.co.uk``; None when there is no usable host."""
    if not url:
        return None
    from tld import get_fld

    return get_fld(url, fail_silently=True) or get_fld(f"http://{url}", fail_silently=True)


def squash(name: str) -> str:
    """Letters and digits only, lower case: 'The Mind Unleashed' -> 'themindunleashed'."""
    return NOT_ALNUM.sub("", name.casefold().replace("&", "and"))
