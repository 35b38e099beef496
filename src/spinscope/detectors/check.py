"""The contract every detector keeps, as a function a plug-in author can run (like scikit-learn's ``check_estimator``).

    from spinscope.detectors.check import check_detector
    check_detector(MyDetector)          # raises AssertionError naming the broken rule

It parses a few hostile texts once, runs the detectors that assign what the
detector ``requires`` (so it reads real upstream spans, in the engine's
order), then the detector itself, and checks that:

- it declares a name, a kind, a version, a default minimum score in [0, 1],
  and ``requires``/``assigns`` in the channel's vocabulary (``spans.<kind>``,
  ``doc.<shared value>``, ``profile.<key>``, ``analysis.<field>``), each
  required value having a provider (a registered detector or a shared value);
- ``detect`` returns :class:`Findings` whose spans lie inside the text, cover
  more than white space, have the declared kind and labels, scores in [0, 1]
  and JSON-safe ``attrs``;
- it gives only what it declares (span kinds, profile keys, analysis fields)
  and the profile and fields validate against the schema;
- it gives the same findings twice over for the same input.
"""

from __future__ import annotations

import json

from spinscope.detectors.base import Findings, assigns_of, call_detect, requires_of, run_order

TEXTS = (
    "Leaders meet in Geneva\n\nPresident Maria Lopez met Chancellor Olaf Brandt in Geneva on Tuesday, officials said. "
    "These corrupt traitors will destroy our great nation! According to the U.N., 40 civilians died. "
    '"We will not give up," Lopez told reporters. Critics say she is a liar.\n',
    "Emoji \U0001f600 and combining e\u0301 marks: \u201cThe invaders are monsters,\u201d he said.\r\nNext line.\n",
    "x",
)
CHANNELS = ("spans.", "doc.", "profile.", "analysis.")


def check_detector(detector, texts=TEXTS) -> None:
    """Check ``detector`` (a class or an instance) against the contract; raise AssertionError on the first break."""
    from spinscope import detectors as registry
    from spinscope import nlp
    from spinscope.model import Article

    det = detector() if isinstance(detector, type) else detector
    _check_declarations(det, registry)
    upstream = _upstream(det, registry)
    articles = [Article(text=t, id=f"check{i}") for i, t in enumerate(texts)]
    for article, doc in zip(articles, nlp.pipe([a.text for a in articles])):
        spans, ran, profile = _run_upstream(upstream, doc, article)
        first = call_detect(det, doc, article, spans, ran | {det.name}, profile)
        _check_findings(det, first, article)
        again = call_detect(type(det)(model_path=getattr(det, "model_path", None)), doc, article, spans, ran | {det.name}, profile)
        assert (first.spans, first.profile, _plain(first.extras)) == (again.spans, again.profile, _plain(again.extras)), f"{det.name}: different findings for the same input"


def _check_declarations(det, registry) -> None:
    from spinscope.detectors import channel

    assert det.name and isinstance(det.name, str), "a detector needs a name"
    assert det.kind and isinstance(det.kind, str), f"{det.name}: no kind"
    assert isinstance(det.version, str) and det.version, f"{det.name}: version must be a string"
    assert 0.0 <= det.default_min_score <= 1.0, f"{det.name}: default_min_score {det.default_min_score} outside [0, 1]"
    assert isinstance(det, registry.Detector), f"{det.name}: does not provide detect() and models()"
    for item in requires_of(det) | assigns_of(det):
        assert item.startswith(CHANNELS) and item.split(".", 1)[1], f"{det.name}: {item!r} is not one of {', '.join(c + '<name>' for c in CHANNELS)}"
    given = {item for name in registry.names() for item in assigns_of(registry.get(name))}
    for item in requires_of(det):
        if item.startswith("doc."):
            assert item[4:] in channel.PROVIDERS, f"{det.name}: requires {item!r}, which no shared value provides"
        else:
            assert item in given, f"{det.name}: requires {item!r}, which no registered detector assigns"


def _upstream(det, registry) -> list:
    """The registered detectors that assign what ``det`` requires, and theirs in turn, in the engine's order."""
    chosen: dict[str, object] = {}
    wanted = set(requires_of(det))
    while True:
        more = {name for name in registry.names() if name != det.name and name not in chosen and assigns_of(registry.get(name)) & wanted}
        if not more:
            break
        for name in more:
            chosen[name] = registry.get(name)()
            wanted |= requires_of(chosen[name])
    return run_order([chosen[name] for name in registry.names() if name in chosen])


def _run_upstream(upstream: list, doc, article) -> tuple[list, set, dict]:
    spans, ran, profile = [], {d.name for d in upstream}, {}
    for other in upstream:
        found = call_detect(other, doc, article, spans, ran, profile)
        spans.extend(s for s in found.spans if s.score >= other.default_min_score)
        profile.update(found.profile)
    return spans, ran, profile


def _check_findings(det, found, article) -> None:
    from pydantic import TypeAdapter

    from spinscope.model import Analysis, Profile

    assert isinstance(found, Findings), f"{det.name}: detect() returned {type(found).__name__}, not Findings"
    assigns = assigns_of(det)
    for span in found.spans:
        where = f"{det.name}: span {span.start}-{span.end}"
        assert 0 <= span.start < span.end <= len(article.text), f"{where} outside the text's {len(article.text)} characters"
        assert article.text[span.start : span.end].strip(), f"{where} covers only white space"
        assert span.kind == det.kind and f"spans.{span.kind}" in assigns, f"{where} has kind {span.kind!r}; it declares {det.kind!r}"
        assert det.labels is None or span.label in det.labels, f"{where} has the undeclared label {span.label!r}"
        assert 0.0 <= span.score <= 1.0, f"{where} scored {span.score}, outside [0, 1]"
        json.dumps(span.attrs)
    for key in found.profile:
        assert f"profile.{key}" in assigns, f"{det.name}: gives profile.{key}, which it does not declare in assigns"
    Profile(**json.loads(json.dumps(_plain(found.profile))))
    for field, value in (found.extras or {}).items():
        assert f"analysis.{field}" in assigns, f"{det.name}: gives analysis.{field}, which it does not declare in assigns"
        info = Analysis.model_fields.get(field)
        if info is not None:
            TypeAdapter(info.annotation).validate_python(value)


def _plain(value):
    """Pydantic models inside findings as plain data, for comparing and JSON."""
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
