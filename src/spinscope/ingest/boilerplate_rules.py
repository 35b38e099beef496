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
    "donation_appeal", "subscription", "newsletter", "shop_ad", "menu", "share_bar", "comment_form",
    "report_typo", "republication_note", "author_bio", "related_stories", "cookie_notice", "copyright",
    "byline_credit",
)

_I = re.IGNORECASE


def _rx(*parts: str, flags: int = _I) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in parts), flags)


# label -> (signature patterns, cue patterns); order is precedence when a line matches several.
FAMILIES: dict[str, tuple[re.Pattern, re.Pattern | None]] = {
    "cookie_notice": (
        _rx(r"\b(we|this (web)?site|our (web)?site) uses? cookies", r"\buse of cookies\b", r"\bcookie (policy|settings|preferences|notice)\b",
            r"\baccept (all )?cookies\b", r"\b(store|access) (and/or access )?information on (a|your) device\b", r"^(accept|reject|allow) all$"),
        _rx(r"\bcookies?\b", r"\bby continuing to (browse|use)\b", r"\bmanage (settings|preferences|options)\b", r"\bpersonali[sz]ed (ads|advertising|content)\b"),
    ),
    "comment_form": (
        _rx(r"\bleave a (reply|comment)\b", r"\byour email( address)? will not be published\b", r"\brequired fields are marked\b",
            r"^post (a )?comment$", r"\bsave my name, email\b", r"\bmust be logged in to (post|comment|reply)\b",
            r"\bcomments are (moderated|closed)\b", r"\bbe the first to comment\b", r"^join the (discussion|conversation)$",
            r"^(add|write|post) (a|your) comment( here)?$", r"^\d+ (comments?|responses?|replies)$", r"\bnotify me of (follow-up|new) (comments|posts)\b",
            r"^cancel reply$", r"^(name|e-?mail|website|comment) ?\*$", r"^show (more )?comments$", r"^comments? \(\d+\)$"),
        _rx(r"\bcomments?\b", r"\breply\b"),
    ),
    "share_bar": (
        _rx(r"^share (this|the) (article|story|post|page)\b", r"^share this:?$", r"^share on (facebook|twitter|x|whatsapp|linkedin|reddit|telegram)\b",
            r"^(share|tweet|spread the word|print this (page|article))$"),
        None,
    ),
    "report_typo": (
        _rx(r"\breport an? (typo|error|mistake)\b", r"\b(spotted|see|found|noticed?) an? (typo|error|mistake)\b.{0,60}\b(let us know|tell us|report|contact)\b"),
        None,
    ),
    "republication_note": (
        _rx(r"\bchosen for republication\b", r"\brepublish(es|ed)? (stories|articles|this|it|here)\b", r"\b(is|was) republished\b",
            r"\breprinted with permission\b", r"\b(originally|first) (appeared|published|ran) (on|in|at|by)\b.{0,80}$",
            r"\b(views|opinions) expressed\b.{0,80}\b(own|not (necessarily )?(reflect|represent))", r"^editor['’]?s note\b",
            r"\bcreative commons licen[cs]e\b"),
        None,
    ),
    "donation_appeal": (
        _rx(r"\bsince you['’]re here\b", r"\bsmall favou?r to ask\b", r"\bclick here to (support|donate|contribute|help)\b",
            r"\bsupport (us|our work|\w+['’]s? work) on patreon\b", r"\b(become|be) a (patron|supporter|sustaining member)\b",
            r"\bchip in\b", r"\b(please )?(make|consider making) a (one-time |monthly |small |tax-deductible )?(donation|contribution|gift)\b",
            r"\b(a|one-time|small) (donation|gift) of \$", r"\bwe (need|rely on|depend on) (you|your|readers)\b.{0,80}\b(support|help|donat|fund)",
            r"\bhelp (us )?(keep|fund|sustain|support) (our|independent|this)\b", r"\bsupport (independent|our) (journalism|media|reporting|newsroom|work)\b",
            r"^(donate|give|contribute|support us)( now| today| here)?[.!]?$", r"\bon patreon\b", r"\btax-deductible\b"),
        _rx(r"\bdonat\w*", r"\bcontribut\w*", r"\bpatreon\b", r"\bpaypal\b", r"\bpaywall\b", r"\bfund(s|ing)?\b", r"\bsupport\b",
            r"\bmember(ship)?\b", r"\bindependent (journalism|media|news|reporting)\b", r"\$\s?\d", r"\ba month\b", r"\bgift\b"),
    ),
    "subscription": (
        _rx(r"\balready a (subscriber|member)\b", r"\bsubscribe (now|today|for|to (continue|read|unlock))\b", r"\bunlimited (digital )?access\b",
            r"\bfree trial\b", r"\b(log|sign) in to (continue|read|keep reading)\b", r"\bcancel any ?time\b", r"^subscribe$",
            r"\bsubscribers? (get|enjoy|can)\b", r"\bunlock (every|all|this|unlimited)\b", r"\bdigital access\b"),
        _rx(r"\bsubscri\w+", r"\$\s?\d", r"\bper (week|month)\b", r"\ba (week|month)\b", r"\baccess\b", r"\bad-free\b"),
    ),
    "newsletter": (
        _rx(r"\bsign (me )?up (for|to) (our|the|a)\b.{0,40}\b(newsletter|digest|briefing|email|updates)\b", r"\b(delivered |straight |right )?(to|in) your inbox\b",
            r"\benter your e-?mail\b", r"\bunsubscribe (at )?any ?time\b", r"\bwe respect your privacy\b", r"^(sign me up|sign up|join|email address|your e-?mail|e-?mail)$",
            r"^newsletters?$", r"\bour (free |daily |weekly )?newsletter\b"),
        _rx(r"\bnewsletter\b", r"\binbox\b", r"\be-?mail\b", r"\bsign up\b", r"\bdigest\b", r"\bunsubscribe\b"),
    ),
    "shop_ad": (
        _rx(r"\b(shop|buy|order) (now|today|here)\b", r"\b\d{1,2} ?% off\b", r"\b(use|with|enter) (promo |coupon |discount )?code\b", r"\bfree shipping\b",
            r"\blimited[- ]time offer\b", r"\bwhile (stocks|supplies) last\b", r"\badd to (cart|basket)\b", r"^(advertisement|sponsored( content)?|ad|promoted)$",
            r"^sponsored:", r"\bflash sale\b", r"\bshop the\b"),
        _rx(r"\bshop\b", r"\bsale\b", r"\bbuy\b", r"\bdiscount\b", r"\boffer\b", r"\border\b"),
    ),
    "copyright": (
        _rx(r"©", r"\(c\) ?\d{4}", r"\bcopyright (©|\(c\)|\d{4})", r"\ball rights reserved\b", r"\breproduction\b.{0,40}\bprohibited\b"),
        None,
    ),
    "related_stories": (
        _rx(r"^(related( stories| articles| posts| coverage| content| reading)?|you (may|might) (also )?(like|enjoy)|more from [\w ]{1,30}|read (next|also)"
            r"|recommended( for you| stories)?|most (popular|read|viewed|shared)|trending( now| stories)?|top stories|recent (posts|articles|stories)"
            r"|further reading|see also|more stories|popular (posts|stories)|latest (news|stories|posts)|editor['’]?s picks|what to read next|more on this story)[:.]?$",
            r"^(read more|related|see also|also read|watch|more|recommended)\s?:\s?\S"),
        None,
    ),
}

