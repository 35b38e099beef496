"""``corpus add``: ingest -> skip what is stored -> the engine -> the store as its sink.

Before anything is analysed, each cleaned text's content hash is looked up
in the store: a text already there is only recorded as a new sighting.  So a
run killed at any point and started again redoes nothing it had committed.
The engine hands the sink its results a batch (``--batch-size``) at a time,
each batch one transaction.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from spinscope.errors import InputError, UsageError
from spinscope.model import Analysis, Article, DetectorWarning, content_hash
from spinscope.options import Options

LOOKUP_CHUNK = 64


@dataclass
class AddReport:
    """What a run did: stored (analysed and new), known (already stored), and the failures."""

    stored: int = 0
    known: int = 0
    filled: int = 0  # of the known texts, those whose stored article gained metadata it lacked
    failures: list = field(default_factory=list)
    # (source, warnings) of articles stored with a detector's findings left out
    warned: list = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.failures or self.empty else 0

    @property
    def empty(self) -> bool:
        return not (self.stored or self.known or self.failures or self.interrupted)


class StoreSink:
    """The engine's sink for ``corpus add``: each batch of results is one transaction, failures are logged."""

    def __init__(self, store, run_id: int, report: AddReport, err_log=None) -> None:
        self.store, self.run_id, self.report, self.err_log = store, run_id, report, err_log

    def add(self, results: list) -> None:
        from spinscope.corpus.write import Stored, write_batch

        done = [Stored(json=r.to_json(), data=r.to_dict()) for r in results if isinstance(r, Analysis)]
        self.report.warned.extend((r.data.get("source") or r.data["id"], [DetectorWarning(**w) for w in r.data["warnings"]]) for r in done if r.data.get("warnings"))
        counts = write_batch(self.store, done, self.run_id) if done else {}
        self.report.stored += counts.get("stored", 0)
        self.report.known += counts.get("known", 0)
        self.report.filled += counts.get("filled", 0)
        for failure in (r for r in results if not isinstance(r, Analysis)):
            self.report.failures.append(failure)
            if self.err_log:
                self.err_log.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")
                self.err_log.flush()


def seeds_of(store, dets: list) -> dict:
    """What the chosen detectors' stream stages knew before this run: the store's recent actors."""
    return {"actors": recent_actors(store)} if any(d.name == "actors" for d in dets) else {}


def add_paths(store, paths: list[str], opts: Options, *, errors: Path | None = None, executor=None) -> AddReport:
    """Add every document under ``paths`` to ``store`` through the engine, a batch per transaction.  Never raises
    for a bad document.  ``executor``: where to analyse (:mod:`spinscope.executors`; default: this process)."""
    from spinscope import detectors as registry
    from spinscope import engine
    from spinscope.ingest import iter_paths

    store.check_writable()  # a read-only store fails now, not after the analysis
    dets = registry.shared(opts.detectors, opts.model_paths)  # fail fast on an unknown detector; built once
    seeds = seeds_of(store, dets)
    report, started = AddReport(), time.perf_counter()
    run_id = store.start_run(opts.detectors)
    err_log = _open_errors(errors)
    try:
        fresh = skip_known(store, iter_paths(paths, opts), report)
        for _ in engine.run(fresh, opts, executor=executor, sink=StoreSink(store, run_id, report, err_log), seeds=seeds):
            pass
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if err_log:
            err_log.close()
    if seeds:
        from spinscope.corpus.actor_names import fuller_names

        store.write(fuller_names)
    store.finish_run(run_id, skipped=len(report.failures), known=report.known)
    report.seconds = time.perf_counter() - started
    return report


def recent_actors(store, limit: int | None = None) -> list[tuple[str, str]]:
    """The ``(name, type)`` of the actors stored last, oldest first: as many as the merger keeps."""
    import sqlalchemy as sa

    from spinscope.corpus.schema import actors
    from spinscope.detectors.actors.merge import MAX_NAMES

    query = sa.select(actors.c.name, actors.c.type).where(actors.c.type.is_not(None)).order_by(actors.c.id.desc()).limit(limit or MAX_NAMES)
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [(name, type_) for name, type_ in reversed(rows)]


def skip_known(store, items: Iterable[Article | InputError], report: AddReport) -> Iterator[Article | InputError]:
    """Pass on only articles whose text is not stored yet; record sightings of the others."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, LOOKUP_CHUNK)):
        articles = [a for a in chunk if isinstance(a, Article)]
        known, filled = store.write(partial(_record_sightings, articles=articles))
        report.filled += filled
        for item in chunk:
            if isinstance(item, Article) and item.content_id() in known:
                report.known += 1
            else:
                yield item


def _record_sightings(conn, articles: list[Article]) -> tuple[dict[str, int], int]:
    """Look the articles' content hashes up; record a sighting of each one already stored and fill the
    stored article's missing metadata.  Returns the known hashes and how many articles were filled."""
    from spinscope.corpus.write import FILLABLE, add_sighting, existing_hashes, fill_missing

    known = existing_hashes(conn, [a.content_id() for a in articles])
    filled = 0
    for article in articles:
        if article.content_id() in known:
            add_sighting(conn, known[article.content_id()], _sighting(article))
            filled += fill_missing(conn, known[article.content_id()], article.model_dump(include=set(FILLABLE) | {"metadata_sources"}))
    return known, filled


def _sighting(article: Article) -> dict:
    return {"id": article.id or content_hash(article.text), "source": article.source, "url": article.url, "outlet": article.outlet, "published": article.published, "origin": article.origin}


def _open_errors(path: Path | None):
    if path is None:
        return None
    try:
        return open(path, "a", encoding="utf-8")
    except OSError as exc:
        raise UsageError("E203", path=path, detail=exc.strerror or str(exc)) from None
