"""``spinscope schema`` and ``spinscope detectors``: what an analysis holds and what can run."""

from __future__ import annotations

import json

import typer


def schema() -> None:
    """Print the JSON Schema of an analysis."""
    from spinscope.model import analysis_json_schema

    typer.echo(json.dumps(analysis_json_schema(), indent=2))


def list_detectors() -> None:
    """List the detectors that can run."""
    from spinscope import detectors as registry

    for name in registry.names():
        cls = registry.get(name)
        typer.echo(f"{name}\tv{cls.version}\tkind={cls.kind}\t{(cls.__doc__ or '').strip().splitlines()[0]}")


COMMANDS = {"schema": schema, "detectors": list_detectors}
