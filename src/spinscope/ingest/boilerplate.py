"""Remove the boilerplate blocks that pages carry from plain text.

Text copied from a web page, and often text that an HTML extractor returns,
still holds page furniture: donation appeals, newsletter boxes, menus, share
bars, comment forms, credits, cookie notices.  Analysing it would mislead
(an appeal is full of second-person persuasion), so it is cut before the
text becomes ``Article.text``, and reported in ``Article.boilerplate``.

Precision comes first: a line is removed on *block-level* evidence only.

- A *signature* phrase ("Required fields are marked", "Since you're here")
  removes a short line anywhere.
- Weaker evidence (a cue word with a second-person or imperative appeal, a
  line of button words) removes a line only in the *head* or *tail* of the
  page, before the first or after the last line of plain prose, where
  boilerplate clusters; there it also spreads to neighbouring short lines.
- Reported speech ("said", quotation marks) protects a line, and the first
  line (the title) is removed only when it is plainly a menu, credit or notice.

Lines are cut whole, except an appeal sentence glued to the end of a
paragraph ("... in the country. We need you to help us ..."), which is cut
from it.  Kept lines are returned exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass

from spinscope.ingest import boilerplate_rules as R
from spinscope.model import Boilerplate

STRONG, MEDIUM, WEAK, NONE = 3, 2, 1, 0
TITLE_REMOVABLE = {"menu", "cookie_notice", "byline_credit", "copyright", "shop_ad"}
# Boxes whose middle paragraphs carry no cue of their own: "Our monthly expenses include hosting ..."
ENCLOSING = {"donation_appeal", "subscription", "newsletter"}
ENCLOSED_MAX_LINES = 6
MENU_HEADINGS = {"categories", "sections", "topics", "tags", "tags:", "archives", "menu", "navigation", "browse"}
UI_LABELS = {
    "donate": "donation_appeal",
    "give": "donation_appeal",
    "contribute": "donation_appeal",
    "subscribe": "subscription",
    "join": "newsletter",
    "sign": "newsletter",
    "submit": "comment_form",
    "reply": "comment_form",
    "comment": "comment_form",
    "comments": "comment_form",
    "register": "comment_form",
    "send": "comment_form",
    "advertisement": "shop_ad",
    "accept": "cookie_notice",
    "reject": "cookie_notice",
    "agree": "cookie_notice",
    "got": "cookie_notice",
    "ok": "cookie_notice",
}


@dataclass
class _Line:
    """One non-empty line of the page and what the rules made of it."""

    index: int
    text: str
    words: int
    label: str | None = None
    level: int = NONE
    removed: bool = False
    ui: bool = False
    may_appeal: bool = False
    pitch: bool = False


def remove_boilerplate(text: str) -> tuple[str, list[Boilerplate]]:
    """Cut boilerplate blocks from ``text``; return the cleaned text and the blocks in document order.

    Runs to a fixed point, so that cleaning cleaned text changes nothing.
    """
    removed: list[Boilerplate] = []
    cache: dict[str, _Line] = {}
    for _ in range(4):
        cleaned, found = _clean_once(text, cache)
        if not found:
            break
        removed.extend(found)
        text = cleaned
    return _strip_blank_edges(text), removed


def _clean_once(text: str, cache: dict[str, "_Line"]) -> tuple[str, list[Boilerplate]]:
    lines = text.split("\n")
    items = [_classified(i, line.strip(), cache) for i, line in enumerate(lines) if line.strip()]
    if not items:
        return text, []
    _decide(items)
    if all(it.removed for it in items):
        return text, []
    trims = _trim_trailing_appeals(items, lines)
    found = [(it.index, Boilerplate(label=it.label, text=it.text)) for it in items if it.removed]
    found += [(i, Boilerplate(label=_classify(0, cut).label or "donation_appeal", text=cut)) for i, cut in trims.items()]
    found.sort(key=lambda pair: pair[0])
    return _assemble(lines, items), [b for _, b in found]


# ---------------------------------------------------------------- classification


def _classified(index: int, s: str, cache: dict[str, _Line]) -> _Line:
    """A fresh copy of the line's classification, computed once per distinct line text."""
    if s not in cache:
        cache[s] = _classify(index, s)
    c = cache[s]
    return _Line(index=index, text=s, words=c.words, label=c.label, level=c.level, ui=c.ui, may_appeal=c.may_appeal, pitch=c.pitch)


