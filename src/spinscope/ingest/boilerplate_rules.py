"""The evidence the boilerplate cleaner weighs: one pattern family per label.

Each label has *signature* patterns (phrases that occur on page furniture
and almost never in news prose, e.g. "Required fields are marked") and *cue*
patterns (words that boilerplate uses often but prose uses too, e.g.
"donate").  A signature is strong evidence on its own; cues only count in
numbers, or together with a second-person appeal, a short line and a
position near the start or end of the page (see ``boilerplate.py``).
Everything is compiled once, at import.
"""

from __future__ import annotations

import re

LABELS = (
    "donation_appeal",
    "subscription",
    "newsletter",
    "shop_ad",
    "menu",
    "share_bar",
    "comment_form",
    "report_typo",
    "republication_note",
    "author_bio",
    "related_stories",
    "cookie_notice",
    "copyright",
    "byline_credit",
)

_I = re.IGNORECASE


class _Patterns:
    """Alternatives split in two: those anchored at the line start are tried with ``match`` (one position,
    fast), the others with ``search``; a single alternation would be tried at every position."""

    def __init__(self, parts: tuple[str, ...], flags: int) -> None:
        anchored = [p[1:] for p in parts if p.startswith("^")]
        free = [p for p in parts if not p.startswith("^")]
        self.anchored = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self.free = re.compile("|".join(f"(?:{p})" for p in free), flags) if free else None

    def search(self, s: str) -> re.Match | None:
        return (self.anchored and self.anchored.match(s)) or (self.free and self.free.search(s)) or None

    def finditer(self, s: str):
        return self.free.finditer(s) if self.free else iter(())


def _rx(*parts: str, flags: int = 0) -> _Patterns:
    """Family patterns, written in lower case and matched against the lower-cased line (faster than IGNORECASE)."""
    return _Patterns(parts, flags)


