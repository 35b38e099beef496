"""Bytes -> str: size limits, gzip, binary sniffing and encoding detection.

Every reader in ``spinscope.ingest`` gets its bytes through here, so that a
50 MB page, a PNG renamed ``.txt`` or a page in Windows-1252 is handled the
same way wherever it comes from.  The encoding is detected, never assumed:
byte-order marks first, then strict UTF-8, then (for HTML) the page's own
``<meta charset>`` declaration, then charset-normalizer.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import struct
import unicodedata
import zlib
from typing import BinaryIO

from spinscope.errors import InputError

CHUNK = 1 << 16
SNIFF_BYTES = 8192

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip data; name the file .gz"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"\x7fELF", "executable"),
)

# WHATWG: browsers decode these labels as Windows-1252, and so do pages that use them.
WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1"}

# The legacy encodings of the WHATWG Encoding Standard, as charset-normalizer names them.
WEB_ENCODINGS = {
    *(f"cp{n}" for n in range(1250, 1259)),
    *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    "koi8_r",
    "koi8_u",
    "cp866",
    "mac_cyrillic",
    "mac_roman",
    "cp874",
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "gb18030",
    "gb2312",
    "gbk",
    "big5",
    "big5hkscs",
    "euc_kr",
    "cp949",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
}

META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)

GZIP_SUFFIXES = (".gz",)


def format_size(n_bytes: int) -> str:
    """Bytes in the unit a reader expects: ``52.4 MB``, ``3.0 KB``, ``512 bytes``."""
    if n_bytes >= 1024 * 1024:
        return f"{n_bytes / (1024 * 1024):.1f} MB"
    if n_bytes >= 1024:
        return f"{n_bytes / 1024:.1f} KB"
    return f"{n_bytes:,} bytes"


def too_big(size: int | str, limit: int, source: str | None) -> InputError:
    """E103, naming the size (or ``over N MB`` when only a lower bound is known) and the limit."""
    shown = size if isinstance(size, str) else format_size(size)
    return InputError("E103", source, size=shown, limit=format_size(limit))


def is_gzip_name(path: str) -> bool:
    return path.lower().endswith(GZIP_SUFFIXES)


def read_file(path: str, max_bytes: int, source: str | None = None) -> bytes:
    """The bytes of one document file, decompressed when it ends in ``.gz``.

    The size is checked with ``os.stat`` (and the gzip trailer) before
    anything is read, and decompression stops past the limit, so a huge file
    costs neither time nor memory.
    """
    source = source or path
    size = os.stat(path).st_size
    if is_gzip_name(path):
        return _read_gzip_file(path, size, max_bytes, source)
    if size > max_bytes:
        raise too_big(size, max_bytes, source)
    with open(path, "rb") as fh:
        return read_limited(fh, max_bytes, source)


def _read_gzip_file(path: str, size: int, max_bytes: int, source: str) -> bytes:
    with open(path, "rb") as raw:
        try:
            return read_limited(gzip.GzipFile(fileobj=raw), max_bytes, source)
        except InputError as exc:
            declared = _gzip_declared_size(path, size) if exc.code == "E103" else None
            if declared is not None and declared > max_bytes:
                raise too_big(declared, max_bytes, source) from None
            raise


def _gzip_declared_size(path: str, size: int) -> int | None:
    """The uncompressed size a gzip trailer declares (mod 2**32), or None when there is no trailer.

    Only read once decompression has passed the limit, so a truncated file's
    garbage trailer never turns into a wrong size.
    """
    if size < 18:
        return None
    with open(path, "rb") as fh:
        fh.seek(-4, os.SEEK_END)
        return struct.unpack("<I", fh.read(4))[0]


def read_limited(stream: BinaryIO, max_bytes: int, source: str | None) -> bytes:
    """Read a whole stream, refusing with E103 as soon as it passes ``max_bytes``.

    Gzip streams are decompressed chunk by chunk; corrupt or truncated ones
    raise E112.
    """
    parts, total = [], 0
    try:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise too_big(f"the text (more than {format_size(max_bytes)})", max_bytes, source)
            parts.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError("E112", source, detail=gzip_detail(exc)) from exc
    return b"".join(parts)


def gzip_detail(exc: BaseException) -> str:
    """A short reason for a gzip failure, in words a user can act on."""
    if isinstance(exc, EOFError):
        return "the file is truncated"
    return str(exc) or type(exc).__name__


def decode(data: bytes, source: str | None = None, *, html: bool = False, hint: str | None = None, prose: bool | None = None) -> str:
    """Decode a document's bytes, detecting the encoding; raise E101 for binary data, E102 for nothing.

    ``hint`` is an encoding declared outside the document (an HTTP header);
    like the page's own ``<meta charset>`` it is tried after strict UTF-8.
    Prose (by default any text but HTML, whose markup is all symbols; a JSON
    line is not prose either) must also read as language: see :func:`not_language`.
    """
    text = _decode(data, source, html=html, hint=hint)
    if (not html) if prose is None else prose:
        reason = not_language(text)
        if reason:
            raise InputError("E101", source, detail=reason)
    return text


LANGUAGE_SAMPLE = 20_000  # characters looked at
ODD_SHARE = 0.15  # symbols, control characters and rare punctuation: under 2% in prose, about 25% in random bytes
LETTER_RUN = 3.0  # mean length of a run of letters: about 4.5 in prose and in code, about 2 in random bytes
COMMON_PUNCTUATION = set(".,;:!?'\"()-[]/&%#*@_\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\u300c\u300d\u300e\u300f\uff08\uff09\u300a\u300b")
FEW_SPACES = 0.03  # prose in a spaced script: about 15% spaces; symbol-heavy text with almost none is noise
SHORT_RUN = 2.5  # below this the letters are noise even without symbols (random printable characters)
LETTER_RUNS = re.compile(r"[^\W\d_]+")


def not_language(text: str) -> str | None:
    """Why ``text`` does not read as language (bytes that happened to decode), or None when it does.

    Random or compressed bytes decode in some single-byte code page, but as
    short runs of letters among symbols and control characters; prose, lists,
    tables and source code do not.  Short texts are never refused.
    """
    head = text[:LANGUAGE_SAMPLE]
    sample = "".join(head.split())
    if len(sample) < 100:
        return None
    odd = sum(1 for ch in sample if ch not in COMMON_PUNCTUATION and unicodedata.category(ch)[0] in "CSP") / len(sample)
    spaces = 1 - len(sample) / len(head)
    runs = LETTER_RUNS.findall(head)
    mean_run = sum(map(len, runs)) / len(runs) if runs else 0.0
    if odd > ODD_SHARE and (mean_run < LETTER_RUN or spaces < FEW_SPACES):
        return f"it does not read as language: {odd:.0%} of its characters are symbols or control characters"
    if len(runs) >= 50 and mean_run < SHORT_RUN:
        return f"it does not read as language: its letters come in runs of {mean_run:.1f} on average, not words"
    return None


def _decode(data: bytes, source: str | None, *, html: bool, hint: str | None) -> str:
    if not data.strip():
        raise InputError("E102", source)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, source)
    utf16 = check_binary(data, source)
    if utf16:
        return _strict(data, utf16, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for declared in (codec_name(hint), declared_charset(data) if html else None):
        if declared:
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
    return _detect(data, source)


STRAY_NULS = 8  # NUL bytes a text may hold by accident; more (or over 1% of the sample) mean binary


def check_binary(data: bytes, source: str | None) -> str | None:
    """Raise E101 for a known binary format or NUL bytes; return the codec for UTF-16 without a BOM."""
    head = data[:SNIFF_BYTES]
    for magic, kind in MAGIC:
        if head.startswith(magic):
            raise InputError("E101", source, detail=kind)
    if b"\x00" not in head:
        return None
    utf16 = utf16_without_bom(head)
    if utf16 is None and head.count(0) > max(STRAY_NULS, len(head) // 100):
        raise InputError("E101", source, detail="it contains NUL bytes")
    return utf16  # None for text with a few stray NULs (one bad cell must not cost a whole CSV)


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM: mostly ASCII text with every other byte NUL."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>`` or ``http-equiv``, as a Python codec name."""
    match = META_CHARSET.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = codec_name(match.group(1).decode("ascii", "ignore"))
    # WHATWG: a UTF-16 label inside the bytes cannot be true of bytes that carry it in ASCII.
    return None if name and name.replace("_", "-").startswith(("utf-16", "utf-32")) else name


def codec_name(label: str | None) -> str | None:
    """A charset label as a Python codec name (Latin-1 labels read as Windows-1252, as browsers do)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("E104", source, detail=f"{encoding}: {exc.reason} at byte {exc.start}") from exc


def _detect(data: bytes, source: str | None) -> str:
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError("E101", source, detail="no text encoding fits the bytes")
    return data.decode(encoding, errors="replace")


def detect_encoding(data: bytes) -> str | None:
    """The most likely legacy encoding of bytes that are not UTF-8, or None for binary data.

    charset-normalizer ranks every code page that fits; on short texts it
    often ranks old DOS or Mac code pages (cp437, cp775) first.  Only the
    encodings that web pages use are considered, and Windows-1252, by far the
    most common of them, wins a near tie.
    """
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    web = next((r for r in results if r.encoding in WEB_ENCODINGS), None)
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (web is None or western.chaos <= web.chaos + 0.1):
        return "cp1252"
    best = web or results.best()
    return best.encoding if best is not None else None