def _classify(index: int, s: str) -> _Line:
    """Give one line its most likely label and the strength of the evidence for it."""
    low = s.lower()
    split = low.split()
    tokens = set(split)
    n = len(split)
    item = _Line(index=index, text=s, words=n)
    appeal = not tokens.isdisjoint(R.READER_WORDS) or R.IMPERATIVE.match(s) is not None
    families = _triggered(s, tokens, appeal)
    label, level = None, NONE
    if families:
        reported = n >= 10 and (not tokens.isdisjoint(R.REPORTING_WORDS) or '"' in s or "“" in s or "”" in s)
        label, level = _family_evidence(low, n, families, reported, appeal)
        item.pitch = appeal and any(f[0] != "_" for f in families)
    for other, other_level in _shape_evidence(s, n, families):
        if other_level >= level:
            label, level = other, other_level
    item.label, item.level = label, level
    item.ui = n <= 4 and _is_ui(s)
    item.may_appeal = not tokens.isdisjoint(R.APPEAL_START_WORDS)
    if item.ui and item.label is None:
        item.label = _ui_label(s)
    return item


def _triggered(s: str, tokens: set[str], appeal: bool) -> set[str]:
    """The families whose trigger words or characters the line holds: set lookups, no regex scans.

    Common words ("support", "help", "free") count only in a line that addresses the reader.
    """
    families: set[str] = set()
    for token in R.TRIGGER_KEYS.intersection(tokens):
        families.update(R.TRIGGER_INDEX[token])
    if appeal:
        for token in R.COMMON_KEYS.intersection(tokens):
            families.update(R.TRIGGER_INDEX["~" + token])
    for c in R.TRIGGER_CHARS:
        if c in s:
            families.update(R.CHAR_FAMILIES[c])
    return families


def _family_evidence(low: str, n: int, families: set[str], reported: bool, appeal: bool) -> tuple[str | None, int]:
    """The best label among the pattern families that the line's trigger words call up."""
    best: tuple[str | None, int] = (None, NONE)
    for label, (signature, cues) in R.FAMILIES.items():
        if label not in families or n > R.MAX_WORDS.get(label, R.DEFAULT_MAX_WORDS):
            continue
        level = _family_level(low, n, signature, cues, reported, appeal)
        if level > best[1]:
            best = (label, level)
    return best


def _family_level(s, n, signature, cues, reported: bool, appeal: bool) -> int:
    hits = len({m.group(0) for m in cues.finditer(s)}) if cues is not None and n <= 160 else 0
    if signature.search(s):
        if reported and not (signature.anchored and signature.anchored.match(s)):
            return WEAK
        return STRONG if n <= 40 or hits >= 2 else WEAK
    if reported or hits == 0:
        return NONE
    if appeal and (hits >= 2 and n <= 40 or hits >= 3 and n <= 160):
        return MEDIUM
    if hits == 1 and n <= 8 and R.IMPERATIVE.match(s):
        return MEDIUM
    return WEAK if n <= 8 and not R.SENTENCE_END.search(s) else NONE


