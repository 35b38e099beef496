"""Run a batch: ingest -> analyse -> write, streaming, with progress, a summary and an error log.

Every finished analysis is written and flushed before the next document is
read, so a failure or an interrupt never loses finished work.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from spinscope.errors import UsageError
from spinscope.options import Options


def run_analysis(paths: list[str], opts: Options, *, fmt: str, single: bool, output: Path | None, errors: Path | None) -> int:
    """Analyse ``paths`` and write them in ``fmt``.  Returns the exit code (0 ok, 1 skipped, 130 interrupted)."""
    from spinscope import detectors as registry
    from spinscope.ingest import IngestStats, iter_paths
    from spinscope.outputs import make_writer
    from spinscope.pipeline import Failure, analyze_stream

    registry.shared(opts.detectors, opts.model_paths)  # fail fast on an unknown detector; built once
    started = time.perf_counter()
    failures: list[Failure] = []
    done, interrupted = 0, False
    stats = IngestStats()
    with ExitStack() as stack:
        out = _open(stack, output, sys.stdout)
        err_log = _open(stack, errors, None)
        writer = make_writer(fmt, out, single=single)
        progress = stack.enter_context(_progress())
        try:
            for result in analyze_stream(iter_paths(paths, opts, stats), options=opts):
                if isinstance(result, Failure):
                    failures.append(result)
                    if err_log:
                        err_log.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                        err_log.flush()
                else:
                    writer.write(result)
                    done += 1
                progress.advance(done, len(failures))
        except KeyboardInterrupt:
            interrupted = True
        finally:
            writer.close()
    report(failures, done, time.perf_counter() - started, single, interrupted, stats)
    if interrupted:
        return 130
    return 1 if failures else 0


def _open(stack: ExitStack, path: Path | None, default: IO[str] | None) -> IO[str] | None:
    if path is None:
        return default
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError("E203", path=path, detail=exc.strerror or str(exc)) from None


def report(failures: list, done: int, seconds: float, single: bool, interrupted: bool, stats) -> None:
    """The end of a run on stderr: a single document's error as one line, or what was skipped and why and the totals."""
    err = sys.stderr
    if single and done + len(failures) <= 1 and not interrupted:
        for failure in failures:
            err.write(f"spinscope: error: {failure.line()}\n")
        return
    if failures:
        err.write(f"spinscope: skipped {len(failures)}:\n")
        for failure in failures:
            err.write(f"  {failure.line()}\n")
    state = "interrupted after" if interrupted else "done:"
    ignored = f", ignored {stats.warc_skipped} non-HTML WARC records" if stats.warc_skipped else ""
    err.write(f"spinscope: {state} analysed {done}, skipped {len(failures)}{ignored}, {seconds:.1f} s\n")


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
