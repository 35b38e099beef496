"""Run a batch: ingest -> analyse -> write, streaming, with progress, a summary and an error log.

Every finished analysis is written and flushed before the next document is
read, so a failure or an interrupt never loses finished work.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from spinscope.errors import UsageError
from spinscope.ingest import IngestStats
from spinscope.options import Options


def run_analysis(paths: list[str], opts: Options, *, fmt: str, single: bool, output: Path | None, errors: Path | None) -> int:
    """Analyse ``paths`` and write them in ``fmt``.  Returns the exit code (0 ok, 1 skipped, 130 interrupted)."""
    from spinscope import detectors as registry
    from spinscope.outputs import make_writer

    registry.shared(opts.detectors, opts.model_paths)  # fail fast on an unknown detector; built once
    with ExitStack() as stack:
        out = _open(stack, output, sys.stdout)
        err_log = _open(stack, errors, None)
        writer = make_writer(fmt, out, single=single)
        progress = stack.enter_context(_progress())
        try:
            run = drain(paths, opts, writer.write, err_log=err_log, progress=progress)
        finally:
            writer.close()
    report(run, single)
    return run.exit_code


@dataclass
class Run:
    """What a run did: analyses handed on, documents skipped and why, whether it was interrupted."""

    stats: IngestStats
    started: float
    done: int = 0
    failures: list = field(default_factory=list)
    # (source, warnings) of analyses written with a detector's findings left out
    warned: list = field(default_factory=list)
    interrupted: bool = False

    @property
    def empty(self) -> bool:
        """No document found at all (empty record files or folders): an input error, like an empty text."""
        return not self.done and not self.failures and not self.interrupted

    @property
    def exit_code(self) -> int:
        return 130 if self.interrupted else 1 if self.failures or self.empty else 0


def drain(paths: list[str], opts: Options, write: Callable, *, err_log: IO[str] | None = None, progress=None) -> Run:
    """Analyse ``paths`` one document at a time, handing each analysis to ``write`` at once and
    keeping the failures (also logged to ``err_log`` as JSONL); an interrupt ends it early."""
    from spinscope import engine
    from spinscope.failures import Failure
    from spinscope.ingest import iter_paths

    run = Run(stats=IngestStats(), started=time.perf_counter())
    try:
        for result in engine.run(iter_paths(paths, opts, run.stats), opts):
            if isinstance(result, Failure):
                run.failures.append(result)
                if err_log:
                    err_log.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    err_log.flush()
            else:
                write(result)
                run.done += 1
                if result.warnings:
                    run.warned.append((result.source or result.id, result.warnings))
            if progress is not None:
                progress.advance(run.done, len(run.failures))
    except KeyboardInterrupt:
        run.interrupted = True
    return run


def _open(stack: ExitStack, path: Path | None, default: IO[str] | None) -> IO[str] | None:
    if path is None:
        return default
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError("E203", path=path, detail=exc.strerror or str(exc)) from None


NO_DOCUMENTS = "no documents to analyse: the input holds no records (empty record files, a CSV with only its header, folders with no readable files, WARCs with no HTML pages)"


def report(run: Run, single: bool) -> None:
    """The end of a run on stderr: a single document's error as one line, or what was skipped and why and the totals."""
    err = sys.stderr
    failures, done = run.failures, run.done
    if run.empty:
        err.write(f"spinscope: error: {NO_DOCUMENTS}\n")
        return
    if single and done + len(failures) <= 1 and not run.interrupted:
        for failure in failures:
            err.write(f"spinscope: error: {failure.line()}\n")
        for line in warning_lines(run.warned):
            err.write(f"spinscope: warning: {line}\n")
        return
    if failures:
        err.write(f"spinscope: skipped {len(failures)}:\n")
        for failure in failures:
            err.write(f"  {failure.line()}\n")
    write_warnings(run.warned)
    state = "interrupted after" if run.interrupted else "done:"
    ignored = f", ignored {run.stats.warc_skipped} non-HTML WARC records" if run.stats.warc_skipped else ""
    err.write(f"spinscope: {state} analysed {done}{with_warnings(run.warned)}, skipped {len(failures)}{ignored}, {time.perf_counter() - run.started:.1f} s\n")


SHOWN_WARNINGS = 20


def warning_lines(warned: list) -> list[str]:
    """One line per detector warning: ``source: [code] reason``."""
    return [f"{source}: [{w.code}] {w.reason}" for source, warnings in warned for w in warnings]


def write_warnings(warned: list) -> None:
    """In a batch summary: the articles written with a detector's findings left out (the first few)."""
    if not warned:
        return
    lines = warning_lines(warned)
    sys.stderr.write(f"spinscope: {len(warned)} analysed with warnings (the analysis lists them under 'warnings'):\n")
    for line in lines[:SHOWN_WARNINGS]:
        sys.stderr.write(f"  {line}\n")
    if len(lines) > SHOWN_WARNINGS:
        sys.stderr.write(f"  ... and {len(lines) - SHOWN_WARNINGS} more\n")


def with_warnings(warned: list) -> str:
    return f" ({len(warned)} with warnings)" if warned else ""


class _progress:
    """A Rich progress line on stderr, only when stderr is a terminal."""

    def __enter__(self):
        self.bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("analysed {task.fields[done]}, skipped {task.fields[skipped]}"), TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task("analyse", total=None, done=0, skipped=0)
        return self

    def advance(self, done: int, skipped: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, done=done, skipped=skipped)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
