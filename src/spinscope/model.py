"""The data model: an :class:`Article` goes in, an :class:`Analysis` comes out.

``Article.text`` is the one coordinate system: every :class:`Span` is a
``(start, end)`` pair of Python string indices into it, end exclusive.  The
JSON Schema in ``schema/analysis.schema.json`` is generated from these classes
(``spinscope schema``) and is a public contract: extend it, never break it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "spinscope.analysis/1"
# What Jupyter shows for an analysis: the HTML report (a layer above this one, named as formats.WRITERS names writers).
NOTEBOOK_HTML = "spinscope.notebook.html:analysis_html"


class Span(BaseModel):
    """A stretch of ``text`` that a detector found something in."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0, description="Offset of the first character in Article.text.")
    end: int = Field(ge=0, description="Offset one past the last character (exclusive).")
    kind: str = Field(description="What was found: technique, claim, quote, actor, entity, ...")
    label: str = Field(description="The class within the kind, e.g. Loaded_Language or PERSON.")
    score: float = Field(ge=0.0, le=1.0, description="Confidence in [0, 1].")
    attrs: dict[str, Any] = Field(default_factory=dict, description="Detector-specific details.")


class Boilerplate(BaseModel):
    """A block removed from the page before analysis (menus, appeals, ads, ...)."""

    model_config = ConfigDict(extra="allow")

    label: str = Field(description="Kind of block, e.g. donation_appeal, newsletter, menu.")
    text: str
    read: dict[str, Any] | None = Field(
        default=None, description="What the block's lines say of the article (authors, outlet, published, origin), whether or not a more trusted source gave the field; null when nothing."
    )


class ModelInfo(BaseModel):
    name: str
    version: str


class Readability(BaseModel):
    model_config = ConfigDict(extra="allow")

    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    avg_sentence_length: float | None = None


class Profile(BaseModel):
    """Article-level figures.  Detectors add their own keys beside these."""

    model_config = ConfigDict(extra="allow")

    characters: int | None = None
    words: int | None = None
    sentences: int | None = None
    paragraphs: int | None = None
    readability: Readability | None = None


class Article(BaseModel):
    """A cleaned article ready for analysis.  ``text`` is never changed after this."""

    model_config = ConfigDict(extra="forbid")

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = Field(default=None, description="Where the document came from (file, file:line, WARC record).")
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    origin: str | None = None
    language: str | None = None
    metadata_sources: dict[str, str] = Field(default_factory=dict)

    def content_id(self) -> str:
        return content_hash(self.text)


class Portrayal(BaseModel):
    """How an article treats an actor, from its own spans: techniques near it, its quotes, claims about it, tone."""

    model_config = ConfigDict(extra="allow")

    techniques: list[dict[str, Any]] = Field(default_factory=list, description="Technique spans in a sentence that mentions the actor: {label, start, end}.")
    quotes: list[dict[str, Any]] = Field(default_factory=list, description="The actor's own quotes: {start, end, label}.")
    claims: list[dict[str, Any]] = Field(default_factory=list, description="Claim spans that mention the actor: {start, end}.")
    counts: dict[str, int] = Field(default_factory=dict, description="mentions, quotes, techniques, claims.")
    tone: dict[str, Any] | None = Field(default=None, description="{label: negative|neutral|positive, score}: VADER over the sentences that mention it.")


class Actor(BaseModel):
    """A person, organisation, country or group, merged across the spellings that name it."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="Stable within a batch; spans of kind actor and quotes' attrs.actor refer to it.")
    name: str = Field(description="Canonical name.")
    type: str = Field(description="person | organisation | country | group")
    aliases: list[str] = Field(default_factory=list, description="Other spellings found in the text.")
    mentions: list[tuple[int, int]] = Field(default_factory=list, description="[start, end] of every mention, pronouns and role nouns included.")
    portrayal: Portrayal = Field(default_factory=Portrayal)


class DetectorWarning(BaseModel):
    """A detector that failed on this article, or returned spans that broke the data model's rules.

    The article is still analysed: what the detector returned that was valid
    is kept (nothing, when it raised), and every other detector's findings stand.
    """

    model_config = ConfigDict(extra="forbid")

    detector: str = Field(description="The detector's name.")
    code: str = Field(description="The error code: E303 (it raised), E304 (invalid spans dropped), E305 (invalid findings dropped).")
    reason: str = Field(description="What went wrong, in one line.")


class Analysis(BaseModel):
    """What spinscope found in one article."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_: str = Field(default=SCHEMA_ID, alias="schema", description="Schema name and major version.")
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    source: str | None = None
    text: str
    spans: list[Span] = Field(default_factory=list)
    profile: Profile = Field(default_factory=Profile)
    boilerplate: list[Boilerplate] = Field(default_factory=list)
    models: list[ModelInfo] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list, description="Actors merged across spellings, with their portrayal (the actors detector).")
    authors: list[str] = Field(default_factory=list, description="Who wrote it: from the record, the HTML's metadata, a byline, a signature or an author's note.")
    origin: str | None = Field(default=None, description="The outlet, agency or URL where the text says it first appeared (republished and syndicated copies).")
    language: str | None = Field(
        default=None, description="The text's language as an ISO 639-1 code (en, fr), from the record, the HTML's lang attribute, or detected from the text; null when unclear."
    )
    metadata_sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where each of title, authors, outlet, published, url, origin and language came from: option, record, request, warc, html, byline, date_line, updated_line (an 'Updated ...' date, used when the page prints no other), signature, author_bio, agency_credit, copyright, republication_note, url, first_line, file_name (a date in the file's name), detected (language read from the text).",
    )
    warnings: list[DetectorWarning] = Field(
        default_factory=list, description="Detectors that failed on this article or returned invalid spans; their invalid findings are left out, everything else is kept."
    )

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Analysis":
        return cls.model_validate_json(data)

    def _repr_html_(self) -> str:
        """Jupyter's view: the highlighted article and its profile, as the HTML report shows them (``spinscope.show``)."""
        from spinscope.formats import load

        return load(NOTEBOOK_HTML)(self)


def content_hash(text: str) -> str:
    """A short, stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def analysis_json_schema() -> dict:
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
