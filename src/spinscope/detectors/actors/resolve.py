"""Within-article actor resolution: entity mentions merged into actors.

Rules, in the order they apply to each mention:

* **People** (spaCy PERSON).  A title word before the name joins the mention
  ("General Soleimani").  A full name joins an earlier actor whose full name
  is the same up to spelling (similarity ≥ :data:`SPELLING`, "Qassem" /
  "Qasem"), or an earlier surname-only actor with that surname.  A single
  name joins the actor whose surname (or first name) it is; when two people
  share it ("Bill Clinton", "Hillary Clinton") it goes to the one mentioned
  last, and two different full names are never merged.  A name whose title
  or first name shows its gender ("Mrs. Clinton", "Mr. Obama") never joins
  a person of the other gender (:mod:`.gender`).
* **Countries**: every spelling in :mod:`.aliases` ("U.S.", "USA", "America")
  is one actor; a capital stands for its country only as a clause subject
  ("Moscow denied"); a demonym only before a state noun ("Iranian officials").
  Other places are not actors.
* **Organisations**: the alias table, then an acronym of an earlier name
  ("IRGC"), then spelling similarity.
* **Groups**: other nationalities, religious and political groups (NORP).
* **Role nouns** ("the Quds commander", "the official") join the last person
  that an earlier title or appositive gave that role.
* **Pronouns** "he"/"she" as subjects join the nearest person mentioned
  before them in the same or the previous :data:`PRONOUN_SENTENCES`
  sentences; "his", "her", "him" (and "he"/"she" elsewhere) join a person
  only when exactly one was mentioned before them in the same or the
  previous sentence.  Either way a person whose gender the article makes
  plain (:mod:`.gender`: a title, a gendered role noun, a first name) is
  skipped by a pronoun of the other gender.
* **Acronyms** the tagger missed ("ICE", "HSI") join the organisation of the
  alias table or the earlier name they abbreviate.

The result is cached on the ``Doc`` so the quotes and actors detectors share it.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from spinscope.detectors.actors import aliases, gender
from spinscope.nlp import text_of

SPELLING = 0.85  # difflib ratio above which two names are one spelled two ways
PRONOUN_SENTENCES = 2
PRONOUNS = {"he", "she"}
OTHER_PRONOUNS = {"he", "she", "his", "her", "him"}  # possessive, object, or a subject the parse missed
OTHER_PRONOUN_SENTENCES = 1
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. col col. lt lt. sgt sgt.
    president senator representative congressman congresswoman governor general colonel minister secretary
    ayatollah sheikh prince king queen judge justice mayor chancellor director chairman commander admiral
    pope speaker sir lord lady""".split()
)
# Nouns that make an appositive name a person ("Crocker, a former ambassador, told CNN")
PERSON_NOUNS = TITLES | frozenset(
    """ambassador envoy diplomat official aide adviser advisor spokesman spokeswoman spokesperson cleric imam priest
    rabbi bishop shopkeeper owner resident farmer worker teacher student professor doctor nurse lawyer attorney
    officer soldier commander lawmaker legislator politician candidate activist journalist reporter correspondent
    columnist editor writer author analyst expert economist scientist researcher historian businessman businesswoman
    executive founder ceo chief leader member father mother son daughter wife husband brother sister man woman
    veteran retiree witness survivor victim refugee mother-in-law strategist consultant pollster captain sergeant
    negotiator mediator inspector prosecutor defendant plaintiff voter citizen parent child manager head""".split()
)
# Nouns whose "of X" names a place, not a person ("residents of Wigan", "the mayor of Wigan")
PLACE_HEADS = frozenset(
    """resident residents people citizen citizens town city village county borough district suburb suburbs outskirts
    centre center streets mayor council population voters area region province state capital port""".split()
)
PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "outside", "across", "around", "throughout"})
TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}
POSSESSIVES = ("'s", "’s", "'", "’")
ARTICLES = ("the", "a", "an")


@dataclass
class Mention:
    start: int
    end: int
    tokens: tuple[int, int]  # token range [first, last + 1)
    kind: str  # name | title | role | pronoun | demonym
    sent: int


@dataclass
class Actor:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # distinct name spellings as written, first seen first
    roles: set[str] = field(default_factory=set)
    last: int = 0  # token index of the latest mention, for recency

    @property
    def aliases(self) -> list[str]:
        return [f for f in dict.fromkeys(self.forms) if f != self.name]


