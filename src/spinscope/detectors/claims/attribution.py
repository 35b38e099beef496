"""Who stands behind a sentence, read from the article's own structure.

A sentence is attributed when it carries its own attribution — a reporting
verb with a subject ("Reuters reported", "a senior official told AFP", "the
study found"), a passive with an agent ("was reported by Reuters"),
"according to X" or "per X" — or when it lies inside a quotation whose
speaker is named in a sentence of the same quotation or right after it, or
in the attributed quotation that ends the paragraph before.
Nothing is guessed: no attribution found means ``source`` is None.
"""

from __future__ import annotations

import bisect
import functools
import re

from spinscope.nlp import text_of

REPORTING_VERBS = frozenset(
    "say tell report claim state announce cite add note explain write argue insist warn confirm deny estimate "
    "allege assert acknowledge admit testify tweet declare reveal find show indicate predict conclude disclose "
    "quote publish post accuse charge maintain contend stress emphasize emphasise recall describe complain "
    "mention reply respond inform calculate project forecast count record document learn voice observe brag boast "
    "tout concede".split()
)
# Verbs that report speech only when they frame a quotation or a that-clause ("he continued,
# “…”", "she suggested the plan would fail"), not otherwise ("prices continued to rise")
FRAMING_VERBS = frozenset(
    "continue ask answer joke quip urge vow pledge promise suggest remark exclaim shout retort counter reiterate repeat caution assure advise demand wonder lament propose recount summarize summarise".split()
)
# Reporting verbs in these roles do not attribute the sentence ("the man who said hello")
SKIP_DEPS = frozenset({"relcl", "acl", "amod", "pcomp", "xcomp", "csubj", "prep", "pobj", "compound"})
# "once he has said his piece": a reporting verb in a temporal or conditional clause attributes nothing
SUBORDINATORS = frozenset({"once", "when", "whenever", "if", "unless", "after", "before", "because", "while", "until", "since"})
SPEECH_TAG_TOKENS = 8  # '"Stop!" he said.' may parse as two sentences; the second is this short at most
EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "what", "which", "who"})
OPEN_QUOTES = '"“«'
CLOSE_QUOTES = '"”»'
_MARKS = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + "\n]")


def claim_units(doc) -> list:
    """spaCy's sentences, cut at line breaks so that none runs from a headline into the body,
    and joined again where the parser split a sentence with no sentence-final punctuation
    before the cut ("I know these folks | and I know their families.")."""
    pieces = []  # (start token, end token, ends at a line break)
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                pieces.append((start, tok.i, True))
                start = tok.i + 1
        pieces.append((start, sent.end, False))
    pieces = [p for p in pieces if p[1] > p[0] and _has_word(doc[p[0] : p[1]].text)]
    units: list[tuple[int, int, bool]] = []
    for start, end, at_break in pieces:
        if units and _continues(doc, units[-1], end):
            units[-1] = (units[-1][0], end, at_break)
        else:
            units.append((start, end, at_break))
    return [doc[start:end] for start, end, _ in units]


SENTENCE_END = frozenset(".!?…:;")
TRAILING = "\"'”’)]»"
MAX_JOINED_CHARS = 600  # never build a "sentence" longer than this from unpunctuated text


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _continues(doc, previous: tuple[int, int, bool], end: int) -> bool:
    """Whether the piece ending at token ``end`` continues ``previous``: no line break and no
    sentence-final punctuation between them, and the two together stay sentence-sized."""
    start, prev_end, at_break = previous
    if at_break:
        return False
    last = doc[start:prev_end].text.rstrip().rstrip(TRAILING)
    if not last or last[-1] in SENTENCE_END:
        return False
    return doc[end - 1].idx + len(doc[end - 1]) - doc[start].idx <= MAX_JOINED_CHARS


def own_source(sent) -> tuple[int, int] | None:
    """(start, end) character offsets of the source this sentence credits itself, or None."""
    for finder in (_according_to, _reporting_verb):
        found = finder(sent)
        if found:
            return found
    return None


def _according_to(sent) -> tuple[int, int] | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            return _object_of(tok.nbor(), sent)
        if tok.lower_ == "per" and tok.dep_ == "prep" and tok.i > sent.start:
            return _object_of(tok, sent)
    return None


