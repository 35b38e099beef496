"""The ``spinscope`` command: one Typer app, its commands contributed by small modules.

Each command module defines ``COMMANDS`` (name -> function) and may define
``GROUPS`` (name -> Typer app) and ``TRAIN`` (name -> training command); a
detector's ``cli/<name>.py`` may define ``train`` and ``evaluate`` (the training code
they call lives in :mod:`spinscope_train`, imported only when they run).
Every command that analyses builds its options with
:func:`spinscope.engine.options`, which checks them once, up front.

Exit codes: 0 success; 1 some input could not be analysed (listed at the end
and in ``--errors``); 2 a usage error; 130 interrupted (output so far kept).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from typing import Annotated

import typer

from spinscope.errors import SpinscopeError, UsageError
from spinscope.version import __version__

app = typer.Typer(
    name="spinscope",
    help="Make the manipulation in news visible: techniques, claims, quotes, actors and profiles, with offsets.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
train_app = typer.Typer(help="Train a detector's model from a corpus.", no_args_is_help=True, rich_markup_mode=None)
evaluate_app = typer.Typer(help="Score a detector on its validation split.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(train_app, name="train")
app.add_typer(evaluate_app, name="evaluate")

# Modules that contribute commands.  A detector's ``cli/<name>.py`` may define
# ``train`` and ``evaluate`` (registered as ``spinscope train <name>`` / ``evaluate <name>``);
# any module below may define ``COMMANDS`` (name -> function) and ``GROUPS`` (name -> Typer app).
COMMAND_MODULES = ("spinscope.cli.analyze", "spinscope.cli.info", "spinscope.cli.exchange")
PLUGIN_TASKS = ("techniques", "claims", "quotes", "actors", "genre", "frames", "hyperpartisan")  # spinscope/cli/<task>.py: train, evaluate and the detector's own commands
PLUGIN_MODULES = ("spinscope.corpus.cli", "spinscope.api.cli")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spinscope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """spinscope command line."""


def _optional_module(name: str):
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        found = None
    return importlib.import_module(name) if found is not None else None


def _register_plugins() -> None:
    for name in COMMAND_MODULES:
        _register_commands(importlib.import_module(name))
    for task in PLUGIN_TASKS:
        module = _optional_module(f"spinscope.cli.{task}")
        if module is None:
            continue
        if hasattr(module, "train"):
            train_app.command(task)(module.train)
        if hasattr(module, "evaluate"):
            evaluate_app.command(task)(module.evaluate)
        _register_commands(module)
    for name in PLUGIN_MODULES:
        module = _optional_module(name)
        if module is not None:
            _register_commands(module)


def _register_commands(module) -> None:
    for name, func in getattr(module, "COMMANDS", {}).items():
        app.command(name)(func)
    for name, func in getattr(module, "TRAIN", {}).items():
        train_app.command(name)(func)
    for name, group in getattr(module, "GROUPS", {}).items():
        app.add_typer(group, name=name)


_register_plugins()


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and a non-zero exit code."""
    try:
        from typer._click.exceptions import NoArgsIsHelpError
        from typer._click.exceptions import UsageError as ClickUsageError
    except ImportError:  # Typer releases that use Click itself
        from click.exceptions import NoArgsIsHelpError
        from click.exceptions import UsageError as ClickUsageError

    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("spinscope: interrupted\n")
        sys.exit(130)
    except NoArgsIsHelpError as exc:
        sys.stdout.write(exc.ctx.get_help() + "\n")
        sys.exit(0)
    except ClickUsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        sys.stderr.write(f"spinscope: error: {exc.format_message()}{hint}\n")
        sys.exit(2)
    except UsageError as exc:
        sys.stderr.write(f"spinscope: error: {exc}\n")
        sys.exit(2)
    except SpinscopeError as exc:
        sys.stderr.write(f"spinscope: error: {exc}\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("spinscope: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug, not the user's input: one line, full trace on request
        if os.environ.get("SPINSCOPE_DEBUG"):
            raise
        sys.stderr.write(f"spinscope: internal error: {type(exc).__name__}: {exc} (set SPINSCOPE_DEBUG=1 for the trace)\n")
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
