"""Quote extraction over the shared spaCy parse: rules for direct quotes, a learned scorer for indirect ones.

Direct quotes come from quotation-mark pairing (:mod:`.marks`); each is
attributed to the nearest reporting verb next to it, outside any quote, whose
subject is the speaker.  Indirect quotes are chosen among the cue/content
candidates of :mod:`.candidates` (clausal and infinitival complements, objects
and prepositional objects of verbs, clauses of nouns such as "claim") by the
logistic-regression scorer of :mod:`.scorer`, trained on PolNeAR ``train``;
"according to X" clauses are kept by rule.  An indirect clause that holds a
direct quote is joined with it into one quote, as PolNeAR annotates it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spinscope.detectors.quotes.candidates import candidates, features, has_word, is_edge
from spinscope.detectors.quotes.lexicon import ACCORDING, CUE_VERBS, INTENT_VERBS
from spinscope.detectors.quotes.marks import quote_spans
from spinscope.detectors.quotes.scorer import load as load_scorer

MIN_DIRECT_WORDS = 4  # shorter quoted strings are scare quotes or titles unless a clause holds them
NEAR_CHARS = 80  # how far from a quote's edge its reporting verb may stand
CHAIN_GAP = 120  # at most this many characters of attribution between two parts of one quote
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that"}
SPEAKER_LEFT = ("compound", "amod", "det", "poss", "nmod", "nummod")
TRAILING = {"advcl", "conj"}
# Subjects that name no one: "which appears to be …", "This suggests …", a stray "'s"
NON_SPEAKERS = frozenset({"this", "these", "those", "'s", "’s", "s"})


@dataclass
class Quote:
    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None
    speaker_token: int | None = None  # token index of the speaker's head, for resolution
    score: float = 0.5
    cue_token: int | None = None
    speaker_tokens: tuple[int, int] | None = None  # token range of the speaker mention
    learned: bool = False  # an indirect candidate whose score is the scorer's probability
    no_speaker: bool = False  # the cue's subject is a word that names nobody ("which", "this", "'s")


def extract(doc, scorer=None, tagged=None, blend=None) -> list[Quote]:
    """Every quote in a parsed article, sorted, none overlapping another (``scorer``: the shipped one by default).

    With the attribution tagger's outputs (``tagged``, :mod:`.tagger`) and a
    ``blend``, each learned candidate's score is the blend of the scorer's
    probability and the tagger's, cut at the blend's threshold.
    """
    scorer = scorer or load_scorer()
    if tagged is None or blend is None:
        return assemble(doc, scored(doc, scorer), scorer.threshold)
    from spinscope.detectors.quotes.tagger import span_features

    quotes = scored(doc, scorer)
    feats = [span_features(tagged, q.start, q.end, q.score) if q.learned else None for q in quotes]
    return [_tagged_speaker(doc, q, tagged) for q in assemble(doc, rescore(quotes, feats, blend), blend.threshold)]


def _tagged_speaker(doc, quote: Quote, tagged) -> Quote:
    """A quote the parse left without a speaker takes the tagger's source nearest it, in the same sentences
    ("Donald Trump's claim that …", "shaming X" under a subject the parse did not reach)."""
    from dataclasses import replace

    from spinscope.detectors.quotes.tagger import source_near

    if quote.speaker is not None:
        return quote
    found = source_near(tagged, doc, quote.start, quote.end)
    mention = doc.char_span(*found, alignment_mode="expand") if found else None
    if mention is None or not len(mention):
        return quote
    return replace(quote, speaker=(mention.start_char, mention.end_char), speaker_token=mention.root.i, speaker_tokens=(mention.start, mention.end))  # whole words


def rescore(quotes: list[Quote], feats: list, blend) -> list[Quote]:
    """Copies of ``quotes`` whose learned scores are the blend's (``feats[i]`` None keeps quote i's score)."""
    from dataclasses import replace

    return [q if f is None else replace(q, score=round(blend.score(f), 3)) for q, f in zip(quotes, feats)]


def scored(doc, scorer) -> list[Quote]:
    """Every indirect candidate with the scorer's probability as its score, and the "according to" clauses."""
    return [q for q in _indirect(doc, quote_spans(doc.text), scorer) if q.end > q.start]