def _object_of(prep, sent) -> tuple[int, int] | None:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects:
        return _phrase(objects[0], sent)
    # an unparsed "according to X": take the noun phrase that follows
    following = [c for c in sent.noun_chunks if c.start == prep.i + 1]
    return (following[0].start_char, following[0].end_char) if following else None


def _reporting_verb(sent) -> tuple[int, int] | None:
    """The subject of the reporting verb nearest the root ("..., the source added" over an embedded "told")."""
    for tok in sorted((t for t in sent if _is_reporting(t, sent)), key=_depth):
        source = _subject(tok, sent)
        if source:
            return source
    return None


def _is_reporting(tok, sent) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in SKIP_DEPS:
        return False
    if lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        lemma = "point out"
    if lemma == "call" and next((t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 3] if not t.is_space), "") == "for":
        return not any(c.dep_ == "neg" for c in tok.children) and not _inside_quote(tok, sent)  # "X has called for troops to stay"
    if lemma in ("point out", *FRAMING_VERBS):
        if any(c.dep_ == "xcomp" for c in tok.children):  # "prices continued to rise", "vowed to fight"
            return False
        if not (any(c.dep_ == "ccomp" for c in tok.children) or _frames_quote(sent)):
            return False
    elif lemma not in REPORTING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in tok.children):  # "the FBI can't find a motive"
        return False
    if any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in tok.children):
        return False
    return not _inside_quote(tok, sent)


def _frames_quote(sent) -> bool:
    """Whether the sentence holds a quotation mark or directly follows one, or a comma
    ('“…,” he continued.' parsed as two sentences)."""
    if any(ch in OPEN_QUOTES or ch in CLOSE_QUOTES for ch in sent.text):
        return True
    before = text_of(sent.doc)[max(0, sent.start_char - 8) : sent.start_char].rstrip()
    return bool(before) and before[-1] in CLOSE_QUOTES + ","


def _depth(tok) -> tuple[int, int]:
    return sum(1 for _ in tok.ancestors), tok.i


def _subject(verb, sent) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _phrase(objects[0], sent)
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in EMPTY_SUBJECTS:
            return _phrase(child, sent)
    if verb.dep_ == "conj" and verb.head.i != verb.i:  # "X met reporters and said ...": X's subject
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.lower_ not in EMPTY_SUBJECTS]
        return _phrase(subjects[0], sent) if subjects else None
    return None


def _phrase(head, sent) -> tuple[int, int] | None:
    """The head's subtree within the sentence, cut before a relative clause or a comma aside; for a
    role noun with a name in apposition ("said the cleric, Ayatollah Ahmad Khatami"), the name, as the
    quotes detector reads it."""
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and sent.start <= c.i < sent.end), None)
    if named is not None and head.pos_ != "PROPN":
        return _phrase(named, sent)
    left = max(head.left_edge.i, sent.start)
    right = min(head.right_edge.i, sent.end - 1)
    for tok in head.children:
        if tok.i > head.i and (tok.dep_ in ("relcl", "acl", "appos") or tok.is_punct):
            right = min(right, tok.i - 1)
    if left > right:  # the head's subtree lies outside this unit (a sentence cut at a line break)
        return None
    doc = sent.doc
    while right + 2 < sent.end and doc[right + 1].text == "-" and not doc[right].whitespace_ and not doc[right + 1].whitespace_:
        right += 2  # "Anti-Media" parsed as "Anti" beside "-" and "Media"
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    if doc[left].is_punct or doc[left].is_space:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _inside_quote(tok, sent) -> bool:
    """Whether ``tok`` sits between quotation marks within its paragraph."""
    return _depth_at(text_of(sent.doc), tok.idx) > 0


def _depth_at(text: str, offset: int) -> int:
    """1 when an odd number of quotation marks opened between the paragraph's start and ``offset``, else 0."""
    positions, states = _quote_marks(text)
    k = bisect.bisect_left(positions, offset) - 1  # the last mark or line break before ``offset``
    return states[k] if k >= 0 else 0