def _shape_evidence(s: str, n: int, families: set[str]) -> list[tuple[str, int]]:
    """Evidence from a line's shape: credits, bios, menus, share bars."""
    found = []
    if n <= 20 and "_byline" in families or n <= 12 and R.DIGIT.search(s):
        found.extend(_byline_evidence(s, n))
    if n <= 80 and "_bio" in families and R.AUTHOR_BIO.search(s):
        found.append(("author_bio", STRONG if R.BIO_CUE.search(s) or s.lower().startswith("about the author") else MEDIUM))
    if 3 <= n <= 6 and R.SKIP_LINK.match(s.rstrip(" .›»")):
        found.append(("menu", STRONG))
    if 3 <= n <= 40 and _is_menu(s, n):
        found.append(("menu", STRONG))
    if n <= 12 and _is_share_bar(s, n):
        found.append(("share_bar", STRONG if n >= 2 else MEDIUM))
    return found


def _byline_evidence(s: str, n: int) -> list[tuple[str, int]]:
    """'By Name / Outlet', 'Name, Staff Writer', '4 min read'."""
    if R.DATE_LINE.match(s) or R.BYLINE.search(s) and (n <= 6 or not R.SENTENCE_END.search(s)):
        return [("byline_credit", STRONG)]
    if R.BYLINE_CUE.search(s) and not R.SENTENCE_END.search(s):
        return [("byline_credit", MEDIUM)]
    return []


def _tokens(s: str) -> list[str]:
    return [t.strip(".,:;!?()[]“”\"'’*").lower() for t in s.split()]


def _is_menu(s: str, n: int) -> bool:
    """A run of capitalised section names with no sentence punctuation, or items split by separators."""
    if R.LOWER_WORD.search(s):
        return False
    words = [w for w in s.split() if w not in "|·•/»›-–—&"]
    if not words:
        return False
    if R.SENTENCE_END.search(s.rstrip(".")) and not s.endswith("..."):
        return False
    toks = [t for t in _tokens(" ".join(words)) if t]
    known = sum(t in R.SECTION_WORDS for t in toks)
    if known >= max(3, 0.5 * len(toks)):
        return True
    items = R.SEPARATORS.split(s)
    return len(items) >= 3 and all(len(i.split()) <= 3 for i in items) and known >= 0.3 * len(toks)


def _is_share_bar(s: str, n: int) -> bool:
    if n > 12:
        return False
    toks = [t for t in _tokens(s) if t]
    share = sum(t in R.SHARE_WORDS for t in toks)
    filler = sum(t in {"this", "on", "the", "story", "article", "post", "page", "via", "by", "spread", "word", "with", "friends"} for t in toks)
    return share >= 1 and share + filler == len(toks) and ("share" in toks or share >= 2)


def _is_ui(s: str) -> bool:
    """Button and link words only: 'Sign up', 'Log in', 'Submit', 'Give now'."""
    toks = [t for t in _tokens(s) if t]
    return bool(toks) and all(t in R.UI_WORDS for t in toks)


def _ui_label(s: str) -> str:
    for t in _tokens(s):
        if t in UI_LABELS:
            return UI_LABELS[t]
        if t in R.SHARE_WORDS:
            return "share_bar"
    return "menu"


# ---------------------------------------------------------------- decisions


def _decide(items: list[_Line]) -> None:
    """Remove strong lines anywhere, weaker ones in the head and tail, then spread within clusters."""
    for k, it in enumerate(items):
        it.removed = it.level == STRONG and (k > 0 or it.label in TITLE_REMOVABLE)
    first, last = _anchors(items)
    zone = [k < first or k > last for k in range(len(items))]
    for k, it in enumerate(items):
        if k > 0 and zone[k] and it.level == MEDIUM:
            it.removed = True
    _mark_runs(items, zone, first)
    _spread(items, zone, last)
    _mark_lists_after_headings(items, first)
    if _mark_headline_runs(items, last):
        _spread(items, zone, last)
    _mark_bio_names(items)
    if _mark_enclosed(items):
        _spread(items, zone, last)


def _anchors(items: list[_Line]) -> tuple[int, int]:
    """Indexes of the first and last line of plain prose; boilerplate clusters outside them."""
    prose = [k for k, it in enumerate(items) if it.level == NONE and not it.pitch and _is_prose(it)]
    if not prose:
        return len(items), -1
    return prose[0], prose[-1]