def assemble(doc, indirect: list[Quote], threshold: float) -> list[Quote]:
    """Direct quotes, and the indirect candidates at or above ``threshold``, overlaps resolved."""
    text = doc.text
    marks = quote_spans(text)
    starts = [t.idx for t in doc]
    kept = [q for q in indirect if (not q.learned or q.score >= threshold) and not q.no_speaker]
    direct = _chain(text, list(_direct(doc, text, marks, starts)))
    return _resolve_overlaps(kept, direct)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls inside one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _token_at(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _is_cue(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_VERBS | INTENT_VERBS


def _direct(doc, text, marks, starts):
    for start, end in marks:
        if len(text[start:end].split()) < MIN_DIRECT_WORDS:
            continue
        cue = _nearest_cue(doc, text, starts, start, end, marks) or _lead_in_cue(doc, text, starts, start, marks)
        quote = Quote(start, end, True, score=0.6)
        if cue is not None:
            _attribute(quote, cue)
            quote.score = 0.9 if quote.speaker else 0.75
        if quote.speaker is None:
            _attribution_line(doc, text, starts, quote)
        yield quote


def _chain(text: str, quotes: list[Quote]) -> list[Quote]:
    """Join ``"A," she said. "B."`` into one quote: a quote whose only cue is the previous quote's.

    The attribution between the parts stays inside the span, as in PolNeAR's
    discontinuous content read as one extent.
    """
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and prev.cue is not None and prev.cue[0] >= prev.end and q.start - prev.end <= CHAIN_GAP and q.cue_token in (None, prev.cue_token) and prev.cue[1] <= q.start:
            prev.end = q.end
            continue
        out.append(q)
    return out


def _nearest_cue(doc, text: str, starts, start: int, end: int, marks):
    """The reporting verb closest to the quote, outside every quote, in the same paragraph."""
    lo = max(text.rfind("\n", 0, start), start - NEAR_CHARS)
    hi = text.find("\n", end)
    hi = min(hi if hi >= 0 else len(text), end + NEAR_CHARS)
    best, best_gap = None, None
    for i in range(_token_at(starts, max(lo, 0)), _token_at(starts, hi) + 1):
        tok = doc[i]
        if not lo <= tok.idx < hi or _inside(tok.idx, marks) or not _is_cue(tok):
            continue
        gap = tok.idx - end if tok.idx >= end else (start - tok.idx) * 1.5  # prefer "..., he said"
        if best_gap is None or gap < best_gap:
            best, best_gap = tok, gap
    return best


def _lead_in_cue(doc, text: str, starts, start: int, marks):
    """A quotation that opens its paragraph after one ending in a colon ("As Anti-Media summarized:"):
    the reporting verb of that lead-in."""
    para = text.rfind("\n", 0, start)
    if para < 0 or text[para + 1 : start].strip(" \t'\"“‘«"):
        return None
    before = text[:para].rstrip()
    if not before.endswith(":"):
        return None
    lo = max(text.rfind("\n", 0, len(before)) + 1, len(before) - 2 * NEAR_CHARS)
    cues = [
        doc[i]
        for i in range(_token_at(starts, lo), _token_at(starts, len(before)) + 1)
        if lo <= doc[i].idx < len(before) and not _inside(doc[i].idx, marks) and (_is_cue(doc[i]) or doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in LEAD_IN_VERBS)
    ]
    return cues[-1] if cues else None


# Verbs that introduce a quotation only before a colon ("As Anti-Media summarized:", "as she put it:")
LEAD_IN_VERBS = frozenset("summarize summarise put describe recount sum explain observe write note release issue read".split())
# A role before the name on an attribution line ("Pentagon spokesman John Kirby", "former minister Ana Ruiz").
ATTRIBUTION_ROLE = (
    r"(?:former|deputy|acting|vice|chief|prime|spokes(?:man|woman|person)|president|senator|minister|secretary|chair(?:man|woman)?|director|"
    r"leader|general|governor|mayor|ambassador|professor|analyst|official|advis[eo]r|founder|executive|editor|author|commissioner|representative|lawmaker)"
)
ATTRIBUTION_LINE = re.compile(
    r"^[ \t]*(?:[―—–-]+|by\b)?[ \t]*(?:(?:[A-Z][\w.'’-]+|" + ATTRIBUTION_ROLE + r")[ \t]+){0,3}?"
    r"(?P<name>[A-Z][\w.'’-]+(?:[ \t]+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|la|le)){0,4})[ \t]*(?:,[^\n]{0,80})?$"
)


def _attribution_line(doc, text: str, starts, quote: Quote) -> None:
    """A quotation on its own line with the speaker's name on the next ("― Oscar P. Quintero")."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    if text[line_start : quote.start].strip(" \t'\"“‘«"):
        return  # the quotation is not its own line
    nl = text.find("\n", quote.end)
    if nl < 0 or text[quote.end : nl].strip(" \t.,'\"”’»"):
        return
    nxt = nl + 1
    while nxt < len(text) and text[nxt] == "\n":
        nxt += 1
    end = text.find("\n", nxt)
    end = len(text) if end < 0 else end
    m = ATTRIBUTION_LINE.match(text[nxt:end])
    if not m or len(m.group("name").split()) < 2 and not text[nxt:end].lstrip().startswith(("―", "—", "–", "-")):
        return
    a, b = nxt + m.start("name"), nxt + m.end("name")
    quote.speaker = (a, b)
    first, last = _token_at(starts, a), _token_at(starts, b - 1)
    quote.speaker_token, quote.speaker_tokens = last, (first, last + 1)
    quote.score = 0.85


def _indirect(doc, marks, scorer):
    """Every cue/content candidate, scored, and the "according to X" clauses."""
    for cand in candidates(doc, lambda pos: _inside(pos, marks)):
        if cand.cue.lower_ == ACCORDING:
            continue
        quote = Quote(cand.start, cand.end, False, score=round(scorer.score(features(cand)), 3), learned=True)
        _attribute(quote, cand.cue)
        yield quote
    for tok in doc:
        if tok.lower_ == ACCORDING and tok.dep_ in ("prep", "advcl") and not _inside(tok.idx, marks):
            quote = _according(doc, tok)
            if quote:
                yield quote
        elif tok.dep_ in ("parataxis", "advcl") and _is_cue(tok) and not _inside(tok.idx, marks):
            quote = _parenthetical(doc, tok)
            if quote:
                yield quote
    yield from _labelled_lines(doc)


def _parenthetical(doc, cue) -> Quote | None:
    """A reporting clause set into the sentence it reports: "The emails were on work topics, the Times
    said, including speeches", "As Breitbart News reported, the White House refused …".  The sentence
    is the content (the tag left out at its edges, kept inside it, as one extent); the tag's subject speaks."""
    if cue.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.children):
        return None  # the cue has a content of its own: a candidate
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    head = cue.head
    tag = (cue.left_edge.i, cue.right_edge.i)
    tokens = [t for t in head.subtree]
    if any(t.text in '"“”«»' for t in tokens):
        return None  # a quotation: the direct quote carries it
    if tag[0] <= tokens[0].i:
        tokens = [t for t in tokens if t.i > tag[1]]
    elif tag[1] >= tokens[-1].i or all(is_edge(t) for t in tokens if t.i > tag[1]):
        tokens = [t for t in tokens if t.i < tag[0]]
    while tokens and is_edge(tokens[0]):
        tokens.pop(0)
    while tokens and is_edge(tokens[-1]):
        tokens.pop()
    if len(tokens) < MIN_DIRECT_WORDS or not any(has_word(t) for t in tokens):
        return None
    quote = Quote(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), False, score=0.75)
    _attribute(quote, cue)
    return quote if quote.speaker else None


