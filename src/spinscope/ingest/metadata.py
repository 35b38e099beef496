"""Who wrote a page, where and when, read from the page's own words.

Pasted pages carry their metadata as lines: a byline ("By Jane Doe | Springfield
Gazette"), a date line ("Sunday, 05 Jan, 2020"), a dateline and agency credit
("DORRIN, March 14 (Meridian Press Agency) -"), a signature ("Jane Doe writes
for The Anti-Media, where this article first appeared"), a copyright line.
Boilerplate removal takes those lines out of ``text``; :func:`from_lines`
reads what they say.  :func:`resolve` puts every layer together, the first
that gives a field winning: the user's options, the record, the HTML's own
metadata, then the lines, each field with the name of where it came from.
"""

from __future__ import annotations

import re
from datetime import datetime

FIELDS = ("title", "authors", "outlet", "published", "url", "origin", "language")

MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
TIME = r"(?:,?\s*(?:at\s+)?(?P<timeN>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC))?)?"
_DATES = (
    rf"{WEEKDAY}(?P<d1>{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})" + TIME.replace("timeN", "time1"),  # July 11, 2017
    rf"{WEEKDAY}(?P<d2>\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS},?\s+\d{{4}})" + TIME.replace("timeN", "time2"),  # 05 Jan, 2020
    r"(?P<d3>\d{4}-\d{2}-\d{2})(?:[T ](?P<time3>\d{2}:\d{2}))?",  # 2020-01-05
)
DATE = re.compile("|".join(f"(?:{d})" for d in _DATES), re.IGNORECASE)
DATE_LINE_WORDS = re.compile(r"^(?:published|posted|updated|last updated|first published|date|on)\b[:\s]*|\b(?:ago|edt|est|gmt|utc|bst|cet)\b", re.IGNORECASE)
UPDATED = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)

BYLINE = re.compile(r"^(?:written\s+|posted\s+|reported\s+|words\s+|story\s+|text\s+|article\s+)?by[:\s]+(?P<names>.+)$|^(?:author|authors|writer)s?:\s*(?P<names2>.+)$", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+[/|•·]\s+|\s+[–—-]\s+|\s*\|\s*")
NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|der|da|al|bin|el|la|le|du)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|al|bin|el|la|le|du)){0,4}$")
NOT_OUTLET = re.compile(
    r"creative commons|report a typo|share|comments?|follow|subscribe|read more|staff|contributor|correspondent|editor|reporter|minutes? read|\bmin read\b|^cc\b|licen[cs]e",
    re.IGNORECASE,
)
LICENCE = re.compile(r"creative commons|\bcc[- ]by\b|licen[cs]ed", re.IGNORECASE)

# An outlet's name as pages print it: capitalised words ("The Mind Unleashed", "Anti-Media", "AT&T")
OUTLET_WORDS = r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5}"
OUTLET_NAME = r"(?:the\s+)?" + OUTLET_WORDS
HOST = r"[\w.-]+\.[a-z]{2,}"
YEARS = r"(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
SIGNATURE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?:writes|reports|is a (?:regular )?(?:contributor|writer|columnist|reporter|correspondent))\s+(?:for|at|to)\s+"
    rf"(?P<outlet>{OUTLET_NAME})"
)
FIRST_APPEARED = re.compile(
    rf"(?:first|originally)\s+(?:appeared|published|ran|posted)\s+(?:on|at|in|by)\s+(?P<origin>{OUTLET_NAME}|{HOST})"
    rf"|republished\s+(?:from|with permission (?:from|of))\s+(?P<origin2>{OUTLET_NAME}|{HOST})",
)
REPUBLISHER = re.compile(r"(?:^|[.!?]\s+)(?P<outlet>" + OUTLET_WORDS.replace("{0,5}", "{0,4}") + r")\s+republishes\b")
# "© 2019 Outlet", "Copyright (c) 2015-2019 Outlet" at the start (any case), "Outlet © 2019", "All content © 2019 Outlet"
COPYRIGHT = re.compile(rf"^(?:copyright|©|\(c\))\s*(?:©\s*)?{YEARS}(?P<outlet>{OUTLET_WORDS})", re.IGNORECASE)
COPYRIGHT_AFTER = re.compile(rf"^(?P<outlet>{OUTLET_NAME})\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{{4}}")
COPYRIGHT_INSIDE = re.compile(rf"(?:©|\(c\)|\bcopyright)\s*(?:©\s*)?{YEARS}(?P<outlet>{OUTLET_NAME})")
AGENCY = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z .'-]{1,40}),\s+(?:(?P<date>(?i:" + MONTHS + r")\s+\d{1,2}(?:,\s*\d{4})?)\s+)?)?\((?P<agency>[A-Z][\w&.' -]{1,40})\)\s*[-–—:]",
)
NOT_AGENCY = re.compile(r"op-?ed|opinion|editorial|analysis|update|commentary|video|photos?|live", re.IGNORECASE)
CREDIT = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+(?:(?:senior|chief|staff|special|political|foreign|contributing|guest|associate|deputy|managing|news)\s+)*"
    r"(?:writer|reporter|correspondent|contributor|columnist|editor|journalist)\b",
    re.IGNORECASE,
)
BIO_PREFIX = re.compile(r"^(?:about the (?:author|writer|reporter)|about|the author)\s*[:\-–—]\s*", re.IGNORECASE)
BIO_VERB = re.compile(r"\s+(?:(?:is|was)\s+(?:a|an|the)\b|writes\b|reports\b|covers\b|has\s+(?:written|reported|covered)\b)")
# Words that outlet names are made of and people's names are not: "By Jane Doe, The Morning Ledger".
OUTLET_SHAPE = re.compile(
    r"^the\s|\b(?:news|post|times|daily|weekly|herald|journal|gazette|ledger|tribune|wire|chronicle|dispatch|record|review|media|network|press|observer|courier|"
    r"telegraph|guardian|standard|mirror|express|star|sun|bulletin|beacon|signal|report|today|magazine|online|tv|radio|agency|insider|examiner|monitor|register|sentinel)\b",
    re.IGNORECASE,
)
COMPANY = re.compile(r",?\s+(?:ltd|limited|inc|llc|plc|corp|corporation|gmbh|s\.?a)\.?$", re.IGNORECASE)
TRAILING_WORDS = re.compile(r"[\s,.;:]+(?:where|and|which|who|on|in|as|from)\b.*$|[\s,.;:]+$")