def _is_prose(it: _Line) -> bool:
    return it.words >= 25 or it.words >= 12 and R.SENTENCE_END.search(it.text) is not None


def _mark_runs(items: list[_Line], zone: list[bool], first: int) -> None:
    """Three or more consecutive one-to-three-word capitalised lines in the head or tail: a menu, one item per line.

    A line of three words just above the first prose line is the headline ("Library to close"), not an item."""
    run: list[int] = []
    for k, it in enumerate(items + [_Line(-1, "", 0)]):
        headline = k == first - 1 and it.words >= 3
        if k < len(items) and zone[k] and _is_menu_item(it) and not it.removed and not headline:
            run.append(k)
            continue
        if len(run) >= 3:
            for j in run:
                if j > 0 or len(run) >= 4 and _tokens(items[0].text)[0] in R.SECTION_WORDS:
                    items[j].removed, items[j].label = True, items[j].label or "menu"
        run = []


def _is_menu_item(it: _Line) -> bool:
    return 1 <= it.words <= 3 and it.text[0].isupper() and not R.SENTENCE_END.search(it.text) and ":" not in it.text


def _spread(items: list[_Line], zone: list[bool], last: int) -> None:
    """In the head and tail, a removed line takes its weak or button-word neighbours with it;
    in the tail, also short headings and labels (a box's title, a form's field names).

    Sweeps forward then backward, so that a chain spreads in one sweep (linear, not quadratic).
    """
    order = range(1, len(items))
    changed = True
    while changed:
        changed = False
        for sweep in (order, reversed(order)):
            for k in sweep:
                it = items[k]
                if it.removed or not zone[k]:
                    continue
                near = [items[j] for j in (k - 1, k + 1) if j < len(items) and items[j].removed]
                if near and (it.level >= WEAK or it.ui or k > last and _is_orphan(it)):
                    it.removed, it.label = True, it.label or near[0].label
                    changed = True


def _is_orphan(it: _Line) -> bool:
    """A short fragment that cannot stand as prose: a button, a field label, a lone name."""
    short = it.words <= 5 and not R.SENTENCE_END.search(it.text) or it.words <= 4 and it.text.endswith("?")
    return short and it.text[:1].isupper()


def _mark_lists_after_headings(items: list[_Line], first: int) -> None:
    """Headline lists under 'Related stories' and link lists under 'Categories' go with their heading.

    The line just above the first prose line is the headline, not a link, when a section label ("Local") precedes it."""
    done = 0  # items before this index have been looked at as part of a list already
    for k, it in enumerate(items):
        if k < done or not it.removed:
            continue
        heading = it.text.lower().rstrip(":")
        if it.label == "related_stories" and it.words <= 6 and ":" not in it.text.rstrip(":"):
            done = _take_following(items, k, _is_headline, "related_stories")
        elif heading in MENU_HEADINGS or it.label == "menu" and it.words <= 2:
            headline = first - 1 if first < len(items) and items[first - 1].words >= 3 else len(items)
            done = _take_following(items, k, _is_menu_item, "menu", stop=headline)


def _take_following(items: list[_Line], k: int, test, label: str, stop: int | None = None) -> int:
    """Mark the lines after ``k`` (and before ``stop``) that pass ``test``; return the index where the list ends."""
    j = k + 1
    while j < min(len(items), len(items) if stop is None else stop):
        it = items[j]
        if it.removed and it.label != label or not it.removed and not test(it):
            break
        it.removed, it.label = True, label
        j += 1
    return j


