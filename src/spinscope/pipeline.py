"""One batch of articles through the detectors: Article -> one spaCy Doc -> detectors -> Analysis.

The engine (:mod:`spinscope.engine`) streams articles to this core in
batches, wherever they are analysed; this module knows nothing of streams,
executors or sinks.
"""

from __future__ import annotations

import functools

from spinscope import detectors as registry
from spinscope import nlp
from spinscope.detectors.base import call_detect, run_order
from spinscope.errors import UsageError, message
from spinscope.failures import Failure
from spinscope.model import Analysis, Article, DetectorWarning, ModelInfo, Profile
from spinscope.options import Options


def analyse_articles(articles: list[Article], opts: Options) -> list[Analysis | Failure]:
    """One batch of articles, in this process, with the detectors shared by this process."""
    return _analyse_batch(articles, registry.shared(opts.detectors, opts.model_paths), opts)


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
        try:
            found = call_detect(det, doc, article, spans, ran, profile)
            infos = det.models()
        except UsageError:
            raise  # a broken setup (a model that cannot load) is not one article's problem
        except Exception as exc:
            ran.discard(det.name)  # later detectors see it as not run, not as "found nothing"
            warnings.append(_warning(det, "E303", detail=f"{type(exc).__name__}: {exc}"))
            continue
        # read after detect: a detector may set its threshold from the model it loaded
        threshold = det.default_min_score if opts.min_score is None else opts.min_score
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
        authors=article.authors,
        origin=article.origin,
        language=article.language,
        metadata_sources=article.metadata_sources,
        models=models,
        warnings=warnings,
        **extras,
    )


SHOWN_SPANS = 5  # invalid spans named in one warning


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