# Author bios: "Name is a/an <role> ..." with contact or support links, or "About the author".
AUTHOR_BIO = re.compile(
    r"^(about the author\b|([A-Z][\w.'’-]+ ){1,3}(is|was) (a|an|the) [^.]{0,80}\b(analyst|journalist|writer|editor|reporter|correspondent|author|columnist"
    r"|contributor|fellow|professor|researcher|blogger|commentator|producer|freelancer?|activist|lecturer|scholar|director)\b)"
)
BIO_CUE = re.compile(r"\b(contact( \w+)?:|follow (him|her|them|\w+) on|on twitter\b|@\w+|support [\w'’ ]{1,30} on patreon|e-?mail:)", _I)

# Bylines and credits: "By Name", "By Name / Licence / Outlet", "Name, Staff Writer", "5 min read".
BYLINE = re.compile(
    r"^(by|written by|posted by|words by)\s+[A-Z][\w.'’-]+(\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin))*\s*($|[|/,·•–—-]|\s+on\s|\s+and\s)"
    r"|^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}, (staff|senior|chief|special|contributing|political|foreign|national) (writer|reporter|correspondent|editor)\b"
    r"|\b\d+ min(ute)?s? read$|^(published|updated|posted)( on)?:? \w+"
)
BYLINE_CUE = re.compile(r"\b(creative commons|staff (writer|reporter)|min read|contributor)\b", _I)

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
REPORTED = re.compile(r"\b(said|says|told|according to|announced|wrote|asked|urged|added)\b|[\"“”]", _I)
SECOND_PERSON = re.compile(r"\b(you|your|yours|you['’]re|we|us|our)\b", _I)
IMPERATIVE = re.compile(
    r"^(please |now |today )?(donate|give|support|help|become|join|subscribe|sign|click|chip|back|contribute|consider|shop|buy|order|get|start|"
    r"try|save|enter|read|follow|share|tweet|leave|post|log|register|unlock|grab|claim|don['’]t miss)\b", _I)
TRAILING_APPEAL = re.compile(
    r"^(we need (you|your)|please (support|donate|consider|help|subscribe|share|become)|help us\b|support (us|our)\b|donate\b|subscribe\b|"
    r"click here\b|sign up\b|become a (member|patron|supporter|subscriber)|join us\b|if you (value|like|enjoy|appreciate)\b)", _I)
APPEAL_WORDS = re.compile(r"\b(support|help|donat\w*|fund\w*|subscri\w*|contribut\w*|member|patron|revival|cause|newsletter|sign up)\b", _I)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z“\"])")
SEPARATORS = re.compile(r"\s[|·•/»›]\s|\s[|·•/»›]$")
