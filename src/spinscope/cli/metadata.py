"""The flags that say who published an input: ``--title --outlet --published --url``, shared by ``analyze`` and ``corpus add``."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

Title = Annotated[Optional[str], typer.Option("--title", help="The article's title (one input only); wins over what the page says.")]
Outlet = Annotated[Optional[str], typer.Option("--outlet", help="The outlet that published it (every input given); wins over what the pages say.")]
Published = Annotated[Optional[str], typer.Option("--published", help="When it was published, as an ISO date (2025-03-03 or 2025-03-03T10:00); every input given.")]
Url = Annotated[Optional[str], typer.Option("--url", help="Where it was published (one input only); its domain names the outlet when nothing else does.")]


def given(*, title: str | None, outlet: str | None, published: str | None, url: str | None, single: bool) -> dict[str, str]:
    """The flags that were set, as :attr:`Options.metadata`; ``--title`` and ``--url`` name one article (E205 for a batch)."""
    from spinscope.errors import UsageError

    if not single:
        for flag, value in (("--title", title), ("--url", url)):
            if value:
                raise UsageError("E205", flag=flag)
    return {k: v for k, v in {"title": title, "outlet": outlet, "published": published, "url": url}.items() if v}