def _mark_headline_runs(items: list[_Line], last: int) -> bool:
    """After the last prose line, three or more headline-like lines in a row are a story list, with their heading."""
    run: list[int] = []
    found = False
    for k in range(last + 1, len(items) + 1):
        if k < len(items) and not items[k].removed and 3 <= items[k].words <= 14 and _is_headline(items[k]) and items[k].text[:1].isupper():
            run.append(k)
            continue
        if len(run) >= 3 and sum(items[j].text.endswith("?") for j in run) <= 1:
            found = True
            head = run[0] - 1
            if head > last and not items[head].removed and items[head].words <= 5 and not R.SENTENCE_END.search(items[head].text):
                run.insert(0, head)
            for j in run:
                items[j].removed, items[j].label = True, "related_stories"
        run = []
    return found


def _is_headline(it: _Line) -> bool:
    return 2 <= it.words <= 18 and it.level < MEDIUM and (not R.SENTENCE_END.search(it.text) or it.text.endswith("?"))


def _mark_enclosed(items: list[_Line]) -> bool:
    """The middle of an appeal box in the page's tail: up to six lines between two removed lines of one appeal
    family, each addressing the reader ("we", "our", "you") and none reporting speech, with no kept prose below."""
    removed = [k for k, it in enumerate(items) if it.removed]
    found = False
    for a, b in zip(removed, removed[1:]):
        top, bottom = items[a], items[b]
        between = items[a + 1 : b]
        if not between or len(between) > ENCLOSED_MAX_LINES or top.label not in ENCLOSING or bottom.label != top.label:
            continue
        if any(_is_prose(it) and not it.removed for it in items[b + 1 :]):
            continue
        if all(_speaks_to_reader(it) for it in between):
            for it in between:
                it.removed, it.label = True, top.label
            found = True
    return found


def _speaks_to_reader(it: _Line) -> bool:
    tokens = set(_tokens(it.text))
    return not tokens.isdisjoint(R.READER_WORDS) and R.REPORTED.search(it.text) is None and not any(q in it.text for q in '"“”')


def _mark_bio_names(items: list[_Line]) -> None:
    """The author's name on its own line, just above their bio."""
    for k in range(1, len(items)):
        prev, it = items[k - 1], items[k]
        if it.removed and it.label == "author_bio" and not prev.removed and prev.words <= 4 and it.text.startswith(prev.text) and k - 1 > 0:
            prev.removed, prev.label = True, "author_bio"


# ---------------------------------------------------------------- sentence-level appeals and output


def _trim_trailing_appeals(items: list[_Line], lines: list[str]) -> dict[int, str]:
    """Cut appeal sentences glued to the end of a kept paragraph; return the cut text by line index."""
    cuts: dict[int, str] = {}
    for it in items:
        if it.removed or it.words < 8 or not it.may_appeal:
            continue
        line = lines[it.index]
        end = _appeal_start(line)
        if end is not None:
            cuts[it.index] = line[end:].strip()
            lines[it.index] = line[:end].rstrip()
    return cuts


def _appeal_start(line: str) -> int | None:
    """Where a run of closing appeal sentences begins, when the paragraph has prose before it."""
    starts = [0] + [m.end() for m in R.SENTENCE_SPLIT.finditer(line)]
    cut = None
    for start in reversed(starts[1:]):
        sentence = line[start:].strip() if cut is None else line[start:cut].strip()
        if not (R.TRAILING_APPEAL.match(sentence) and R.APPEAL_WORDS.search(sentence)) or R.REPORTED.search(sentence):
            break
        cut = start
    return cut


def _assemble(lines: list[str], items: list[_Line]) -> str:
    """Join kept lines as given; the gap left by a removed block becomes one blank line (or one newline)."""
    kept = [it.index for it in items if not it.removed]
    removed = {it.index for it in items if it.removed}
    out = [lines[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        between = lines[a + 1 : b]
        if any(i in removed for i in range(a + 1, b)):
            out.append("\n\n" if any(not x.strip() for x in between) else "\n")
        else:
            out.append("\n" + "".join(x + "\n" for x in between))
        out.append(lines[b])
    return "".join(out)


def _strip_blank_edges(text: str) -> str:
    """Drop blank lines before the first and after the last line of text."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)