# label -> (signature patterns, cue patterns); order is precedence when a line matches several.
FAMILIES: dict[str, tuple[_Patterns, _Patterns | None]] = {
    "cookie_notice": (
        _rx(
            r"\b(we|this (web)?site|our (web)?site) uses? cookies",
            r"\buse of cookies\b",
            r"\bcookie (policy|settings|preferences|notice)\b",
            r"\baccept (all )?cookies\b",
            r"\b(store|access) (and/or access )?information on (a|your) device\b",
            r"^(accept|reject|allow) all$",
        ),
        _rx(r"\bcookies?\b", r"\bby continuing to (browse|use)\b", r"\bmanage (settings|preferences|options)\b", r"\bpersonali[sz]ed (ads|advertising|content)\b"),
    ),
    "comment_form": (
        _rx(
            r"\bleave a (reply|comment)\b",
            r"\byour email( address)? will not be published\b",
            r"\brequired fields are marked\b",
            r"^post (a )?comment$",
            r"\bsave my name, email\b",
            r"\bmust be logged in to (post|comment|reply)\b",
            r"\bcomments are (moderated|closed)\b",
            r"\bbe the first to comment\b",
            r"^join the (discussion|conversation)$",
            r"^(add|write|post) (a|your) comment( here)?$",
            r"^\d+ (comments?|responses?|replies)$",
            r"\bnotify me of (follow-up|new) (comments|posts)\b",
            r"^cancel reply$",
            r"^(name|e-?mail|website|comment) ?\*$",
            r"^show (more )?comments$",
            r"^comments? \(\d+\)$",
            r"\bcomments\b.{0,30}\b(are|is) (now )?closed\b",
            r"\b(sign|log) in to (comment|join|reply|post)\b",
            r"^have your say$",
        ),
        _rx(r"\bcomments?\b", r"\breply\b"),
    ),
    "share_bar": (
        _rx(
            r"^share (this|the) (article|story|post|page)\b",
            r"^share this:?$",
            r"^share on (facebook|twitter|x|whatsapp|linkedin|reddit|telegram)\b",
            r"^share (via|to|with)\b",
            r"^(share|tweet|spread the word|print this (page|article))$",
        ),
        None,
    ),
    "report_typo": (
        _rx(
            r"\breport an? (typo|error|mistake)\b",
            r"\b(spot(ted)?|see|saw|found|noticed?) an? (typo|error|mistake)\b.{0,60}\b(let us know|tell us|report|contact|email)\b",
            r"^corrections?\b.{0,40}\b(e-?mail|contact|let us know|tell us|write to)\b",
        ),
        None,
    ),
    "republication_note": (
        _rx(
            r"\bchosen for republication\b",
            r"\brepublish(es|ed)? (stories|articles|this|it|here)\b",
            r"\b(is|was) republished\b",
            r"\breprinted with permission\b",
            r"^(originally|first) (appeared|published|ran|posted) (on|in|at|by)\b",
            r"^this (first|originally) (appeared|ran)\b",
            r"\b(this|the above) (article|story|piece|post|column|essay|report|op-ed|interview|text|commentary)\b.{0,30}\b(originally|first) (appeared|published|ran|posted)\b",
            r"\b(views|opinions) expressed\b.{0,80}\b(own|not (necessarily )?(reflect|represent))",
            r"\b(views|opinions)\b.{0,40}\b(are|is) (the author['’]?s|their|his|her|the writer['’]?s)( own| alone)\b",
            r"^editor['’]?s note:? (this|the|an earlier|a version)\b.{0,60}\b(appeared|published|ran|updated|corrected)\b",
            r"\bcreative commons licen[cs]e\b",
        ),
        None,
    ),
    "donation_appeal": (
        _rx(
            r"\bsince you['’]re here\b",
            r"\bsmall favou?r to ask\b",
            r"\bclick here to (support|donate|contribute|help)\b",
            r"\bsupport (us|our work|\w+['’]s? work) on patreon\b",
            r"\b(become|be) a (patron|supporter|sustaining member)\b",
            r"\b(please )?(make|consider making) a (one-time |monthly |small |tax-deductible )?(donation|contribution|gift)\b",
            r"\b(a|one-time|small) (donation|gift) of \$",
            r"\bwe (need|rely on|depend on) (you|your|readers)\b.{0,80}\b(support|help|donat|fund)",
            r"\bhelp (us )?(keep|fund|sustain|support) (our|independent|this)\b",
            r"\bsupport (independent|our) (journalism|media|reporting|newsroom|work)\b",
            r"^(donate|give|contribute|support us)( now| today| here)?[.!]?$",
            r"\bon patreon\b",
            r"\btax-deductible\b",
            r"\bwe (rely|depend) on (readers|you\b|your (support|generosity|donations))",
            r"^before you go\b",
            r"^a (note|message|word) (to|for) (our )?readers\b",
            r"\bgive what you can\b",
            r"\breaders like you\b",
            r"\bkeep the lights on\b",
            r"\brecurring (gift|donation|contribution|payment)\b",
            r"\bprice of a (cup of )?coffee\b",
            r"\b(readers|audience|members|listeners|viewers) fund us\b",
            r"\bfunded by (our )?(readers|people like you|you)\b",
            r"^thanks? (you )?for reading\b",
            r"\bwhatever you can( afford)?\b",
            r"\bsupport (this|our) (work|site|newsroom|journalism|reporting)\b",
        ),
        _rx(
            r"\bdonat\w*",
            r"\bcontribut\w*",
            r"\bpatreon\b",
            r"\bpaypal\b",
            r"\bpaywall\b",
            r"\bfund(s|ing)?\b",
            r"\bsupport\b",
            r"\bmember(ship)?\b",
            r"\bindependent (journalism|media|news|reporting)\b",
            r"\$\s?\d",
            r"\ba month\b",
            r"\bgift\b",
            r"\bone-time\b",
            r"\bmonthly\b",
            r"\bevery (dollar|penny|cent|contribution|gift)\b",
            r"\bhelp us\b",
            r"\bwhat you can\b",
            r"\bour (journalism|reporting|newsroom|work|mission)\b",
            r"\bsmall (gift|donation|contribution|amount)\b",
            r"\b(chip|pitch) in\b",
        ),
    ),
    "subscription": (
        _rx(
            r"\balready a (subscriber|member)\b",
            r"\bsubscribe (now|today|for|to (continue|read|unlock))\b",
            r"\bunlimited (digital )?access\b",
            r"\bfree trial\b",
            r"\b(log|sign) in to (continue|read|keep reading)\b",
            r"\bcancel any ?time\b",
            r"^subscribe$",
            r"\bsubscribers? (get|enjoy|can)\b",
            r"\bunlock (every|all|this|unlimited)\b",
            r"\bdigital access\b",
            r"\b(limit|number) of free (articles|stories|reads)\b",
            r"\bfor subscribers only\b",
            r"\bsubscribers?[- ]only\b",
            r"\bbecome a subscriber\b",
            r"\bstart your (subscription|free trial)\b",
            r"\bsubscribe to (keep|continue) reading\b",
        ),
        _rx(r"\bsubscri\w+", r"\$\s?\d", r"\bper (week|month)\b", r"\ba (week|month)\b", r"\baccess\b", r"\bad-free\b"),
    ),
    "newsletter": (
        _rx(
            r"\bsign (me )?up (for|to) (our|the|a)\b.{0,40}\b(newsletter|digest|briefing|email|updates)\b",
            r"\b(delivered |straight |right )?(to|in) your inbox\b",
            r"\benter your e-?mail\b",
            r"\bunsubscribe (at )?any ?time\b",
            r"\bwe respect your privacy\b",
            r"^(sign me up|sign up|join|email address|your e-?mail|e-?mail)$",
            r"^newsletters?$",
            r"\bour (free |daily |weekly )?newsletter\b",
        ),
        _rx(
            r"\bnewsletter\b",
            r"\binbox\b",
            r"\be-?mail\b",
            r"\bsign up\b",
            r"\bdigest\b",
            r"\bunsubscribe\b",
            r"\bdelivered\b",
            r"\bsent to you\b",
            r"\b(every|each) (day|weekday|morning|evening|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            r"\bfree\b",
        ),
    ),
    "shop_ad": (
        _rx(
            r"\b(shop|buy|order) (now|today|here)\b",
            r"\b\d{1,2} ?% off\b",
            r"\b(use|with|enter) (promo |coupon |discount )?code\b",
            r"\bfree shipping\b",
            r"\blimited[- ]time offer\b",
            r"\bwhile (stocks|supplies) last\b",
            r"\badd to (cart|basket)\b",
            r"^(advertisement|sponsored( content)?|ad|promoted)$",
            r"^sponsored:",
            r"\bflash sale\b",
            r"\bshop the\b",
            r"^(sponsored|advertisement|promoted|paid (content|post)|partner content)\b",
            r"\bstory continues below\b",
            r"\bdeal of the day\b",
            r"\bsale ends\b",
            r"\bbefore they['’]re gone\b",
            r"^(visit|check out|browse|shop at) (our|the|[\w.'’ -]{1,40}['’]s?) (online |official |new )?(store|shop|merch(andise)? (store|shop)?)\b",
            r"\b(visit|check out|browse) our (online |official |new )?(store|shop)\b",
            r"\bonline (store|shop) for (all )?your\b",
            r"\b(get|grab|buy) (your|yours|one)\b.{0,60}\b(t-?shirts?|hoodies?|mugs?|merch(andise)?|apparel)\b",
        ),
        _rx(r"\bshop\b", r"\bsale\b", r"\bbuy\b", r"\bdiscount\b", r"\bcoupon\b", r"\bhalf price\b"),
    ),
    "copyright": (
        _rx(r"(?:^|[\s(])©", r"©\s?(19|20)\d\d", r"\(c\) ?\d{4}", r"\bcopyright (©|\(c\)|\d{4})", r"\ball rights reserved\b", r"\breproduction\b.{0,40}\bprohibited\b"),
        None,
    ),
    "related_stories": (
        _rx(
            r"^(related( stories| articles| posts| coverage| content| reading)?|you (may|might) (also )?(like|enjoy)|more from [\w ]{1,30}|read (next|also)"
            r"|recommended( for you| stories)?|most (popular|read|viewed|shared)|trending( now| stories)?|top stories|recent (posts|articles|stories)"
            r"|further reading|see also|more stories|popular (posts|stories)|latest (news|stories|posts)|editor['’]?s picks|what to read next|more on this story)[:.]?$",
            r"^(read more|related|see also|also read|watch|more|recommended)\s?:\s?\S",
        ),
        None,
    ),
}


