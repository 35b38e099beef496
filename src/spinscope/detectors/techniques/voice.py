"""Whose technique is it: the author's, or one the article quotes or reports?

A technique span is ``quoted`` when it lies in the words of a quote the
quotes detector found (direct or reported: ``He said the minister was "a
traitor"``, ``Officials claim the plan is a disaster``), or in what a third
party is reported to have called someone (``...called the Prime Minister a
traitor``, ``branded the protesters thugs``).  Everything else is the
author's.  Of the quotes detector's spans only those that are someone's words
count (:func:`another_voice`): scare quotes of a word or two without a
speaker ("so-called "experts"") and clauses after a cue that is no verb of
saying stay the author's.
"""

from __future__ import annotations

from dataclasses import dataclass

# verbs whose object and complement are another's words: "X called Y a traitor"
NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "describe", "denounce", "term", "name", "accuse", "slam", "blast", "decry", "condemn"})
# subjects that are the author speaking (no reported voice)
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})
MIN_OVERLAP = 0.5  # share of the technique span's characters inside the quote
# Reported speech counts as another's voice only after a verb of saying; the quotes detector also
# finds clauses after "decision", "sense" or "puts", which are the author's own words.
REPORTING = frozenset(
    {
        "say",
        "tell",
        "claim",
        "warn",
        "insist",
        "contend",
        "state",
        "announce",
        "report",
        "argue",
        "allege",
        "suggest",
        "add",
        "note",
        "write",
        "declare",
        "assert",
        "accuse",
        "deny",
        "admit",
        "predict",
        "promise",
        "vow",
        "threaten",
        "call",
        "describe",
        "explain",
        "maintain",
        "charge",
        "complain",
        "urge",
        "tweet",
        "post",
        "reply",
        "respond",
        "ask",
        "believe",
        "think",
        "accord",
    }
)
MIN_DIRECT_WORDS = 3  # shorter quotation marks without a speaker are scare quotes: the author's


@dataclass(frozen=True)
class Voice:
    voice: str  # "author" or "quoted"
    speaker: dict | None = None  # {"start", "end", "text"} of who says it, when known
    actor: str | None = None  # the speaker's actor id, when the quotes detector knows it
    quote: tuple[int, int] | None = None  # the quote span it lies in

    def attrs(self) -> dict:
        out: dict = {"voice": self.voice}
        if self.voice == "quoted":
            out["speaker"] = self.speaker
            out["actor"] = self.actor
            if self.quote is not None:
                out["quote"] = {"start": self.quote[0], "end": self.quote[1]}
        return out


AUTHOR = Voice("author")


def voice_of(start: int, end: int, quotes: list, doc) -> Voice:
    """The voice of the technique span ``[start, end)`` given the article's quotes that are someone
    else's words (filtered once per article with :func:`another_voice`) and its Doc."""
    length = max(1, end - start)
    for q in quotes:
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > 0 and overlap / length >= MIN_OVERLAP:
            attrs = q.attrs or {}
            return Voice("quoted", speaker=attrs.get("speaker"), actor=attrs.get("actor"), quote=(q.start, q.end))
    return _reported_naming(start, end, doc) or AUTHOR


def another_voice(quote, doc) -> bool:
    """Whether a quote span is someone else's words: a direct quote with a speaker or of a few words,
    or reported speech after a verb of saying with a speaker."""
    attrs = quote.attrs or {}
    speaker = (attrs.get("speaker") or {}).get("text") or ""
    has_speaker = any(ch.isalpha() for ch in speaker.replace("\u2019s", "").replace("'s", ""))
    if attrs.get("direct") or quote.label == "direct":
        if has_speaker or doc is None:
            return True
        return len(doc.text[quote.start : quote.end].split()) >= MIN_DIRECT_WORDS
    cue = attrs.get("cue") or {}
    if not has_speaker or doc is None or "start" not in cue:
        return False
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in REPORTING for t in span)


def _reported_naming(start: int, end: int, doc) -> Voice | None:
    """``X called Y a traitor``: the span lies in the object or complement of a naming verb whose
    subject is a third party."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    child = span.root
    for token in span.root.ancestors if span.root.dep_ != "ROOT" else ():
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in NAMING_VERBS and _names(token, child):
            if token.idx >= start:  # the span must follow the verb: it is what was called, not who called
                return None
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or subjects[0].lower_ in FIRST_PERSON:
                return None
            subject = subjects[0]
            left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            return Voice("quoted", speaker={"start": left, "end": right, "text": doc.text[left:right]})
        child = token
    return None


NAMED = frozenset({"dobj", "oprd", "xcomp", "ccomp", "attr", "acomp", "obj"})


def _names(verb, child) -> bool:
    """Whether ``child`` (on the path up to ``verb``) is what the verb names: its object or
    complement, or "as ..." / "of ..." ("described them as thugs", "accused him of treason");
    not "called for an end to the war"."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    if child.dep_ in NAMED:
        return True
    return child.dep_ == "prep" and child.lower_ in ("as", "of")