def parse_date(s: str) -> str | None:
    """The first full date in ``s`` as ISO ``YYYY-MM-DD`` (with ``THH:MM`` when a time is printed); None if there is none."""
    m = DATE.search(s)
    if not m:
        return None
    from dateutil import parser

    day = m.group("d1") or m.group("d2") or m.group("d3")
    clock = m.group("time1") or m.group("time2") or m.group("time3")
    try:
        when = parser.parse(day.replace(".", " "), default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if not 1800 <= when.year <= 2200:
        return None
    if clock:
        try:
            t = parser.parse(clock.replace(".", "").upper().replace(" ", ""), default=when)
            return t.strftime("%Y-%m-%dT%H:%M")
        except (ValueError, OverflowError):
            pass
    return when.strftime("%Y-%m-%d")


def is_date_line(s: str) -> bool:
    """A line that is a date and little else ("Sunday, 05 Jan, 2020", "Published March 3, 2025 at 10:00 AM")."""
    m = DATE.search(s)
    if not m:
        return False
    rest = DATE_LINE_WORDS.sub(" ", s[: m.start()] + " " + s[m.end() :])
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2


def _clean(name: str) -> str:
    return TRAILING_WORDS.sub("", name.strip(" \t,.;:·•|/")).strip()


def _names(s: str) -> list[str]:
    out = []
    for part in NAME_SPLIT.split(s.strip()):
        part = _clean(part)
        if part and NAME.match(part) and len(part) <= 60:
            out.append(part)
    return out


def read_byline(line: str) -> dict[str, object]:
    """``By A and B / Creative Commons / Outlet | July 11, 2017`` -> authors, outlet (or origin, after a licence) and published."""
    found: dict[str, object] = {}
    parts = [p.strip() for p in SEPARATORS.split(line.strip()) if p.strip()]
    licence = False
    for part in parts:
        m = BYLINE.match(part)
        if m and "authors" not in found:
            written = m.group("names") or m.group("names2")
            written, outlet = (re.split(r"\s+for\s+(?=(?:the\s+)?[A-Z])", written, maxsplit=1) + [""])[:2]
            names = []
            for name in _names(written):  # "By Jane Doe, The Morning Ledger": the outlet is not an author
                if OUTLET_SHAPE.search(name) and names:
                    outlet = outlet or name
                else:
                    names.append(name)
            if outlet and not NOT_OUTLET.search(outlet):
                found.setdefault("outlet", _clean(outlet))
            if names:
                found["authors"] = names
            date = parse_date(part)
            if date:  # "Written by A on March 3, 2019"
                found.setdefault("published", date)
            continue
        date = parse_date(part)
        if date and is_date_line(part):
            found.setdefault("published", date)
            continue
        if LICENCE.search(part):
            licence = True
            continue
        if NOT_OUTLET.search(part) or not part[:1].isupper() or len(part.split()) > 6 or part.endswith("."):
            continue
        found.setdefault("origin" if licence else "outlet", _clean(part))
    return found if "authors" in found or "published" in found else {}


def read_line(line: str, label: str) -> list[tuple[str, object, str]]:
    """What one removed or leading line says: ``(field, value, where)`` triples."""
    s = " ".join(line.split())
    out: list[tuple[str, object, str]] = []
    if BYLINE.match(s) or (" | " in s or " / " in s) and any(BYLINE.match(p.strip()) for p in SEPARATORS.split(s)):
        out += [(k, v, "byline") for k, v in read_byline(s).items()]
    elif is_date_line(s):
        date = parse_date(s)
        if date:  # an "Updated ..." date stands in only when the page prints no other
            out.append(("published", date, "updated_line" if UPDATED.search(s) else "date_line"))
        parts = [p.strip() for p in SEPARATORS.split(s) if p.strip()]
        names = [p for p in parts if len(parts) > 1 and 2 <= len(p.split()) <= 4 and not DATE.search(p) and not NOT_OUTLET.search(p) and NAME.match(p) and not re.search(r"\d", p)]
        if label == "byline_credit" and names and not DATE_LINE_WORDS.match(names[0]):
            out.append(("authors", names[:1], "byline"))
    m = SIGNATURE.match(s)
    if m:
        out.append(("authors", [_clean(m.group("name"))], "signature"))
        if re.search(r"first appeared|originally", s, re.IGNORECASE):
            out.append(("origin", _clean(m.group("outlet")), "signature"))
    m = FIRST_APPEARED.search(s)
    if m:
        out.append(("origin", _clean(m.group("origin") or m.group("origin2")), "signature"))
    m = REPUBLISHER.search(s)
    if m and label == "republication_note":
        out.append(("outlet", _clean(m.group("outlet")), "republication_note"))
    m = COPYRIGHT.match(s) or COPYRIGHT_AFTER.match(s) or COPYRIGHT_INSIDE.search(s)
    if m and label == "copyright":
        outlet = _clean(re.split(r"\.\s|\.$|\s+all rights\b|,\s", m.group("outlet"), maxsplit=1, flags=re.IGNORECASE)[0])
        outlet = COMPANY.sub("", outlet)
        if outlet and not re.match(r"all rights", outlet, re.IGNORECASE):
            out.append(("outlet", outlet, "copyright"))
    m = CREDIT.match(s)
    if m and label == "byline_credit" and "authors" not in {f for f, _, _ in out}:
        names = _names(m.group("name"))
        if names:
            out.append(("authors", names[:1], "byline"))
    if label == "author_bio":
        bio = BIO_PREFIX.sub("", s)
        name = _names(bio) if len(bio.split()) <= 5 else _names(BIO_VERB.split(bio)[0]) if BIO_VERB.search(bio) else []
        if name:
            out.append(("authors", name[:1], "author_bio"))
    return out


def read_dateline(text: str) -> list[tuple[str, object, str]]:
    """A wire story's opening: ``DORRIN, March 14 (Meridian Press Agency) -`` or ``(Reuters) -``."""
    for para in text.lstrip().split("\n", 3)[:3]:
        m = AGENCY.match(para.strip())
        if m:
            agency = m.group("agency").strip()
            if NOT_AGENCY.search(agency):
                return []
            out = [("origin", agency, "agency_credit")]
            date = parse_date(m.group("date") or "")
            if date:
                out.append(("published", date, "agency_credit"))
            return out
    return []


def from_lines(removed, text: str) -> dict[str, tuple[object, str]]:
    """Every field the removed lines (``Boilerplate`` blocks) and the text's dateline give, first found first.

    Each block that says something gets it as ``block.read``."""
    found: dict[str, tuple[object, str]] = {}
    fallback: dict[str, tuple[object, str]] = {}
    for block in removed:
        read: dict[str, object] = {}
        for line in block.text.split("\n"):
            for field, value, where in read_line(line, block.label):
                if value:
                    (fallback if where == "updated_line" else found).setdefault(field, (value, where))
                    read.setdefault(field, value)
        if read:
            block.read = read
    for field, pair in fallback.items():
        found.setdefault(field, pair)
    for field, value, where in read_dateline(text):
        found.setdefault(field, (value, where))
    return found


FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def from_file_name(source: str | None) -> dict[str, object]:
    """A date in the file's name (``2020-01-05-soleimani.txt``, ``20200105_story.html``) as ``published``."""
    import os

    if not source or "://" in str(source) or re.search(r":\d+$", str(source)):  # a URL, or a record of a JSONL/CSV file
        return {}
    name = os.path.basename(str(source))
    m = FILE_DATE.search(name)
    if not m:
        return {}
    try:
        when = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return {}
    return {"published": when.strftime("%Y-%m-%d")}


def resolve(layers: list[tuple[str, dict]]) -> tuple[dict[str, object], dict[str, str]]:
    """``[(where, {field: value})]``, most trusted first -> the values and where each came from."""
    values: dict[str, object] = {}
    sources: dict[str, str] = {}
    for where, given in layers:
        for field in FIELDS:
            value = given.get(field)
            if value and field not in values:
                values[field] = value
                sources[field] = where
    return values, sources
