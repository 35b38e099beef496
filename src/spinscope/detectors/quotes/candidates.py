"""Candidate attributions: every (cue, content) pair the parse offers, with the features a scorer reads.

A candidate is a word that may report somebody's speech or stance (a verb, or
a noun such as "claim" or "statement") together with one of its dependents
that may be the content: a clausal complement (``ccomp``, "said that ..."),
an infinitival complement (``xcomp``, "vowed to ..."), a direct object
("criticized the deal"), a prepositional object ("called for a ban", "swipes
at Trump"), or the clause a noun heads ("the claim that ...").  Most
candidates are not attributions; :mod:`.scorer` decides which to keep.

Each pair gives up to two spans, its dependent's subtree and that subtree cut
at its first comma ("criticized [the deal], which ..."); the scorer picks
between them.  A content may be one word ("supported [Sanders]").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "prep", "acl", "advcl", "oprd", "attr")
CUE_NOUN_DEPS = ("acl", "ccomp", "prep")
SKIP_PUNCT_LEFT = "“\"'‘"
MIN_TOKENS = 1
PREP_WORDS = frozenset("for at about against on of over with to into from".split())
# What after a cue makes it the cue of that, not of a clause before it ("… so the media need not worry about X";
# not "…, officials said on Monday")
OWN_CONTENT_DEPS = ("ccomp", "xcomp", "dobj")
OWN_CONTENT_PREPS = frozenset({"about", "against", "for", "over"})
CLAUSE_BREAKS = (",", ";", "—", "–", "(", ":")


@dataclass
class Candidate:
    cue: object  # spaCy Token: the reporting word
    child: object  # spaCy Token: head of the content
    dep: str  # how the content hangs on the cue: ccomp, xcomp, dobj, prep:for, acl, ...
    left: int  # token range of the content, [left, right]
    right: int
    variant: str = "full"  # the full subtree, or "clause": cut at its first comma

    @property
    def start(self) -> int:
        return self.cue.doc[self.left].idx

    @property
    def end(self) -> int:
        tok = self.cue.doc[self.right]
        return tok.idx + len(tok)


def candidates(doc, inside) -> list[Candidate]:
    """All cue/content pairs whose cue stands outside every quotation (``inside(char) -> bool``)."""
    out = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN") or inside(tok.idx):
            continue
        deps = CONTENT_DEPS if tok.pos_ != "NOUN" else CUE_NOUN_DEPS
        own_content = any(c.i > tok.i and (c.dep_ in OWN_CONTENT_DEPS or c.dep_ == "prep" and c.lower_ in OWN_CONTENT_PREPS) for c in tok.children)
        for child in tok.children:
            if child.dep_ not in deps or child.i < tok.i and (child.dep_ != "ccomp" or own_content):
                continue  # a clause before the cue is its content only when nothing after it is ("…, officials said")
            out.extend(_make(tok, child))
    return out


def _make(cue, child) -> list[Candidate]:
    """The candidate spans of one dependent: its subtree, and the subtree cut at its first comma."""
    dep = child.dep_
    if dep == "prep":
        if child.lower_ not in PREP_WORDS:
            return []
        obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return []
        dep, child = f"prep:{child.lower_}", obj
    left, right = child.left_edge.i, child.right_edge.i
    if left <= cue.i <= right:
        return []
    doc = cue.doc
    left, right = _same_paragraph(doc, cue.i, left, right)
    if right < left:
        return []
    spans = {"full": (left, right)}
    comma = next((t.i for t in doc[child.i + 1 : right + 1] if t.text in CLAUSE_BREAKS), None)
    if comma is not None:
        spans["clause"] = (left, comma - 1)
    out = []
    for variant, (lo, hi) in spans.items():
        trimmed = _trim(doc, lo, hi)
        if trimmed is not None and trimmed[1] - trimmed[0] + 1 >= MIN_TOKENS:
            out.append(Candidate(cue, child, dep, *trimmed, variant))
    return out


def _same_paragraph(doc, cue: int, left: int, right: int) -> tuple[int, int]:
    """The content's token range cut at the first blank line between it and the cue.

    A parse can run a headline into the paragraph under it ("... And They
    Think You Won't Notice" + "(Iron Standard Op-Ed) — Let's stop"); what
    somebody said does not go on past a blank line, unless a colon leads
    into the next paragraph ("McCrummen writes:" + the quoted paragraph).
    """
    if left > cue:
        return left, next((k - 1 for k in range(cue + 1, right + 1) if _paragraph_break(doc, k)), right)
    return next((k + 1 for k in range(cue - 1, left - 1, -1) if _paragraph_break(doc, k)), left), right


def _paragraph_break(doc, k: int) -> bool:
    """Token ``k`` is a blank line that no colon leads across."""
    tok = doc[k]
    if not (tok.is_space and tok.text.count("\n") >= 2):
        return False
    return k == 0 or doc[k - 1].text != ":"


def _trim(doc, left: int, right: int) -> tuple[int, int] | None:
    """Edge punctuation, spaces and zero-width characters off, quotation marks kept; None when no word is left
    (a content of quotation marks and dashes alone says nothing)."""
    while left <= right and is_edge(doc[left]) and doc[left].text not in SKIP_PUNCT_LEFT:
        left += 1
    while right >= left and is_edge(doc[right]) and doc[right].text not in "”\"'’":
        right -= 1
    if not any(has_word(doc[k]) for k in range(left, right + 1)):
        return None
    return left, right


def is_edge(tok) -> bool:
    """Punctuation, a space, or only invisible format characters (a zero-width space between two spaces)."""
    return tok.is_punct or tok.is_space or all(unicodedata.category(ch) == "Cf" or ch.isspace() for ch in tok.text)


def has_word(tok) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def features(c: Candidate) -> dict[str, float]:
    """Sparse features of one candidate: the cue's lemma and form, the content's shape, the speaker's kind."""
    cue, child = c.cue, c.child
    lemma = cue.lemma_.lower()
    subject = _subject(cue)
    n = c.right - c.left + 1
    f = {
        f"lemma={lemma}": 1.0,
        f"dep={c.dep}": 1.0,
        f"lemma_dep={lemma}|{c.dep}": 1.0,
        f"cue_pos={cue.pos_}": 1.0,
        f"cue_tag={cue.tag_}": 1.0,
        f"cue_dep={cue.dep_}": 1.0,
        f"child_pos={child.pos_}": 1.0,
        f"subj={_subject_kind(subject)}": 1.0,
        f"subj_dep={_subject_kind(subject)}|{c.dep}": 1.0,
        f"len={min(n.bit_length(), 6)}": 1.0,
        f"variant={c.variant}": 1.0,
        f"dep_variant={c.dep}|{c.variant}": 1.0,
        f"lemma_variant={lemma}|{c.variant}": 1.0,
        "after_cue": float(c.left > cue.i),
        "that": float(cue.doc[c.left].lower_ in ("that", "whether", "if")),
        "to": float(cue.doc[c.left].lower_ == "to"),
        "neg": float(any(ch.dep_ == "neg" for ch in cue.children)),
        "quoted": float(cue.doc[c.left].text in SKIP_PUNCT_LEFT),
    }
    if c.dep.startswith("prep"):
        f[f"lemma_prep={lemma}|{c.dep}"] = 1.0
    return f


def _subject(tok):
    """The cue's own subject or passive agent, else the subject of the verb it hangs from."""
    for _ in range(2):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), child)
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _subject_kind(subject) -> str:
    if subject is None:
        return "none"
    if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return subject.ent_type_
    if subject.pos_ == "PRON":
        return "pron_" + subject.lower_ if subject.lower_ in ("he", "she", "they", "i", "we", "it", "you") else "pron"
    return subject.pos_