@functools.lru_cache(maxsize=8)
def _quote_marks(text: str) -> tuple[list[int], list[int]]:
    """Every quotation mark and line break of ``text`` with the quote depth just after it.

    Read once per text, so that asking about any offset is a binary search:
    scanning from the paragraph's start for every reporting verb took
    minutes on a megabyte-long single-line paragraph.  A line break closes
    any open quotation (paragraphs are scanned on their own).
    """
    positions, states, depth = [], [], 0
    for match in _MARKS.finditer(text):
        ch = match.group()
        if ch == "\n":
            depth = 0
        elif ch in OPEN_QUOTES and (ch != '"' or depth == 0):
            depth = 1
        elif ch in CLOSE_QUOTES:
            depth = 0
        positions.append(match.start())
        states.append(depth)
    return positions, states


def sources(sents: list) -> list[tuple[int, int] | None]:
    """The source of each sentence.

    In order: its own; the speaker label its paragraph opens with ("PENCE:
    Well, …", "Sanders: Clinton needs …"); the source of a sentence that
    leads into it with a colon ("The New York Times reports:"); the
    speaker of the quotation it belongs to (:func:`_quote_speakers`).
    """
    found = [own_source(s) for s in sents]
    text = text_of(sents[0].doc) if sents else ""
    paragraphs = _paragraph_starts(text, sents)
    label = None
    for i, sent in enumerate(sents):
        if i == 0 or paragraphs[i] != paragraphs[i - 1]:
            label = speaker_label(sent) if _first_char(text, sent) == paragraphs[i] else None
        if found[i] is None:
            found[i] = label
        if found[i] is None and i and _led_in(text, sents[i - 1], sent):
            found[i] = found[i - 1] or _lead_in_source(sents[i - 1])
    _quote_speakers(text, sents, paragraphs, found)
    return found


def _paragraph_starts(text: str, sents: list) -> list[int]:
    """The offset where each sentence's paragraph starts, found in one pass over the text."""
    starts, start, searched = [], 0, 0
    for sent in sents:
        first = _first_char(text, sent)
        newline = text.rfind("\n", searched, first)
        if newline >= 0:
            start = newline + 1
        searched = max(searched, first)
        starts.append(start)
    return starts


def _quote_speakers(text: str, sents: list, paragraphs: list[int], found: list) -> None:
    """Give each quoted sentence without a source the speaker of its quotation, in place.

    Backwards: the nearest earlier sentence of the same quotation that has a
    speaker and a quotation mark.  Forwards, within the paragraph: the first
    sentence with a speaker, up to the one that closes the quotation and a
    short tag after it ("... ," he said).  The quotation goes on across a
    paragraph break where it runs on (:func:`_runs_on`); a paragraph that
    opens with a new quotation after one that ends in an attributed
    quotation keeps that speaker unless it names its own.  Both
    directions are carried from sentence to sentence, so a long quotation
    costs one pass, not one pass per sentence.
    """
    quoted = [_quoted(text, s) for s in sents]
    own = list(found)
    ahead: list = [None] * len(sents)
    for i in range(len(sents) - 2, -1, -1):
        j = i + 1
        if paragraphs[j] != paragraphs[i]:
            continue
        if own[j] is not None and (quoted[j] or len(sents[j]) <= SPEECH_TAG_TOKENS):
            ahead[i] = own[j]
        elif quoted[j]:
            ahead[i] = ahead[j]
    behind, carried = None, False
    for i, sent in enumerate(sents):
        joined = i > 0 and quoted[i] and (paragraphs[i] == paragraphs[i - 1] or _runs_on(text, paragraphs[i]))
        speaking = i > 0 and found[i - 1] is not None and any(ch in OPEN_QUOTES + CLOSE_QUOTES for ch in sents[i - 1].text)
        if joined:
            if speaking:
                behind, carried = found[i - 1], False
        elif quoted[i] and speaking and _opens_paragraph(text, sent, paragraphs[i]):
            # a new paragraph that is a quotation after a paragraph ending in an attributed quotation:
            # the same speaker goes on, unless this quotation names its own
            behind, carried = found[i - 1], True
        else:
            behind, carried = None, False
        if found[i] is None and quoted[i]:
            found[i] = (ahead[i] or behind) if carried else (behind or ahead[i])


