"""Server settings, built by ``spinscope serve`` from its flags.  Values only."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BODY = 10 * 1024 * 1024
DEFAULT_FETCH_TIMEOUT = 10.0


@dataclass(frozen=True)
class ApiSettings:
    db: str | None = None  # corpus store URL; None: the corpus pages say there is no store
    token: str | None = None  # when set, every POST needs ``Authorization: Bearer <token>``
    read_only: bool = False  # publish a corpus: nothing is written to the store
    allow_fetch: bool = False  # analyse ``{"url"}`` by fetching the page
    allow_private: bool = False  # let fetches reach private, loopback and link-local addresses
    max_body: int = DEFAULT_MAX_BODY  # bytes per request body, and per fetched page
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT  # seconds for a whole fetch
