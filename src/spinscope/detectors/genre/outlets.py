"""Known satirical outlets: a page from one of them is satire whatever its text says.

A short hand-kept list of well-known satire sites (English-language).  Matched
against the article's URL host and its ``outlet`` field.
"""

from __future__ import annotations

from urllib.parse import urlparse

SATIRE_DOMAINS = frozenset(
    {
        "theonion.com",
        "babylonbee.com",
        "thebeaverton.com",
        "newsthump.com",
        "thedailymash.co.uk",
        "private-eye.co.uk",
        "clickhole.com",
        "waterfordwhispersnews.com",
        "thehardtimes.net",
        "reductress.com",
        "duffelblog.com",
        "newsbiscuit.com",
        "thespoof.com",
        "the-postillon.com",
        "worldnewsdailyreport.com",
        "nationalreport.net",
        "empirenews.net",
        "huzlers.com",
        "thelastlineofdefense.org",
        "dailysquib.co.uk",
        "betootaadvocate.com",
        "thechaser.com.au",
    }
)
SATIRE_NAMES = frozenset(
    {
        "the onion",
        "onion",
        "the babylon bee",
        "babylon bee",
        "the beaverton",
        "beaverton",
        "newsthump",
        "the daily mash",
        "daily mash",
        "private eye",
        "clickhole",
        "waterford whispers news",
        "the hard times",
        "reductress",
        "duffel blog",
        "newsbiscuit",
        "the spoof",
        "the postillon",
        "world news daily report",
        "national report",
        "empire news",
        "huzlers",
        "the daily squib",
        "the betoota advocate",
        "the chaser",
    }
)


def satire_outlet(url: str | None, outlet: str | None) -> str | None:
    """The matching satire outlet (domain or name), or None."""
    if url:
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
        for domain in SATIRE_DOMAINS:
            if host == domain or host.endswith("." + domain):
                return domain
    if outlet and outlet.strip().lower() in SATIRE_NAMES:
        return outlet.strip()
    return None
