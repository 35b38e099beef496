"""analyze and analyze_many: Article -> one spaCy Doc -> detectors -> Analysis."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator

from spinscope import detectors as registry
from spinscope import nlp
from spinscope.errors import InputError, UsageError, message
from spinscope.failures import Failure
from spinscope.model import Analysis, Article, DetectorWarning, ModelInfo, Profile
from spinscope.options import Options


def analyze(text_or_html: str, *, url: str | None = None, detectors: Iterable[str] | None = None, options: Options | None = None) -> Analysis:
    """Analyse one article given as plain text or HTML.  Raises :class:`InputError` on unusable input."""
    from spinscope.ingest import from_string

    opts = _with_detectors(options or Options(), detectors)
    article = from_string(text_or_html, url=url, options=opts)
    (result,) = _analyse_batch([article], registry.shared(opts.detectors, opts.model_paths), opts)
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
    """The batch engine: input errors pass through as :class:`Failure`, so one bad document never stops a batch.

    With ``options.workers > 1`` the analysis runs in that many processes;
    results still come back in input order.  ``known_actors`` — ``(name,
    type)`` pairs, oldest first — are actors named before this stream: an
    actor of the stream that matches one takes its name and id.
    """
    opts = _with_detectors(options or Options(), detectors)
    dets = registry.shared(opts.detectors, opts.model_paths)
    merger = _actor_merger(dets)
    if merger and known_actors:
        merger.seed(known_actors)
    batches = _batches(items, opts.batch_size)
    if opts.workers > 1:
        from spinscope.parallel import analyse_in_processes

        analysed = analyse_in_processes(batches, opts, analyse_articles)
    else:
        analysed = ((batch, _analyse_batch([a for a in batch if isinstance(a, Article)], dets, opts)) for batch in batches)
    for batch, results in analysed:
        results = iter(results)
        for item in batch:
            if not isinstance(item, Article):
                yield Failure(getattr(item, "source", None), item)
                continue
            result = next(results)
            yield merger.merge(result) if merger and not isinstance(result, Failure) else result


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyse_articles(articles: list[Article], opts: Options) -> list[Analysis | Failure]:
    """One batch of articles, in this process, with the detectors shared by this process."""
    return _analyse_batch(articles, registry.shared(opts.detectors, opts.model_paths), opts)


def _actor_merger(dets: list):
    """Actors are named alike across the articles of one call when the actors detector runs."""
    if not any(det.name == "actors" for det in dets):
        return None
    from spinscope.detectors.actors.merge import StreamingMerger

    return StreamingMerger()


def _analyse_batch(articles: list[Article], dets: list, opts: Options) -> list[Analysis | Failure]:
    """One analysis or failure per article, in order.

    The whole batch runs inside one spaCy memory zone, so the words it
    first met leave spaCy's vocabulary when it ends (the analyses are plain
    data by then); zones must not nest, so the batch is finished, not
    yielded from, inside it.
    """
    results: list[Analysis | Failure] = []
    dets = run_order(dets)
    with nlp.memory_zone():
        docs = nlp.pipe_batched((a.text for a in articles), batch_size=opts.batch_size)
        for article, doc in zip(articles, docs):
            try:
                results.append(_analyse_one(article, doc, dets, opts))
            except Exception as exc:  # one broken document must not stop the batch
                results.append(Failure(article.source or article.id, exc))
    return results


def _analyse_one(article: Article, doc, dets: list, opts: Options) -> Analysis:
    """One article through every detector, in ``dets``' order (see :func:`run_order`).  A detector that raises or returns invalid
    findings costs only those findings: they are left out and named in ``warnings``."""
    spans, profile, extras, warnings = [], {}, {}, []
    models = [ModelInfo(**nlp.model_info())]
    ran = {det.name for det in dets}
    for det in dets:
        threshold = det.default_min_score if opts.min_score is None else opts.min_score
        try:
            found = det.detect(doc, article, spans=list(spans), ran=frozenset(ran)) if getattr(det, "uses_spans", False) else det.detect(doc, article)
            infos = det.models()
        except UsageError:
            raise  # a broken setup (a model that cannot load) is not one article's problem
        except Exception as exc:
            ran.discard(det.name)  # later detectors see it as not run, not as "found nothing"
            warnings.append(_warning(det, "E303", detail=f"{type(exc).__name__}: {exc}"))
            continue
        kept, bad = _valid_spans(det, found.spans, article.text)
        if bad:
            warnings.append(_warning(det, "E304", count=len(bad), detail="; ".join(bad[:SHOWN_SPANS]) + ("; ..." if len(bad) > SHOWN_SPANS else "")))
        spans.extend(span for span in kept if span.score >= threshold)
        for where, field, problem in _invalid_fields(found):
            warnings.append(_warning(det, "E305", field=field, detail=problem))
            del where[field]
        profile.update(found.profile)
        extras.update(found.extras or {})
        models.extend(m for m in infos if m not in models)
    spans.sort(key=lambda s: (s.start, s.end, s.kind, s.label))
    return Analysis(
        id=article.id or article.content_id(),
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
        source=article.source,
        text=article.text,
        spans=spans,
        profile=Profile(**profile),
        boilerplate=article.boilerplate,
        models=models,
        warnings=warnings,
        **extras,
    )


SHOWN_SPANS = 5  # invalid spans named in one warning


def run_order(dets: list) -> list:
    """Detectors that read no spans first, then those that do, each after the detectors that give
    the span kinds it ``needs``; otherwise in registry order."""
    pending = [d for d in dets if not getattr(d, "uses_spans", False)] + [d for d in dets if getattr(d, "uses_spans", False)]
    ordered: list = []
    while pending:
        for det in pending:
            wanted = getattr(det, "needs", frozenset())
            if not any(other.kind in wanted for other in pending if other is not det):
                break
        else:  # a cycle of needs: run in the order given
            det = pending[0]
        ordered.append(det)
        pending.remove(det)
    return ordered


def _warning(det, code: str, **fields) -> DetectorWarning:
    return DetectorWarning(detector=det.name, code=code, reason=message(code, name=det.name, **fields))


def _valid_spans(det, found: list, text: str) -> tuple[list, list[str]]:
    """The spans that keep the data model's rules, and a short reason for each one that does not."""
    kept, bad = [], []
    for span in found:
        where = f"{span.kind} {span.start}-{span.end}"
        if span.start >= span.end:
            bad.append(f"{where} empty or inverted")
        elif not 0 <= span.start < span.end <= len(text):
            bad.append(f"{where} outside the text's {len(text)} characters")
        elif det.labels is not None and span.label not in det.labels:
            bad.append(f"{where} unknown label {span.label!r}")
        else:
            kept.append(span)
    return kept, bad


def _invalid_fields(found) -> list[tuple[dict, str, str]]:
    """Profile keys and analysis-level extras (e.g. ``actors``) whose values the schema refuses:
    ``(the dict that holds it, key, why)``."""
    from pydantic import ValidationError

    invalid = []
    for where, adapter in ((found.profile, _profile_adapter), (found.extras or {}, _field_adapter)):
        for field, value in where.items():
            try:
                adapter(field)(value)
            except ValidationError as exc:
                invalid.append((where, field, _first_error(exc)))
    return invalid


def _profile_adapter(field: str):
    return lambda value: Profile(**{field: value})


def _first_error(exc) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg')}" if where else str(error.get("msg"))


@functools.lru_cache(maxsize=None)
def _field_adapter(field: str):
    """Validates a value of an Analysis field; fields the model does not declare are free-form."""
    from pydantic import TypeAdapter

    info = Analysis.model_fields.get(field)
    return TypeAdapter(info.annotation).validate_python if info is not None else (lambda value: value)


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