# Words that every signature or cue of a family contains (or characters, for "$", "*", "©"):
# a line is matched against a family's patterns only when it holds one of them, which keeps the cleaner fast.
def _words(text: str) -> frozenset:
    return frozenset(text.split())


TRIGGERS: dict[str, tuple[frozenset, tuple[str, ...]]] = {
    "cookie_notice": (_words("cookie cookies device accept reject allow continuing manage personalised personalized"), ()),
    "comment_form": (_words("comment comments reply replies responses published required logged moderated closed discussion conversation notify save name email e-mail website say sign log"), ("*",)),
    "share_bar": (_words("share tweet spread print"), ()),
    "report_typo": (_words("typo error mistake correction corrections"), ()),
    "republication_note": (_words("republication republish republishes republished reprinted originally appeared published ran views opinions creative"), ()),
    "donation_appeal": (
        _words(
            "here favor favour click patreon patron supporter member membership chip donation donations donate donating donor gift contribution "
            "contributions contribute contributing contributor give support supporting need rely depend help tax-deductible paypal paywall fund funds "
            "one-time monthly dollar readers note before pitch lights recurring coffee thank thanks whatever audience funded "
            "funding funded independent month donated donors contributed contributors fund"
        ),
        ("$",),
    ),
    "subscription": (
        _words("already subscribe subscriber subscribers subscribing subscription subscriptions unlimited free log sign cancel unlock digital access ad-free week month subscribed limit only"),
        ("$",),
    ),
    "newsletter": (_words("sign inbox enter unsubscribe respect join email e-mail address newsletter newsletters digest delivered sent every each free"), ()),
    "shop_ad": (
        _words(
            "shop buy order off code shipping limited limited-time stocks supplies add advertisement sponsored ad promoted flash sale discount coupon paid partner continues deal half ends gone "
            "store store's merch merchandise apparel t-shirts t-shirt hoodies mugs"
        ),
        ("%",),
    ),
    "copyright": (_words("copyright rights reproduction"), ("©", "(c)", "(C)")),
    "related_stories": (_words("related like enjoy more read recommended most trending top recent further see popular latest picks next story also watch"), ()),
}
# Common words that call up a family only when the line also addresses the reader ("you", "we", an imperative).
COMMON_TRIGGERS = _words(
    "here need help give support month independent fund funds funding funded member gift free log sign cancel digital access week already enter join address respect name save website add off order limited code"
)