def _labelled_lines(doc):
    """A line that opens with a name and a colon ("Paul Ryan: FBI Decision … Defies Explanation",
    "WALLACE: Well, …"): the rest of the line is what the name said."""
    from spinscope.detectors.claims.attribution import speaker_label

    text = doc.text
    starts = None
    for sent in doc.sents:
        first = sent.start_char
        while first < sent.end_char and text[first].isspace():
            first += 1
        if first and text[first - 1] != "\n":
            continue
        label = speaker_label(sent)
        if label is None:
            continue
        colon = text.index(":", label[1])
        end = text.find("\n", colon)
        end = len(text) if end < 0 else end
        start = colon + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
            end -= 1
        if len(text[start:end].split()) < MIN_DIRECT_WORDS:
            continue
        quote = Quote(start, end, False, score=0.9)  # a rule, over the learned readings of the same line; no cue word
        starts = starts or [t.idx for t in doc]
        first_tok, last_tok = _token_at(starts, label[0]), _token_at(starts, label[1] - 1)
        quote.speaker, quote.speaker_token, quote.speaker_tokens = label, last_tok, (first_tok, last_tok + 1)
        yield quote


def _according(doc, according) -> Quote | None:
    """ "according to X, <clause>": the clause is the content, X the speaker."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    head, skip = according.head, (according.left_edge.i, according.right_edge.i)
    tokens = [t for t in head.subtree if not skip[0] <= t.i <= skip[1]]
    while tokens and is_edge(tokens[0]):
        tokens.pop(0)
    while tokens and is_edge(tokens[-1]):
        tokens.pop()
    if len(tokens) < 3 or not any(has_word(t) for t in tokens):
        return None
    quote = Quote(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), False, score=0.75)
    quote.cue = (according.idx, to.idx + len(to))
    _set_speaker(quote, source)
    return quote


def _attribute(quote: Quote, verb) -> None:
    """Fill cue and speaker from a reporting verb: its subject, or its governing verb's subject."""
    quote.cue = (verb.idx, verb.idx + len(verb))
    quote.cue_token = verb.i
    subject = _subject(verb)
    if subject is not None and "\n" not in verb.doc.text[min(subject.idx, verb.idx) : max(subject.idx, verb.idx)]:
        _set_speaker(quote, subject)  # a subject across a line break is the parse running a headline into the body