def _opens_paragraph(text: str, sent, paragraph: int) -> bool:
    """Whether ``sent`` is the first sentence of its paragraph and opens it with a quotation mark."""
    first = _first_char(text, sent)
    return first < len(text) and text[first] in OPEN_QUOTES and not text[paragraph:first].strip()


# Line openers that end in a colon but name no source ("BREAKING: …", "Editor's note: …")
NOT_SPEAKERS = frozenset(
    "breaking update updates updated exclusive watch video videos photos photo image images opinion analysis editorial "
    "commentary note editor related read listen source sources credit credits warning live report poll q a "
    "transcript question answer summary background context correction clarification fact check factbox "
    "explainer timeline highlights takeaways line points facts quote quotes topics tags share subscribe "
    "advertisement sponsored disclaimer disclosure copyright contact email tel phone fax address".split()
)
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP"})
LABEL_TOKENS = 5  # "Sen. Elizabeth Warren (D-Mass.):" is about as long as a speaker label gets


def speaker_label(sent) -> tuple[int, int] | None:
    """A name and a colon opening a line: a transcript's "WALLACE:" or a headline's "Pence: …".

    The words before the colon must be a name — one person, organisation
    or group entity, or capitalised nouns that are no place or date (a
    dateline such as "NEW DELHI:" names no speaker) — not a rubric such as
    "BREAKING:", and words must follow it on its line.
    """
    colon = next((t for t in sent[: LABEL_TOKENS + 1] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    text = text_of(sent.doc)
    line_end = text.find("\n", colon.idx)
    if not any(ch.isalnum() for ch in text[colon.idx : line_end if line_end >= 0 else len(text)]):
        return None  # nothing said after the label on its line
    words = [t for t in sent.doc[sent.start : colon.i] if not t.is_punct]
    if not words or not words[0].text[:1].isupper() or any(t.lower_ in NOT_SPEAKERS for t in words):
        return None
    types = {t.ent_type_ for t in words}
    if types - SPEAKER_ENTS - {""}:
        return None  # a dateline ("NEW DELHI: …") or a date, not a speaker
    if not (types <= SPEAKER_ENTS) and not all(t.pos_ in ("PROPN", "NOUN") and (t.is_title or t.is_upper) for t in words):
        return None  # a name is capitalised ("Sanders:" opening a headline is often tagged a noun)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _lead_in_source(sent) -> tuple[int, int] | None:
    """The speaker of a lead-in that ends in a colon ("As Anti-Media summarized at the time:").

    A lead-in frames what follows it, so a reporting or framing verb counts
    here without the clausal complement or quotation mark it needs elsewhere,
    and an "As" before it does not make it a side remark.
    """
    for tok in sorted(sent, key=_depth):
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in REPORTING_VERBS | set(FRAMING_VERBS):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or _inside_quote(tok, sent):
            continue
        source = _subject(tok, sent)
        if source:
            return source
    return None


def _led_in(text: str, before, sent) -> bool:
    """Whether ``before`` ends in a colon that introduces ``sent`` on its line or the next paragraph."""
    first = _first_char(text, sent)
    return text[before.start_char : first].rstrip().endswith(":") and text.count("\n", before.end_char, first) <= 2


def _quoted(text: str, sent) -> bool:
    """Whether the sentence starts inside a quotation (a leading mark that closes one does not count)."""
    start = _first_char(text, sent)
    if start < sent.end_char and text[start] in OPEN_QUOTES + CLOSE_QUOTES:
        start += 1
    return _depth_at(text, start) > 0


def _runs_on(text: str, paragraph: int) -> bool:
    """Whether the quotation of the paragraph before runs on into the one at ``paragraph``.

    The convention of print: a quotation that goes on in a new paragraph
    leaves the first one without a closing mark and opens the next with one.
    """
    before = paragraph
    while before > 0 and text[before - 1].isspace():
        before -= 1
    opens = text[paragraph : paragraph + 1]
    return before > 0 and bool(opens) and opens in OPEN_QUOTES and _depth_at(text, before) > 0


def _first_char(text: str, sent) -> int:
    start = sent.start_char
    while start < sent.end_char - 1 and text[start].isspace():
        start += 1
    return start
