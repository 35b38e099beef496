"""The engine: a stream of inputs -> a stream of analyses, in input order.

Every way of running spinscope goes through :func:`run` — ``analyze``,
``analyze_many``, the CLI's batches, ``corpus add`` and the API — so that an
article is analysed the same way whichever door it came in by::

    items (Article | InputError, lazily)
      -> batches of ``options.batch_size``
      -> an executor analyses each batch (in this process, in processes, on Dask)
      -> stream stages, in this process and in input order (actor naming)
      -> an optional sink (the corpus store), a batch at a time
      -> yielded, one Analysis or Failure per item

An input error passes through as a :class:`Failure` in its place, so one bad
document never stops a batch.  Stream stages are declared by the detectors
(``stream_stage``): state that spans articles, such as the actors named so
far, lives in the calling process, so every executor gives the same results.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from spinscope import detectors as registry
from spinscope.errors import InputError
from spinscope.failures import Failure
from spinscope.model import Analysis, Article
from spinscope.options import Options


def options(
    *,
    detectors: str | Iterable[str] | None = None,
    min_score: float | None = None,
    models: dict[str, str] | None = None,
    accurate: bool = False,
    **settings,
) -> Options:
    """The one way an interface turns its choices into :class:`Options`, each checked once, up front.

    ``detectors``: names, or ``"a,b"`` as typed (each must be registered: E200); ``min_score`` in
    [0, 1] (E202); ``models``: detector name -> a local checkpoint that must exist (E200, E204);
    ``accurate``: the detectors' accurate settings (:func:`spinscope.detectors.accurate_models`),
    under any model given explicitly.  Other keywords are :class:`Options` fields.
    """
    from pathlib import Path

    from spinscope.errors import UsageError

    if isinstance(detectors, str):
        detectors = [d.strip() for d in detectors.split(",") if d.strip()] or [""]
    names = tuple(detectors) if detectors is not None else None
    for name in names or ():
        registry.get(name)  # a UsageError naming the choices
    if min_score is not None and not 0.0 <= min_score <= 1.0:
        raise UsageError("E202", value=min_score)
    chosen = dict(models or {})
    for name, path in chosen.items():
        registry.get(name)
        if not Path(path).exists():
            raise UsageError("E204", name=name, path=path)
    if accurate:
        chosen = {**registry.accurate_models(), **chosen}
    if settings.get("metadata"):
        settings["metadata"] = checked_metadata(settings["metadata"])
    return Options(detectors=names, min_score=min_score, model_paths=chosen, **settings)


def checked_metadata(given: dict[str, str | None]) -> dict[str, str]:
    """Metadata a user gave (flags, an API request): ``published`` an ISO date or date and time, ``url``
    an http(s) address (E206); the others stripped.  Empty values are dropped."""
    from datetime import datetime
    from urllib.parse import urlparse

    from spinscope.errors import UsageError

    out = {k: v.strip() for k, v in given.items() if v and v.strip()}
    if "published" in out:
        try:
            when = datetime.fromisoformat(out["published"].replace("Z", "+00:00"))
        except ValueError:
            raise UsageError("E206", field="published", value=out["published"], expected="an ISO date such as 2025-03-03 or 2025-03-03T10:00") from None
        out["published"] = when.strftime("%Y-%m-%d") if len(out["published"]) == 10 else when.isoformat(timespec="minutes")
    if "url" in out and urlparse(out["url"]).scheme not in ("http", "https"):
        raise UsageError("E206", field="url", value=out["url"], expected="an http:// or https:// address")
    return out


def analyze(text_or_html: str, *, url: str | None = None, detectors: Iterable[str] | None = None, options: Options | None = None) -> Analysis:
    """Analyse one article given as plain text or HTML.  Raises :class:`InputError` on unusable input."""
    from spinscope.ingest import from_string

    opts = _with_detectors(options or Options(), detectors)
    (result,) = run([from_string(text_or_html, url=url, options=opts)], opts)
    if isinstance(result, Failure):
        raise result.error
    return result


def analyze_many(items: Iterable[str | Article | dict], *, detectors: Iterable[str] | None = None, options: Options | None = None) -> Iterator[Analysis]:
    """Analyse many articles (texts, HTML strings, :class:`Article` or record dicts), batched through ``nlp.pipe``.

    Yields analyses in input order; raises on the first unusable input.  Use
    :func:`analyze_stream` to collect failures instead.
    """
    for result in analyze_stream(_to_articles(items, options), detectors=detectors, options=options):
        if isinstance(result, Failure):
            raise result.error
        yield result


def analyze_stream(
    items: Iterable[Article | InputError],
    *,
    detectors: Iterable[str] | None = None,
    options: Options | None = None,
    known_actors: Iterable[tuple[str, str]] | None = None,
) -> Iterator[Analysis | Failure]:
    """Like :func:`run`: input errors pass through as :class:`Failure`, so one bad document never stops a batch.

    With ``options.workers > 1`` the analysis runs in that many processes;
    results still come back in input order.  ``known_actors`` — ``(name,
    type)`` pairs, oldest first — are actors named before this stream: an
    actor of the stream that matches one takes its name and id.
    """
    opts = _with_detectors(options or Options(), detectors)
    yield from run(items, opts, seeds={"actors": known_actors} if known_actors else None)


class Sink(Protocol):
    """Where results go as well as to the caller: ``add`` gets each batch, in order."""

    def add(self, results: list[Analysis | Failure]) -> None: ...


def run(
    items: Iterable[Article | Exception],
    options: Options | None = None,
    *,
    executor=None,
    sink: Sink | None = None,
    seeds: Mapping[str, Iterable] | None = None,
) -> Iterator[Analysis | Failure]:
    """Analyse ``items``; yield one :class:`Analysis` or :class:`Failure` per item, in order.

    ``executor``: an object with ``map(batches, options)`` yielding one result list per
    batch (see :mod:`spinscope.executors`); the default runs in this process, or in
    ``options.workers`` processes.  ``seeds``: detector name -> what its stream stage
    knew before this stream (``corpus add`` gives the store's recent actors), so the
    stream continues where the store left off.
    """
    opts = options or Options()
    dets = registry.shared(opts.detectors, opts.model_paths)  # fails fast on an unknown detector
    stages = stream_stages(dets, seeds or {})
    if executor is None:
        from spinscope.executors import default_executor

        executor = default_executor(opts)
    batches = _batches(items, opts.batch_size)
    kept: list[list] = []  # the batches in flight, inputs and errors alike, to put results back in place

    def articles_of(stream):
        for batch in stream:
            kept.append(batch)
            yield [item for item in batch if isinstance(item, Article)]

    for results in executor.map(articles_of(batches), opts):
        batch = kept.pop(0)
        out = _in_place(batch, results, stages)
        if sink is not None:
            sink.add(out)
        yield from out


def stream_stages(dets: list, seeds: Mapping[str, Iterable]) -> list:
    """The stream stages the chosen detectors declare, each seeded with what it knew before."""
    stages = []
    for det in dets:
        make = getattr(det, "stream_stage", None)
        if make is None:
            continue
        stage = make()
        if det.name in seeds and seeds[det.name]:
            stage.seed(seeds[det.name])
        stages.append(stage)
    return stages


def _in_place(batch: list, results: list, stages: list) -> list[Analysis | Failure]:
    """One result per item of ``batch``: its analysis through the stages, or its failure."""
    results = iter(results)
    out: list[Analysis | Failure] = []
    for item in batch:
        if not isinstance(item, Article):
            out.append(Failure(getattr(item, "source", None), item))
            continue
        result = next(results)
        if not isinstance(result, Failure):
            for stage in stages:
                result = stage.apply(result)
        out.append(result)
    return out


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _with_detectors(opts: Options, detectors: Iterable[str] | None) -> Options:
    if detectors is None:
        return opts
    from dataclasses import replace

    return replace(opts, detectors=tuple(detectors))


def _to_articles(items: Iterable, options: Options | None) -> Iterator[Article]:
    from spinscope.ingest import from_record, from_string

    opts = options or Options()
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict):
            yield from_record(item, options=opts)
        else:
            yield from_string(item, options=opts)