def _subject(verb):
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "ccomp" for c in verb.children):
        return verb.head  # "A Quinnipiac poll found …" parsed as a noun with a reduced relative clause
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                    noun = verb.head  # "Saddam Hussein, a man who opposed …": the name the relative's noun stands beside
                    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            if child.dep_ == "poss" and verb.pos_ == "NOUN":  # "Trump's claim that ..."
                return child
        if verb.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _set_speaker(quote: Quote, head) -> None:
    """The speaker's mention: its head with the adjacent compound, title and determiner words before it;
    for a role noun with a name in apposition ("the cleric, Ayatollah Ahmad Khatami"), the name.

    A head with no letter or digit (a stray quotation mark or full stop the parse made the subject) names
    nobody: the quote keeps no speaker."""
    if not has_word(head):
        return
    if head.lower_ in NON_SPEAKERS:
        quote.no_speaker = True
        return
    if head.lower_ in ("which", "what"):  # a clause, not a speaker: the quote stands, unattributed
        return
    doc = head.doc
    if _dateline(head):
        head = _after_dateline(head)
        if head is None:
            return
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and head.pos_ != "PROPN":  # "said the cleric, Ayatollah Ahmad Khatami": the name speaks
        head = named
    lefts = {t.i for c in head.lefts if c.dep_ in SPEAKER_LEFT for t in c.subtree}  # "A [Quinnipiac University] poll"
    left = head.i
    while left - 1 in lefts and "\n" not in doc[left - 1].whitespace_:
        left -= 1
    right = head.i
    while right + 1 < len(doc) and doc[right + 1].head.i == head.i and doc[right + 1].dep_ in ("compound", "flat"):
        right += 1
    while right + 2 < len(doc) and not doc[right].whitespace_ and doc[right + 1].text == "-" and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha:
        right += 2  # a hyphenated name the tokenizer split: "Anti-Media"
    quote.speaker = (doc[left].idx, doc[right].idx + len(doc[right]))
    quote.speaker_token = head.i
    quote.speaker_tokens = (left, right + 1)


DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def _dateline(head) -> bool:
    """A subject that is the dateline opening the paragraph ("PHILADELPHIA, July 25 (UPI) — The DNC released …"):
    capitals at the start of a line, with a dash between it and its verb."""
    doc = head.doc
    if not head.is_upper or len(head.text) < 3 or (head.i > 0 and "\n" not in doc[head.i - 1].text + doc[head.i - 1].whitespace_):
        return False
    verb = head.head
    return any(t.text in DATELINE_DASHES for t in doc[head.i + 1 : verb.i])


def _after_dateline(head):
    """The head of the first noun phrase after a dateline's dash and before its verb, or None."""
    doc, verb = head.doc, head.head
    dash = max(t.i for t in doc[head.i + 1 : verb.i] if t.text in DATELINE_DASHES)
    return next((chunk.root for chunk in doc.noun_chunks if dash < chunk.start and chunk.end <= verb.i), None)


def _resolve_overlaps(indirect: list[Quote], direct: list[Quote]) -> list[Quote]:
    """Direct quotes first; then indirect ones, best score first.

    An indirect clause that overlaps only direct quotes is joined with them
    (PolNeAR reads "said that “...”" as one content); one that overlaps a kept
    indirect quote is dropped.
    """
    kept = list(direct)
    for q in sorted(indirect, key=lambda q: (-q.score, q.start)):
        hit = [k for k in kept if k.start < q.end and q.start < k.end]
        if any(not k.direct for k in hit):
            continue
        merged = q
        for k in hit:
            merged = _join(merged, k)
        if any(not k.direct and k.start < merged.end and merged.start < k.end for k in kept):
            continue  # the joined span would reach into another indirect quote
        kept = [k for k in kept if k not in hit] + [merged]
    return sorted(kept, key=lambda q: q.start)


def _join(a: Quote, b: Quote) -> Quote:
    """One quote from two overlapping ones: the union of spans, attribution from the one that has it."""
    first, second = (a, b) if a.speaker or not b.speaker else (b, a)
    direct = a.direct or b.direct
    merged = Quote(
        min(a.start, b.start),
        max(a.end, b.end),
        direct,
        first.cue or second.cue,
        first.speaker or second.speaker,
        first.speaker_token if first.speaker else second.speaker_token,
        max(a.score, b.score),
    )
    merged.speaker_tokens = first.speaker_tokens if first.speaker else second.speaker_tokens
    return merged