class Actors:
    """The actors of one article and a token -> actor id index."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._by_token = {i: a.id for a in actors for m in a.mentions for i in range(*m.tokens)}

    def actor_at(self, token_i: int) -> str | None:
        return self._by_token.get(token_i)

    def type_of(self, actor_id: str | None) -> str | None:
        """The actor's type (``person``, ``organisation``, ``country``, ``group``), None for no actor."""
        if actor_id is None:
            return None
        if not hasattr(self, "_types"):
            self._types = {a.id: a.type for a in self.actors}
        return self._types.get(actor_id)


def cluster(doc) -> Actors:
    """The actors of a parsed article, computed once per ``Doc`` (the shared value ``actor_clusters``)."""
    from spinscope.detectors import channel

    return channel.get(doc, "actor_clusters")


def resolve(doc) -> Actors:
    """The actors of a parsed article, computed afresh: the provider of ``actor_clusters``."""
    return _Resolver(doc).run()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", aliases.normalise(name)).strip("-") or "actor"


@functools.lru_cache(maxsize=65536)  # the same name pairs come back at every mention
def similar(a: str, b: str) -> bool:
    """difflib ratio >= SPELLING; the length bound first, since most pairs are far apart."""
    if a == b:
        return True
    if 2 * min(len(a), len(b)) < SPELLING * (len(a) + len(b)):  # difflib's real_quick_ratio, an upper bound
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= SPELLING and matcher.ratio() >= SPELLING


