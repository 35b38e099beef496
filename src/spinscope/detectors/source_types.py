"""What kind of source stands behind a quote or a claim, read from the source's mention in the parse.

One of:

- ``named_person``: a person's name, or a pronoun or role noun the actor clustering resolved to a
  named person ("Reznikov", "he" -> Reznikov, "the minister" -> Reznikov);
- ``named_organisation``: an organisation, a country or a group by name ("Reuters", "the Pentagon",
  "Iranian officials" when the clustering names the group);
- ``anonymous``: a person or body left unnamed ("a senior official", "sources close to the
  talks", "an aide", "people familiar with the matter");
- ``vague``: a crowd or an impersonal voice ("experts say", "many believe", "critics", "it is said");
- ``document``: a text rather than a speaker ("a report", "the study", "documents seen by…");
- ``self``: the author ("I", "we");
- ``none``: no source at all.

The rules look at the mention's head word and its modifiers, at the named entities inside it, and
at the type of the actor it resolves to; nothing is learned.  A bare "he" or "she" that the
clustering could not resolve counts as a named person (it stands for someone the article named).
"""

from __future__ import annotations

# How much a reader should doubt a claim's sourcing, lowest first: nobody or a crowd, then someone unnamed, then the rest
DOUBT = {"none": 0, "vague": 0, "anonymous": 1}


def doubt(attrs: dict) -> int:
    """The doubt tier of a claim's ``attrs`` (0 unattributed or vague, 1 anonymous, 2 otherwise), for ranking."""
    kind = attrs.get("source_type") or ("none" if not attrs.get("attributed") else "")
    return DOUBT.get(kind, 2)


TYPES = ("named_person", "named_organisation", "anonymous", "vague", "document", "self", "none")

SELF = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
IMPERSONAL = frozenset({"it", "this", "that", "there", "one", "they", "them", "which", "what", "who"})
DOCUMENTS = frozenset(
    "report study survey poll document documents paper memo memorandum data statement filing record records letter research review audit "
    "assessment investigation figures statistics estimate analysis dossier cable email emails transcript leak court ruling indictment complaint "
    "lawsuit brief article book census index chart table footage video post tweet website".split()
)
CROWDS = frozenset(
    "expert experts critic critics observer observers analyst analysts people many some others commentator commentators scientist scientists "
    "researcher researchers economist economists skeptic skeptics sceptic sceptics supporter supporters opponent opponents voice voices pundit "
    "pundits everyone everybody someone somebody nobody most few majority minority public rumor rumour rumors rumours media press".split()
)
UNNAMED = frozenset(
    "official officials source sources aide aides person persons people spokesperson spokesman spokeswoman spokespeople diplomat diplomats officer "
    "officers adviser advisers advisor advisors insider insiders member members staffer staffers employee employees resident residents witness "
    "witnesses lawmaker lawmakers legislator legislators senator senators representative representatives minister ministers executive executives "
    "lawyer lawyers attorney attorneys investigator investigators commander commanders soldier soldiers activist activists worker workers "
    "doctor doctors teacher teachers man woman men women friend friends relative relatives neighbor neighbors neighbour neighbours".split()
)
BODIES = frozenset(
    "government administration ministry department agency army military police campaign company committee party council commission court "
    "parliament congress senate house office embassy union board firm bank network newspaper magazine paper station channel regime cabinet".split()
)
# The endings of most nouns of people that no list holds ("shopkeeper", "strategist")
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "men", "women", "ee", "eer")
VAGUE_DETERMINERS = frozenset({"some", "many", "most", "several", "various", "numerous", "countless", "few"})
ORG_TYPES = frozenset({"organisation", "country", "group"})
ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})


# Words that hedge a sentence onto no one in particular ("They are reportedly holed up …")
HEDGES = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly", "apparently"})


def hedged(sent) -> bool:
    """Whether a sentence with no source of its own leans on hearsay: "reportedly", "allegedly", or an
    impersonal passive of saying ("It has been reported that …", "it is believed …")."""
    for tok in sent:
        if tok.lower_ in HEDGES:
            return True
        if tok.lemma_.lower() in IMPERSONAL_VERBS and any(c.dep_ == "auxpass" for c in tok.children):
            if any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
                return True
    return False


IMPERSONAL_VERBS = frozenset("say report believe claim allege rumour rumor understand think know expect suggest".split())


def classify(doc, start: int | None, end: int | None, actor_type: str | None = None) -> str:
    """The source type of the mention ``doc.text[start:end]`` (character offsets), given the type of the
    actor it resolves to (``person``, ``organisation``, ``country``, ``group``) when known."""
    if start is None or end is None or end <= start:
        return "none"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(ch.isalpha() for ch in span.text):  # "O'Brien" is a word, though not is_alpha
        return "none"
    root = span.root
    word = root.lower_
    if word in SELF:
        return "self"
    ents = {e.label_ for e in span.ents}
    if (word in DOCUMENTS or root.lemma_.lower() in DOCUMENTS) and root.ent_type_ != "PERSON":
        if {c.lower_ for c in root.children if c.dep_ == "det"} & VAGUE_DETERMINERS:
            return "vague"  # "some estimates", "many reports"
        return "document"  # "Seymour Hersh's investigation": a text, though a named person wrote it
    if actor_type == "person":
        return "named_person"
    if "PERSON" in ents and root.ent_type_ == "PERSON":
        return "named_person"
    if actor_type in ORG_TYPES and word not in UNNAMED | CROWDS:
        return "named_organisation"
    if root.ent_type_ in ORG_ENTS or root.pos_ == "PROPN" and word not in UNNAMED | CROWDS:
        return "named_person" if root.ent_type_ == "PERSON" else "named_organisation"
    if word in PERSON_PRONOUNS:
        return "named_person"
    if word in IMPERSONAL:
        return "vague"
    determiners = {c.lower_ for c in root.children if c.dep_ in ("det", "amod", "nummod", "quantmod", "poss")}
    if word in CROWDS or determiners & VAGUE_DETERMINERS and word not in UNNAMED:
        return "vague"
    if word in BODIES and determiners & {"the", "its", "their", "this"}:
        return "named_organisation"  # "the campaign", "the ministry": a body the article has named
    if root.tag_ in ("NNS", "NNPS") and not determiners and word not in UNNAMED:
        return "vague"  # "taxpayers", "voters": a crowd
    if word in UNNAMED or root.lemma_.lower() in UNNAMED:
        return "named_person" if "PERSON" in ents else "anonymous"
    if "PERSON" in ents:
        return "named_person"
    if ents & ORG_ENTS:
        return "named_organisation"
    if root.pos_ in ("NOUN", "PROPN") and not _person_like(root):
        return "vague"  # "the reality", "defeat": a word that names no one who could be asked
    return "anonymous"


def _person_like(root) -> bool:
    """Whether a common noun could name a person or a body of people ("a shopkeeper", "a US diplomat")."""
    from spinscope.detectors.actors.resolve import PERSON_NOUNS

    lemma = root.lemma_.lower()
    return lemma in UNNAMED | BODIES or root.lower_ in UNNAMED | BODIES or lemma in PERSON_NOUNS or lemma.endswith(PERSON_ENDINGS)