# The longest line, in words, that each family is tried on: page furniture is short; appeals can run long.
MAX_WORDS = {"donation_appeal": 160, "subscription": 60, "newsletter": 60, "cookie_notice": 60, "republication_note": 80}
DEFAULT_MAX_WORDS = 40
TRIGGER_CHARS = ("$", "*", "%", "©", "(c)", "(C)")
CHAR_FAMILIES = {c: tuple(label for label, (_, chars) in TRIGGERS.items() if c in chars) for c in TRIGGER_CHARS}

BIO_TRIGGERS = _words(
    "analyst journalist writer editor reporter correspondent author columnist contributor fellow professor researcher blogger commentator "
    "producer freelance freelancer activist lecturer scholar director about"
)
BYLINE_TRIGGERS = _words(
    "jan jan. january feb feb. february mar mar. march apr apr. april may jun jun. june jul jul. july aug aug. august sep sep. sept sept. "
    "september oct oct. october nov nov. november dec dec. december "
    "by written posted words published updated read staff senior chief special contributing political foreign national creative commons contributor"
)


def _variants(word: str) -> list[str]:
    """The word as ``str.split`` leaves it beside punctuation: 'here…', '(donate', 'comment,'."""
    return [p + word + q for p in ("", "(", "“", '"', "‘", "'") for q in ("", ".", ",", ":", ";", "!", "?", "…", ")", "”", '"', "’", "'", ".”", ",”", '."', ',"', "*")]


def _trigger_index() -> dict[str, tuple[str, ...]]:
    """Lower-case token -> the families (and the '_byline'/'_bio' shapes) whose patterns it can start."""
    index: dict[str, tuple[str, ...]] = {}
    sources = [(label, words) for label, (words, _) in TRIGGERS.items()] + [("_byline", BYLINE_TRIGGERS), ("_bio", BIO_TRIGGERS)]
    for label, words in sources:
        for word in words:
            for v in _variants(word):
                key = ("~" + v) if word in COMMON_TRIGGERS and not label.startswith("_") else v
                index[key] = index.get(key, ()) + (label,)
    return index


def expand(words: str) -> frozenset:
    """Every punctuated variant of the words, for set lookups on ``str.split`` tokens."""
    return frozenset(v for w in words.split() for v in _variants(w))


TRIGGER_INDEX = _trigger_index()
TRIGGER_KEYS = frozenset(k for k in TRIGGER_INDEX if not k.startswith("~"))
COMMON_KEYS = frozenset(k[1:] for k in TRIGGER_INDEX if k.startswith("~"))
REPORTING_WORDS = expand("said says told according announced wrote asked urged added")
READER_WORDS = expand("you your yours we us our you're you’re we're we’re")

# Author bios: "Name is a/an <role> ..." with contact or support links, or "About the author".
AUTHOR_BIO = re.compile(
    r"^((?i:about the author)\b|([A-Z][\w.'’-]+ ){1,3}(is|was) (a|an|the) [^.]{0,80}\b(analyst|journalist|writer|editor|reporter|correspondent|author|columnist"
    r"|contributor|fellow|professor|researcher|blogger|commentator|producer|freelancer?|activist|lecturer|scholar|director)\b)"
)
BIO_CUE = re.compile(r"\b(contact( \w+)?:|follow (him|her|them|\w+) on|on twitter\b|@\w+|support [\w'’ ]{1,30} on patreon|e-?mail:)", _I)