class _Resolver:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.actors: list[Actor] = []
        self.keys: dict[tuple[str, str], Actor] = {}  # (type, canonical key) -> actor
        self.sent_of = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_of[t.i] = n
        self.taken: set[int] = set()
        self.by_sent: dict[int, list[tuple[Actor, Mention]]] = {}  # mentions by sentence, for the pronoun windows
        self.firsts: dict[str, list[Actor]] = {}  # people by the first word of a form of two words or more
        self.lasts: dict[str, list[Actor]] = {}  # people by the last word of a form
        self.last_words: list[str] = []  # the keys of ``lasts`` in the order they came
        self.spelled: dict[str, tuple[int, list[str]]] = {}  # word -> (last words compared so far, those spelled alike)

    def run(self) -> Actors:
        for ent in self.doc.ents:
            handler = getattr(self, f"_{ent.label_.lower()}", None)
            if handler is not None and not self._headline_fragment(ent):
                handler(ent)
        self._fold_names_into_people()
        self._roles_and_pronouns()
        ids: dict[str, int] = {}
        for actor in self.actors:
            base = slug(actor.name)
            ids[base] = ids.get(base, 0) + 1
            actor.id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        return Actors(self.actors)

    def _headline_fragment(self, ent) -> bool:
        """An entity of a Title-Case headline ("Trump Notice Angers Tehran": the first line, above a body)
        that the article's other lines never name and no table knows: the recogniser reading capitals."""
        text = self.doc.text
        start = text.rfind("\n", 0, ent.start_char) + 1
        end = text.find("\n", ent.end_char)
        end = len(text) if end < 0 else end
        words = [w for w in text[start:end].split() if w[:1].isalpha()]
        if text[:start].strip() or len(text) - end < 200:
            return False  # only the headline of an article with a body
        if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
            return False
        if aliases.organisation(ent.text) or aliases.country(ent.text):
            return False
        rest = (text[:start] + "\n" + text[end:]).lower()
        return ent.text.lower() not in rest and not any(len(w) > 3 and w.lower() in rest for w in ent.text.split()[-1:])

    def _fold_names_into_people(self) -> None:
        """One type per actor: an organisation or group whose name is one person's full name or surname
        ("Trump" tagged as an organisation in a headline, "al-Muhandis") is that person."""
        people = [a for a in self.actors if a.type == "person"]
        for actor in [a for a in self.actors if a.type in ("organisation", "group")]:
            key = aliases.normalise(actor.name)
            if not key or aliases.organisation(actor.name) or aliases.country(actor.name):
                continue
            same = [p for p in people if key in (aliases.normalise(p.name), aliases.normalise(p.name).split()[-1])]
            if len(same) != 1:
                continue
            person = same[0]
            person.mentions = sorted(person.mentions + actor.mentions, key=lambda m: m.start)
            person.forms += [f for f in actor.forms if f not in person.forms]
            person.last = max(person.last, actor.last)
            self.actors.remove(actor)
            for key_, value in list(self.keys.items()):
                if value is actor:
                    self.keys[key_] = person

    # -- mentions ---------------------------------------------------------
    def _mention(self, first: int, last: int, kind: str) -> Mention | None:
        """A mention of tokens ``[first, last)``, or None when no word of it is left.

        Left out: tokens with no letter or digit at either end (quotation marks,
        brackets, dashes, spaces), possessive endings, and a leading "the", "a"
        or "an" when a word follows it ("the A’s" is "A", not nothing); then
        the characters at its edges that belong to no word (:func:`_edges`:
        a zero-width space or a possessive glued to the last word)."""
        doc = self.doc

        def lead() -> None:
            nonlocal first
            while first < last and (doc[first].text in POSSESSIVES or not _wordy(doc[first])):
                if _paired(doc[first].text, OPENING, self.text[doc[first].idx + 1 : doc[last - 1].idx + len(doc[last - 1])]):
                    break
                first += 1

        lead()
        while last > first and (doc[last - 1].text in POSSESSIVES or not _wordy(doc[last - 1])):
            if doc[last - 1].text == "." and last - 1 > first and not doc[last - 2].whitespace_:
                break  # an abbreviation's full stop ("Sr.", "Fr."), split off at the end of a sentence
            if _paired(doc[last - 1].text, CLOSING, self.text[doc[first].idx : doc[last - 1].idx]):
                break  # "[John] McCone"
            last -= 1
        while last - first > 1 and doc[first].lower_ in ARTICLES:
            first += 1
            lead()
        if first >= last:
            return None
        chars = _edges(self.text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        if chars is None:
            return None
        self.taken.update(range(first, last))
        return Mention(chars[0], chars[1], (first, last), kind, self.sent_of[first])

    def _add(self, actor: Actor, mention: Mention, form: str | None) -> None:
        actor.mentions.append(mention)
        self.by_sent.setdefault(mention.sent, []).append((actor, mention))
        actor.last = mention.tokens[1]
        if form and form not in actor.forms:  # distinct: matching compares against every form
            actor.forms.append(form)
            words = aliases.normalise(form).split() if actor.type == "person" else []
            if words:
                if words[-1] not in self.lasts:
                    self.last_words.append(words[-1])
                self.lasts.setdefault(words[-1], []).append(actor)
            if len(words) > 1:
                self.firsts.setdefault(words[0], []).append(actor)

    def _new(self, name: str, type_: str, key: tuple[str, str] | None = None) -> Actor:
        actor = Actor(id="", name=name, type=type_)
        self.actors.append(actor)
        if key:
            self.keys[key] = actor
        return actor

    def _named(self, ent, kind: str) -> tuple[Mention | None, str]:
        """A mention of an entity and its words as written, "the" and possessive trimmed ``(None, "")`` when nothing is left)."""
        mention = self._mention(ent.start, ent.end, kind)
        if mention is None:
            return None, ""
        return mention, _form(self.text[mention.start : mention.end])

    def _keyed(self, type_: str, canonical: str, mention: Mention | None, form: str) -> Actor | None:
        """The actor of ``(type_, canonical)``, made on its first mention, with this mention added; None for no mention."""
        if mention is None or not canonical:
            return None
        actor = self.keys.get((type_, canonical)) or self._new(canonical, type_, (type_, canonical))
        self._add(actor, mention, form)
        return actor

    # -- people -----------------------------------------------------------
    def _person(self, ent, known: bool = False) -> None:
        """``known``: the article already names a person so called, so an organisation's name does not re-route it."""
        if not known and aliases.organisation(ent.text):  # "told Reuters": an agency the model took for a person
            self._org(ent)
            return
        doc = self.doc
        words = [t for t in ent if t.lower_ not in TITLES and t.text not in POSSESSIVES and _wordy(t)]
        if not words or any(t.i in self.taken for t in ent):
            return
        if self._place(ent):
            return
        first = ent.start
        while first > 0 and doc[first - 1].lower_ in TITLES:
            first -= 1
        mention = self._mention(first, ent.end, "title" if first < ent.start or words[0].i > ent.start else "name")
        name = "" if mention is None else self._name(mention)
        if not aliases.normalise(name):  # nothing of a name is left ("’s’s'" tagged as a person)
            return
        roles = self._roles_of(ent, first)
        actor = self._find_person(aliases.normalise(name).split(), gender.of_person([name], roles))
        if actor is None:
            actor = self._new(name, "person")
        elif len(name.split()) > len(actor.name.split()):
            actor.name = name
        self._add(actor, mention, name)
        actor.roles |= roles

    def _place(self, ent) -> bool:
        """A one-word name that the sentence uses as a place ("residents of Wigan", "grew up in Wigan"),
        read as a person by the recogniser, and no person the article has named already."""
        root = ent.root
        if len(ent) != 1 or root.dep_ != "pobj" or self._find_person([aliases.normalise(ent.text)]) is not None:
            return False
        prep = root.head.lower_
        if prep in PLACE_PREPOSITIONS:
            return root.head.head.pos_ in ("VERB", "AUX")
        return prep == "of" and root.head.head.lower_ in PLACE_HEADS

    def _name(self, mention: Mention) -> str:
        """A person's name as written: the mention without its titles ("Gonzalez-Aragon" stays one word)."""
        tokens = [t for t in self.doc[mention.tokens[0] : mention.tokens[1]]]
        named = [k for k, t in enumerate(tokens) if t.lower_ not in TITLES]
        if not named:
            return ""
        start = mention.start if named[0] == 0 else tokens[named[0]].idx
        end = mention.end if named[-1] == len(tokens) - 1 else tokens[named[-1]].idx + len(tokens[named[-1]])
        chars = _edges(self.text, start, end)
        return "" if chars is None else _form(self.text[chars[0] : chars[1]])

    def _find_person(self, parts: list[str], sex: str | None = None) -> Actor | None:
        """The person a name refers to; a name whose title or first name shows its gender ("Mrs. Clinton")
        never joins a person of the other gender ("Bill Clinton")."""

        def fits(actor: Actor) -> bool:
            return actor.type == "person" and (sex is None or gender.of_person(actor.forms, actor.roles) in (None, sex))

        parts = [p for p in parts if p]
        if not parts:
            return None
        if len(parts) > 1:
            full = " ".join(parts)
            people = [a for a in self.actors if a.type == "person"]
            same = [a for a in people if any(len(f.split()) > 1 and similar(full, aliases.normalise(f)) for f in a.forms) and fits(a)]
            if same:
                return same[-1]
            bare = [a for a in people if all(len(f.split()) == 1 for f in a.forms) and any(similar(parts[-1], aliases.normalise(f)) for f in a.forms) and fits(a)]
            return bare[0] if len(bare) == 1 else None
        hits = [a for a in self._called(parts[0]) if fits(a)]
        return max(hits, key=lambda a: a.last) if hits else None

    def _called(self, word: str) -> list[Actor]:
        """People with a form whose last word is ``word`` up to spelling, or whose first word is ``word``.

        Each word is compared with each last word once per article: the comparisons are remembered."""
        compared, alike = self.spelled.get(word, (0, []))
        if compared < len(self.last_words):
            alike = alike + [w for w in self.last_words[compared:] if similar(word, w)]
            self.spelled[word] = (len(self.last_words), alike)
        found = {id(a): a for a in self.firsts.get(word, ())}
        for w in alike:
            found.update((id(a), a) for a in self.lasts[w])
        return list(found.values())

    def _roles_of(self, ent, first: int) -> set[str]:
        """Role words a title, a noun modifying the name ("Quds Force commander X") or an appositive give."""
        doc, roles = self.doc, set()
        for t in doc[max(0, first - 3) : ent.end]:  # titles are the mention's own ("Mrs. Okafor met Mr. Brandt")
            if (t.i >= first and t.lower_ in TITLES) or (t.pos_ == "NOUN" and t.head.i in range(ent.start, ent.end) and t.dep_ == "compound"):
                roles.add(t.lemma_.lower().rstrip("."))
        head = ent.root
        linked = [t for t in head.children if t.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        roles.update(t.lemma_.lower() for t in linked if t.pos_ == "NOUN")
        return roles

    # -- countries, organisations, groups ------------------------------------
    def _surname(self, ent) -> bool:
        """Read a one-word ORG, GPE or NORP entity that is a known person's name as that person ("Fox voted")."""
        key = aliases.normalise(ent.text)
        if not key or " " in ent.text.strip() or self._find_person([key]) is None:
            return False
        self._person(ent, known=True)
        return True

    def _appositive_person(self, ent) -> bool:
        """An organisation-tagged name that an appositive makes a person ("Crocker, a former ambassador")."""
        if aliases.organisation(ent.text) or aliases.country(ent.text):
            return False
        root = ent.root
        linked = [t for t in root.children if t.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        return any(t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS for t in linked)

    def _gpe(self, ent) -> None:
        text = ent.text
        if self._surname(ent):
            return
        canonical = aliases.country(text)
        if canonical is None or not _case_ok(text):
            return
        if aliases.normalise(text) in aliases.CAPITALS and ent.root.dep_ != "nsubj":
            return
        self._keyed("country", canonical, *self._named(ent, "name"))

    def _norp(self, ent) -> None:
        doc, text = self.doc, ent.text
        if self._surname(ent):
            return
        country = aliases.demonym(text)
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if country and nxt is not None and nxt.lower_ in aliases.STATE_NOUNS:
            self._keyed("country", country, *self._named(ent, "demonym"))
            return
        org = aliases.organisation(text)
        if org:
            self._keyed("organisation", org, *self._named(ent, "name"))
            return
        key = aliases.normalise(text)
        key = key.rstrip("s") or key  # "Democrats" and "Democrat" are one group; "SS" stays "ss"
        group = self._keyed("group", key, *self._named(ent, "name"))
        if group is not None:  # named as first written (a group with no mention left is not made at all)
            group.name = group.forms[0]

    def _org(self, ent) -> None:
        text = ent.text
        if self._surname(ent):
            return
        if self._appositive_person(ent):
            self._person(ent)
            return
        if not _case_ok(text):
            return
        mention, text = self._named(ent, "name")
        if mention is None:
            return
        if aliases.country(text) and aliases.normalise(text) not in aliases.CAPITALS:
            self._keyed("country", aliases.country(text), mention, text)
            return
        canonical = aliases.organisation(text)
        if canonical:
            self._keyed("organisation", canonical, mention, text)
            return
        key = aliases.normalise(text)
        if not key:
            return
        for actor in self.actors:
            if actor.type == "organisation" and any(_same_org(key, aliases.normalise(f)) for f in actor.forms):
                self._add(actor, mention, text)
                return
        self._keyed("organisation", key, mention, text).name = text

    # -- role nouns and pronouns ------------------------------------------------
    def _roles_and_pronouns(self) -> None:
        doc = self.doc
        people = [a for a in self.actors if a.type == "person"]
        genders = {id(a): gender.of_person(a.forms, a.roles) for a in people}
        fitting = {p: {id(a) for a in people if gender.agrees(p, genders[id(a)])} for p in OTHER_PRONOUNS}
        for tok in doc:
            if tok.i in self.taken:
                continue
            if tok.is_upper and not tok.ent_type_ and tok.pos_ in ("PROPN", "NOUN"):
                self._acronym_mention(tok)
            if not people:
                continue
            if tok.lower_ in OTHER_PRONOUNS:
                subject = tok.lower_ in PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass")
                find = self._nearest_person if subject else self._only_person
                actor = find(tok.i, fitting[tok.lower_])
                mention = self._mention(tok.i, tok.i + 1, "pronoun") if actor is not None else None
                if mention is not None:
                    self._add(actor, mention, None)
            elif tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.lefts):
                self._role(tok, people)
            elif tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_:
                actor = self._find_person([aliases.normalise(tok.text)])
                if actor is not None and len(actor.name.split()) > 1:  # a surname the tagger missed
                    mention = self._mention(tok.i, tok.i + 1, "name")
                    if mention is not None:
                        self._add(actor, mention, _form(self.text[mention.start : mention.end]))

    def _role(self, tok, people: list[Actor]) -> None:
        lemma = tok.lemma_.lower()
        before = [a for a in people if lemma in a.roles and a.mentions[0].tokens[0] < tok.i]
        if not before:
            return
        actor = max(before, key=lambda a: max(m.tokens[0] for m in a.mentions if m.tokens[0] < tok.i))
        first = min(c.i for c in tok.lefts if c.lower_ == "the")
        mention = self._mention(first, tok.i + 1, "role")
        if mention is not None:
            self._add(actor, mention, None)

    def _acronym_mention(self, tok) -> None:
        """An untagged acronym ("ICE", "HSI") of the alias table or of an organisation already named."""
        if not 2 <= len(tok.text) <= 6 or not tok.text.isalpha():
            return
        key = aliases.normalise(tok.text)
        for actor in self.actors:
            if actor.type == "organisation" and any(_acronym(aliases.normalise(f)) == key for f in actor.forms):
                mention = self._mention(tok.i, tok.i + 1, "name")
                if mention is not None:
                    self._add(actor, mention, tok.text)
                return
        canonical = aliases.organisation(tok.text)
        if canonical:
            self._keyed("organisation", canonical, self._mention(tok.i, tok.i + 1, "name"), tok.text)

    def _in_reach(self, i: int, wanted: set[int], sentences: int):
        """(actor, mention) pairs of the people in ``wanted`` (ids) before token ``i``, in its sentence or the ``sentences`` before."""
        sent = self.sent_of[i]
        for n in range(max(0, sent - sentences), sent + 1):
            for actor, m in self.by_sent.get(n, ()):
                if id(actor) in wanted and m.tokens[0] < i:
                    yield actor, m

    def _only_person(self, i: int, people: set[int]) -> Actor | None:
        """The one person mentioned before token ``i`` in its sentence or the one before; None when several or none."""
        near = {id(a): a for a, _ in self._in_reach(i, people, OTHER_PRONOUN_SENTENCES)}
        return next(iter(near.values())) if len(near) == 1 else None

    def _nearest_person(self, i: int, people: set[int]) -> Actor | None:
        """The person named last before token ``i`` as a clause subject, else the one named last, in reach.

        Subjects first: in "Trump has commented on Crutcher's death. On Wednesday, he told a crowd …"
        the pronoun is Trump, though Crutcher is named nearer."""
        named = [(self._is_subject(m), m.tokens[0], a) for a, m in self._in_reach(i, people, PRONOUN_SENTENCES) if m.kind != "pronoun"]
        return max(named, key=lambda t: t[:2])[2] if named else None

    def _is_subject(self, mention: Mention) -> bool:
        return any(self.doc[t].dep_ in ("nsubj", "nsubjpass") for t in range(*mention.tokens))


def _wordy(tok) -> bool:
    """Whether a token holds a letter or a digit (not a quotation mark, bracket, dash or space)."""
    return any(ch.isalnum() for ch in tok.text)


def _edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without what belongs to no word at its edges, or None when nothing is left.

    Off the front: spaces, zero-width and other format characters, punctuation
    ("“Obama", "\u200bTrump").  Off the end: the same, except a full stop
    ("U.S.", "Jr.") and a closing bracket whose opening one is inside, and a
    possessive the tokenizer left on the word ("Trump’s\u200b" -> "Trump")."""
    while start < end and _junk(text[start]) and not _paired(text[start], OPENING, text[start + 1 : end]):
        start += 1
    while end > start:
        ch = text[end - 1]
        if ch == "." or _paired(ch, CLOSING, text[start : end - 1]):
            break
        if _junk(ch):
            end -= 1
        elif end - start > 2 and text[end - 2] in "'’" and ch in "sS" and text[end - 3].isalnum():
            end -= 2
        else:
            break
    return (start, end) if end > start else None


OPENING = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", '"': '"'}
CLOSING = {close: open_ for open_, close in OPENING.items()}
KEPT = frozenset("@#")  # a handle or a hashtag is a name ("@FBI")


def _paired(ch: str, pairs: dict[str, str], rest: str) -> bool:
    """Whether ``ch`` opens (or closes) a bracket or quotation that ``rest`` closes (or opens)."""
    return ch in pairs and pairs[ch] in rest


def _junk(ch: str) -> bool:
    """A space, a format character (zero-width space, joiner, byte-order mark), punctuation or markup."""
    if ch in KEPT:
        return False
    return ch.isspace() or ch in "<>|" or unicodedata.category(ch) in ("Cf", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po")


def _form(text: str) -> str:
    """A name as written, for an actor's name and aliases: zero-width characters dropped (a zero-width
    space counts as a space) and every run of spaces, no-break spaces and line breaks one space."""
    return re.sub(r"\s+", " ", aliases.drop_format(text)).strip()


def _case_ok(text: str) -> bool:
    """Short acronyms ("US", "UN", "WHO") count only in capitals, never as the words "us", "who"."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return len(letters) > 3 or letters.isupper()


def _same_org(a: str, b: str) -> bool:
    """The same organisation: spelled alike, or one is the other's acronym."""
    return similar(a, b) or _acronym(a) == b.replace(" ", "") or _acronym(b) == a.replace(" ", "")


def _acronym(name: str) -> str:
    words = [w for w in name.split() if w not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words) if len(words) > 1 else ""
