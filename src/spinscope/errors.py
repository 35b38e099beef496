"""Every message spinscope shows a user, numbered, each saying what to do.

Input problems raise :class:`InputError`; the CLI turns one into a single
line (``spinscope: error: [E101] page.html: ...``) and a batch records it and
goes on.  Messages are format strings so that the code and the text stay in
one place.  Each code has one HTTP status (:func:`http_status`), and every
error, from the API or in an ``--errors`` file, is one record
(:func:`record`).  ``python -m spinscope.errordocs`` writes the catalogue
into ``docs/errors.md``.
"""

from __future__ import annotations


class Errors:
    E100 = "no such file or folder"
    E101 = "binary file, not text or HTML ({detail})"
    E102 = "empty: no text to analyse"
    E103 = "{size} is over the {limit} limit per document; raise it with --max-bytes"
    E104 = "could not decode the text ({detail})"
    E105 = "no article text found in the HTML"
    E106 = "malformed JSON on line {line}: {detail}"
    E107 = "line {line}: a record must be a JSON object, not {kind}"
    E108 = "no text field: none of {fields} is present; name one with --text-field"
    E109 = "malformed CSV: {detail}"
    E110 = "unsupported file type {suffix!r}: give {supported}, or a folder"
    E111 = "malformed WARC: {detail}"
    E112 = "not valid gzip data ({detail})"
    E113 = "record {where}: the text field {field!r} is empty"
    E114 = "text is {chars:,} characters, over the {limit:,} character limit; raise it with --max-chars"
    E115 = "malformed HTML: {detail}"
    E116 = "cannot read it: {detail}"
    E119 = "a {kind} file holds many articles; this reads one: give a .txt or .html file, or add the records with 'spinscope corpus add'"
    E118 = "record {where}: the text field {field!r} holds {kind}, not text"
    E117 = "the page holds about {chars:,} characters of text, over {factor} times the {limit:,} character limit, so it was not extracted; raise it with --max-chars"
    E130 = "malformed span line ({detail}): give ID<TAB>start<TAB>end or ID<TAB>technique<TAB>start<TAB>end"
    E131 = "span {start}-{end} is outside the article's {length} characters"
    E132 = "cannot combine these technique models into an ensemble: {detail}"
    E133 = "conflicting training options: {detail}"
    E140 = "the annotations do not fit the exported text: {detail}"
    E141 = "not a {format} export: {detail}"
    E200 = "unknown detector {name!r}: choose from {choices}"
    E201 = "unknown output format {name!r}: choose from {choices}"
    E202 = "--min-score must be between 0 and 1, not {value}"
    E203 = "cannot write {path}: {detail}"
    E204 = "--model {name}={path}: no such file or folder"
    E205 = "{flag} names one article: give a single file or -, or put the field in the records (JSONL/CSV)"
    E206 = "{field} {value!r} is not {expected}"
    E207 = "{format} output needs the pyarrow package (a dependency of spinscope that is missing here): pip install pyarrow, or choose csv"
    E250 = "missing or conflicting options: {detail}"
    E260 = 'spinscope.{what} needs pandas, which is not installed: pip install "spinscope[notebook]"'
    E302 = "cannot load model {name!r} from {path}: {detail}"
    E303 = "detector {name!r} failed on this article ({detail}); its findings for it are left out, the other detectors' are kept"
    E304 = "detector {name!r} returned {count} invalid span(s), left out: {detail}"
    E305 = "detector {name!r} returned invalid {field!r} ({detail}); left out"
    E400 = "analysis failed: {detail}"
    E401 = "internal error: {detail} (a bug in spinscope, not in the request)"
    E500 = "cannot open the store {url}: {detail}"
    E501 = "cannot write to the store {url}: {detail}; the store keeps every batch finished before this one"
    E502 = "cannot read ratings from {path}: {detail}"
    E503 = "no domain or URL column in {path}: name one with --domain-column (columns: {columns})"
    E504 = "cannot reach the Dask scheduler {address}: {detail}"
    E505 = "{name}={value!r} is not a date: give YYYY-MM-DD"
    E506 = "unknown {what} {name!r}: choose from {choices}"
    E507 = "the store {url} is full (disk full): {detail}; free some space and run the same command again: it continues after the last finished batch"
    E508 = "the store {url} is read-only: {detail}; make it writable or give another --db"
    E509 = "cannot reach the store {url} after trying for {seconds:g} s: {detail}; run the same command again once the server is up: it continues after the last finished batch"
    E510 = "no store at {path}: 'spinscope corpus add' creates one, or give another --db"
    E511 = "no {what} matches {value!r}; known: {known}"
    E600 = "the request body is {size}, over this server's {limit} limit; send a smaller document or start the server with a larger --max-body"
    E601 = 'fetching URLs is turned off on this server: send the page itself as {{"html": ..., "url": ...}}, or start the server with --allow-fetch'
    E602 = "refused to fetch {url}: {host} resolves to {address}, a private, loopback or link-local address"
    E603 = "could not fetch {url}: {detail}"
    E604 = "fetching {url} timed out after {seconds} s"
    E605 = "nothing to analyse: give one of text, html or url (JSON), or upload a file (multipart form field 'file')"
    E606 = "this server is read-only: it publishes a corpus and accepts no writes"
    E607 = "this action needs the server's token: send the header 'Authorization: Bearer <token>'"
    E608 = "no corpus store: start the server with --db URL to browse articles, outlets, stories and search"
    E609 = "no article with id {id!r}"
    E610 = "malformed request: {detail}"
    E611 = "only http and https URLs can be fetched, not {url!r}"
    E613 = "unsupported Content-Type: {detail}"
    E614 = "{detail}"


