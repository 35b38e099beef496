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

    def content_id(self) -> str:
        return content_hash(self.text)


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

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Analysis":
        return cls.model_validate_json(data)


def content_hash(text: str) -> str:
    """A short, stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def analysis_json_schema() -> dict:
    schema = Analysis.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
