"""``spinscope serve``: the REST API and web UI.  Importing this module loads nothing heavy."""

from __future__ import annotations

import os
from typing import Annotated, Optional

import typer

from spinscope.api.settings import DEFAULT_MAX_BODY


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    db: Annotated[Optional[str], typer.Option("--db", help="Corpus store URL (or a SQLite file) for the corpus pages (default: ./spinscope.db when it exists, as the corpus commands use).")] = None,
    token: Annotated[Optional[str], typer.Option("--token", help="Require 'Authorization: Bearer TOKEN' on write endpoints (default: $SPINSCOPE_TOKEN).")] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Publish a corpus: accept no writes to the store.")] = False,
    allow_fetch: Annotated[bool, typer.Option("--allow-fetch", help='Let POST /api/analyze fetch {"url"} (public addresses only).')] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private-fetch", help="Also fetch from private, loopback and link-local addresses.")] = False,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest request body (and fetched page) in bytes.")] = DEFAULT_MAX_BODY,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI."""
    import uvicorn

    from spinscope.api import create_app
    from spinscope.api.memory import limit_arenas
    from spinscope.api.settings import ApiSettings

    if db is None and os.path.exists("spinscope.db"):
        db = "sqlite:///spinscope.db"
    settings = ApiSettings(
        db=db,
        token=token or os.environ.get("SPINSCOPE_TOKEN") or None,
        read_only=read_only,
        allow_fetch=allow_fetch,
        allow_private=allow_private,
        max_body=max_body,
    )
    store = f", corpus store {db}" if db else ", no corpus store (give --db)"
    typer.echo(f"spinscope: serving on http://{host}:{port} (API docs at /docs){store}", err=True)
    limit_arenas()  # before uvicorn starts any thread: see spinscope.api.memory
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


COMMANDS = {"serve": serve}