# The HTTP status of each code where its family's (FAMILY_STATUS) does not fit.
STATUS = {
    "E500": 503,
    "E501": 503,
    "E507": 507,
    "E508": 503,
    "E509": 503,
    "E510": 404,
    "E504": 503,
    "E600": 413,
    "E601": 403,
    "E602": 403,
    "E603": 502,
    "E604": 504,
    "E605": 422,
    "E606": 403,
    "E607": 401,
    "E608": 503,
    "E609": 404,
    "E610": 422,
    "E611": 422,
    "E613": 415,
}
FAMILY_STATUS = {"1": 422, "2": 422, "3": 500, "4": 500, "5": 422, "6": 400}


def http_status(code: str) -> int:
    """The HTTP status the API answers with for message ``code``."""
    return STATUS.get(code) or FAMILY_STATUS.get(code[1:2], 500)


def record(code: str | None, error: str, source: str | None = None, status: int | None = None) -> dict:
    """The one error record: the API's error body and each line of an ``--errors`` file."""
    return {"ok": False, "code": code, "error": error, "status": status or (http_status(code) if code else 500), "source": source}


def catalogue() -> list[tuple[str, str, int]]:
    """``(code, message, HTTP status)`` of every message, in code order."""
    codes = sorted(k for k in vars(Errors) if k[:1] == "E" and k[1:].isdigit())
    return [(code, getattr(Errors, code), http_status(code)) for code in codes]


def catalogue_markdown() -> str:
    """``docs/errors.md``: every message with its code and HTTP status."""
    lines = [
        "# Errors",
        "",
        "Every message spinscope shows, by code. The CLI prints one line",
        "(`spinscope: error: [E101] page.html: ...`) and exits non-zero; a batch",
        "writes one JSON record per failed document to `--errors FILE` and goes on;",
        "the API answers with the same record and the HTTP status below:",
        "",
        '`{"ok": false, "code": "E102", "error": "...", "status": 422, "source": "page.txt"}`',
        "",
        "E1xx: input; E2xx: options; E3xx: models and detectors (warnings, the",
        "article is kept); E4xx: bugs; E5xx: the corpus store; E6xx: the API.",
        "Generated by `python -m spinscope.errordocs`.",
        "",
        "| code | HTTP | message |",
        "|---|---:|---|",
    ]
    for code, text, status in catalogue():
        escaped = text.replace("{{", "{").replace("}}", "}").replace("|", "\\|")
        lines.append(f"| {code} | {status} | {escaped} |")
    return "\n".join(lines) + "\n"


def message(code: str, **fields: object) -> str:
    """The text of message ``code`` with its fields filled in."""
    return getattr(Errors, code).format(**fields)


class SpinscopeError(Exception):
    """Base of every error spinscope raises on purpose."""

    code = "E000"

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        self.message = message(code, **fields)
        super().__init__(f"[{code}] {self.message}")


class InputError(SpinscopeError):
    """A document that cannot be read or has nothing to analyse."""

    def __init__(self, code: str, source: str | None = None, **fields: object) -> None:
        self.source = source
        super().__init__(code, **fields)

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"

    def to_dict(self) -> dict:
        return record(self.code, self.message, self.source)


class UsageError(SpinscopeError):
    """An option or argument that spinscope cannot act on."""


class PipelineError(SpinscopeError):
    """A detector broke the data model's rules: a bug, never the user's input."""


class RequestError(SpinscopeError):
    """A request the API cannot serve; its HTTP status comes from its code."""

    @property
    def status(self) -> int:
        return http_status(self.code)