# Bylines and credits: "By Name", "By Name / Licence / Outlet", "Name, Staff Writer", "5 min read".
BYLINE = re.compile(
    r"^(?i:by|written by|posted by|words by|story by|text by)\s+[A-Z][\w.'’-]+(\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin))*\s*($|[|/,·•–—-]|\s+on\s|\s+and\s|\s+for\s)"
    r"|^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}, (?i:staff|senior|chief|special|contributing|political|foreign|national) (?i:writer|reporter|correspondent|editor)\b"
    r"|\b\d+ min(ute)?s? read$|^(?i:published|updated|posted)( on)?:? \w+"
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d\d-\d\d)"
DATE_LINE = re.compile(
    rf"^((published|updated|posted)( on)?:? |((mon|tues|wednes|thurs|fri|satur|sun)day,? )|([A-Z][\w.'’-]+ ){{1,3}}[·|•,–—-] )?{_DATE}"
    rf"( (at )?\d{{1,2}}[:.]\d\d( ?[ap]\.?m\.?)?( [A-Z]{{2,4}})?)?( [·|•] \d+ min(ute)?s? read)?$",
    re.IGNORECASE,
)
BYLINE_CUE = re.compile(r"\b(creative commons|staff (writer|reporter)|min read|contributor)\b", _I)

# Accessibility links at the very top of a page: "Skip to content", "Jump to main navigation".
SKIP_LINK = re.compile(r"^(skip|jump) to (the )?(main )?(content|navigation|menu|article|search|footer|primary sidebar)$", _I)

# Site-section vocabulary for menus; a menu line is mostly these, all capitalised, with no sentence punctuation.
SECTION_WORDS = frozenset(
    """home news world politics business opinion opinions sport sports culture tech technology science health video videos podcast podcasts
    economy elections election investigations editorials editorial lifestyle travel markets analysis local national weather photos features
    feature entertainment featured top latest more about contact advertise careers privacy policy terms use conditions sitemap subscribe login
    log sign in search menu categories archives archive tags us foreign government human rights military media environment climate education
    crime society arts books music film tv style food money finance security defense defence law justice religion europe asia africa americas
    middle east uk usa u.s. world-news breaking live columnists commentary blogs blog shop store donate faq help jobs events games puzzles
    magazine newsletters newsletter obituaries letters interviews explainers corrections masthead trending popular most read watch listen""".split()
)
UI_WORDS = frozenset(
    """share tweet print email e-mail facebook twitter x linkedin whatsapp telegram reddit pinterest flipboard copy link subscribe sign in up
    log register submit send join search menu close login logout advertisement comment comments reply like follow us donate give contribute now
    today more next previous back to top skip content go accept reject got it agree i ok no thanks""".split()
)
SHARE_WORDS = frozenset("share tweet print email e-mail facebook twitter x linkedin whatsapp telegram reddit pinterest flipboard copy link messenger sms".split())

# Prose guards and appeal shapes.
REPORTED = re.compile(r"[\"“”]|\b(said|says|told|[Aa]ccording to|announced|wrote|asked|urged|added)\b")
IMPERATIVE = re.compile(
    r"^(please |now |today )?(donate|give|support|help|become|join|subscribe|sign|click|chip|back|contribute|consider|shop|buy|order|get|start|"
    r"try|save|enter|read|follow|share|tweet|leave|post|log|register|unlock|grab|claim|don['’]t miss)\b",
    _I,
)
TRAILING_APPEAL = re.compile(
    r"^(we need (you|your)|please (support|donate|consider|help|subscribe|share|become)|help us\b|support (us|our)\b|donate\b|subscribe\b|"
    r"click here\b|sign up\b|become a (member|patron|supporter|subscriber)|join us\b|if you (value|like|enjoy|appreciate)\b)",
    _I,
)
APPEAL_START_WORDS = expand("need please help support donate subscribe click sign become join value enjoy appreciate")
APPEAL_WORDS = re.compile(r"\b(support|help|donat\w*|fund\w*|subscri\w*|contribut\w*|member|patron|revival|cause|newsletter|sign up)\b", _I)
DIGIT = re.compile(r"\d")
LOWER_WORD = re.compile(r"(?:^|\s)(?!(?:of|and|to|for|the|in|us|use|&)(?:\s|$))[a-z]")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z“\"])")
SEPARATORS = re.compile(r"\s[|·•/»›]\s|\s[|·•/»›]$")
