"""remove_boilerplate: page furniture out, article prose in, text otherwise untouched."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.ingest.boilerplate import remove_boilerplate
from spinscope.ingest.boilerplate_rules import LABELS

TITLE = "Ministers clash over border funding as deadline nears"
BODY = [
    "The finance ministry said on Tuesday that it would not release the emergency fund until parliament approved the new budget, deepening a row that has paralysed the coalition for weeks.",
    'Opposition leaders accused the government of holding aid hostage. "People on the border are waiting for help while ministers argue," said one deputy, who asked not to be named.',
    "Officials expect a vote before the end of the month, although several members of the ruling party have said they will abstain.",
]


def page(*, head: list[str] = (), tail: list[str] = (), middle: list[str] = ()) -> str:
    blocks = [TITLE, *head, BODY[0], *middle, BODY[1], BODY[2], *tail]
    return "\n\n".join(blocks) + "\n"


def cleaned_body() -> str:
    return "\n\n".join([TITLE, *BODY])


def labels(text: str) -> list[str]:
    return [b.label for b in remove_boilerplate(text)[1]]


@pytest.mark.parametrize(
    "label, where, block",
    [
        (
            "donation_appeal",
            "tail",
            [
                "Since you're here…",
                "…we have a small favour to ask. Our reporting is free for everyone because readers chip in to fund it. Please support our independent journalism with a donation today.",
                "Donate now",
            ],
        ),
        ("subscription", "middle", ["Subscribe now for unlimited digital access. Already a subscriber? Log in."]),
        ("newsletter", "tail", ["Sign up for our weekly newsletter and get the top stories delivered to your inbox.", "Email address", "Sign up"]),
        ("shop_ad", "middle", ["Flash sale: 40% off all tactical backpacks. Use code BORDER40. Shop now"]),
        ("menu", "head", ["Home | World | Politics | Business | Opinion | Video"]),
        ("share_bar", "tail", ["Share this: Facebook Twitter Email Print"]),
        ("comment_form", "tail", ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Post Comment"]),
        ("report_typo", "tail", ["Report a typo"]),
        ("republication_note", "tail", ["This story was originally published by the Harbour Courier and is republished here with permission."]),
        ("author_bio", "tail", ["Lena Duarte is a Lisbon-based journalist covering migration and defence. Follow her on Twitter @lduarte."]),
        ("related_stories", "tail", ["Related stories", "Border talks stall as ministers trade blame", "Five things to know about the aid package"]),
        ("cookie_notice", "head", ["We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.", "Accept all"]),
        ("copyright", "tail", ["© 2024 Harbour Courier Media Ltd. All rights reserved."]),
        ("byline_credit", "head", ["By Lena Duarte | Harbour Courier"]),
    ],
)
def test_boilerplate_removes_each_label(label, where, block):
    text = page(**{where: block})
    cleaned, removed = remove_boilerplate(text)
    assert cleaned == cleaned_body()
    assert label in [b.label for b in removed]
    assert "".join(b.text for b in removed).replace(" ", "") == "".join(block).replace(" ", "")


def test_boilerplate_labels_are_the_documented_vocabulary():
    text = page(head=["Home | World | Politics | Business | Opinion | Video"], tail=["Leave a Reply", "Share this: Facebook Twitter Email Print", "© 2024 Harbour Courier. All rights reserved."])
    assert set(labels(text)) <= set(LABELS)


@pytest.mark.parametrize(
    "sentence",
    [
        "The charity asked people to donate blood after the attack, and hundreds queued outside the hospital.",
        "Donations to the campaign rose sharply in March, according to filings with the election commission.",
        "More than two million households subscribe to the state broadcaster, which the government plans to privatise.",
        "The newsletter, published by a veterans' group, claimed the ministry had ignored warnings for months.",
        "In comments to reporters, the general said the offensive would continue until the city was secured.",
        "Shops in the capital stayed shut on Monday as the strike spread to the port and the railways.",
        "The menu of options presented to the cabinet included sanctions, a naval blockade and direct talks.",
        'Critics said the advert, which urged viewers to "support our troops", was paid for by a defence contractor.',
        "Share prices of arms makers jumped after the announcement, with one rising 12% in a single day.",
        "We need your help, the mayor told residents, urging them to stay indoors and keep roads clear.",
        "Cookies and sweets were handed out to children at the checkpoint, witnesses said.",
        "Her column, which first appeared in a regional paper, was later shared widely on social media.",
        "Less than a quarter of the campaign's donors pitch in $200 or less, according to its filings.",
        "She wore a half price dress from a high-street shop to the summit, her office confirmed.",
        "How many more victims did investigators ignore?",
    ],
)
def test_boilerplate_keeps_prose_that_mentions_boilerplate_words(sentence):
    text = "\n\n".join([TITLE, BODY[0], sentence, BODY[1], sentence, BODY[2], sentence])
    assert remove_boilerplate(text) == (text, [])


def test_boilerplate_keeps_the_title_line():
    text = "Support Our Troops: Donate Now, Says Governor\n\n" + "\n\n".join(BODY)
    cleaned, _ = remove_boilerplate(text)
    assert cleaned.splitlines()[0] == "Support Our Troops: Donate Now, Says Governor"


def test_boilerplate_removes_a_menu_that_stands_first():
    text = "Conspiracy Featured Foreign Policy Government Human Rights Military Politics Top News World\n\n" + cleaned_body()
    cleaned, removed = remove_boilerplate(text)
    assert cleaned == cleaned_body()
    assert [b.label for b in removed] == ["menu"]


@pytest.mark.parametrize("link", ["Skip to content", "Skip to main content", "Jump to navigation ›"])
def test_boilerplate_removes_a_skip_link_that_stands_first(link):
    cleaned, removed = remove_boilerplate(link + "\n" + cleaned_body())
    assert cleaned == cleaned_body()
    assert [b.label for b in removed] == ["menu"]


def test_boilerplate_keeps_a_title_that_starts_like_a_skip_link():
    text = "Skip to the end: why the budget vote matters\n\n" + "\n\n".join(BODY)
    assert remove_boilerplate(text) == (text, [])


def test_boilerplate_cuts_an_appeal_glued_to_a_paragraph_end():
    glued = BODY[2] + " We need you to help us make this the year of independent reporting. Please support us."
    text = "\n\n".join([TITLE, BODY[0], BODY[1], glued])
    cleaned, removed = remove_boilerplate(text)
    assert cleaned == cleaned_body()
    assert removed[0].text == "We need you to help us make this the year of independent reporting. Please support us."


def test_boilerplate_keeps_a_quoted_appeal_at_paragraph_end():
    text = "\n\n".join([TITLE, BODY[0], BODY[2] + ' "Please support us," the mayor said.'])
    assert remove_boilerplate(text) == (text, [])


def test_boilerplate_exact_output_for_a_small_page():
    text = (
        "News  World  Politics  Business  Opinion  Sport\n"
        "\n"
        "Ceasefire talks resume in Geneva\n"
        "\n"
        "By Lena Duarte\n"
        "\n"
        "Negotiators  returned to Geneva on Monday, the foreign ministry said,   two weeks after talks collapsed.\n"
        "Both delegations have agreed to a new agenda, officials said.\n"
        "\n"
        "\n"
        "The talks are expected to last three days and to focus on prisoner exchanges and the front line.\n"
        "\n"
        "Share this:\n"
        "Facebook\n"
        "Twitter\n"
        "\n"
        "Leave a Reply\n"
        "\n"
    )
    expected = (
        "Ceasefire talks resume in Geneva\n"
        "\n"
        "Negotiators  returned to Geneva on Monday, the foreign ministry said,   two weeks after talks collapsed.\n"
        "Both delegations have agreed to a new agenda, officials said.\n"
        "\n"
        "\n"
        "The talks are expected to last three days and to focus on prisoner exchanges and the front line."
    )
    cleaned, removed = remove_boilerplate(text)
    assert cleaned == expected
    assert [b.label for b in removed] == ["menu", "byline_credit", "share_bar", "share_bar", "share_bar", "comment_form"]


def test_boilerplate_collapses_the_gap_to_one_blank_line():
    text = "\n\n".join([TITLE, BODY[0], "Advertisement", "", "Flash sale: 30% off everything. Shop now", BODY[1]])
    cleaned, _ = remove_boilerplate(text)
    assert cleaned == "\n\n".join([TITLE, BODY[0], BODY[1]])


def test_boilerplate_is_idempotent():
    samples = [
        page(head=["Home | World | Politics | Business"], tail=["Since you're here…", "Please consider a donation.", "Donate", "Leave a Reply", "Name *", "Email *", "Post Comment"]),
        page(middle=["Advertisement", "Subscribe now for unlimited access."], tail=["Related stories", "Border talks stall", "Aid package explained", "© 2024 Courier"]),
        cleaned_body() + " Help us keep reporting. Please support our journalism.",
        "",
        "\n\n\n",
        "Advertisement",
    ]
    for text in samples:
        once, _ = remove_boilerplate(text)
        twice, removed_again = remove_boilerplate(once)
        assert twice == once
        assert removed_again == []


def test_boilerplate_never_empties_a_text():
    for text in ("Share\nTweet\nEmail", "Leave a Reply", "Advertisement\n\nShop now"):
        cleaned, _ = remove_boilerplate(text)
        assert cleaned.strip()


def test_boilerplate_is_fast_on_a_long_article():
    paragraphs = [f"{BODY[i % 3]} Paragraph {i} adds detail on the talks, the aid and the vote." for i in range(140)]
    text = "\n\n".join([TITLE, *paragraphs, "Share this: Facebook Twitter Email Print", "Leave a Reply"])
    assert len(text.split()) >= 5000
    best = min(_timed(text) for _ in range(5))
    assert best < 0.025  # seconds; about 3 ms on an idle core, the margin is for a shared machine


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    remove_boilerplate(text)
    return time.perf_counter() - t0


POOL = [
    *BODY,
    TITLE,
    "Share this: Facebook Twitter Email Print",
    "Leave a Reply",
    "Since you're here…",
    "Donate",
    "Advertisement",
    "Related stories",
    "Border talks stall as ministers trade blame",
    "By Lena Duarte",
    "March 3, 2019",
    "Home World Politics Business Opinion",
    "Sign up",
    "Officials said the talks would resume. We need you to help us keep reporting.",
    "",
    "   ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=14), st.sampled_from(["\n", "\n\n"]))
def test_boilerplate_is_idempotent_on_random_pages(lines, sep):
    once, removed = remove_boilerplate(sep.join(lines))
    assert remove_boilerplate(once) == (once, [])
    for block in removed:
        assert block.label in LABELS and block.text.strip()


@pytest.mark.parametrize(
    "text",
    [
        TITLE + "\n\n" + BODY[0] + "\n\n" + "\n".join(["comments"] * 4000) + "\nLeave a Reply",
        "\n".join(["Home"] * 20000),
        TITLE + "\n\n" + "\n".join(["Related stories", "Border talks stall as ministers trade blame"] * 4000),
    ],
    ids=["backward-spread", "menu-run", "heading-lists"],
)
def test_boilerplate_time_grows_linearly_on_long_runs(text):
    assert _timed(text) < 2.0  # quadratic passes took 8 s on these


SHOP_ADS = [
    "Visit Red Revolution Media's online store for all your socialist, progressive and protest fashions and accessories.",
    "Check out our online store for T-shirts, mugs and posters.",
    "Get your limited-edition hoodies and mugs in our merch shop today!",
]


@pytest.mark.parametrize("ad", SHOP_ADS)
def test_shop_adverts_are_removed_above_the_title_and_in_the_tail(ad):
    text, removed = remove_boilerplate(ad + "\n\n" + page(tail=[ad]))
    assert ad not in text
    assert text.startswith(TITLE)
    assert [b.label for b in removed] == ["shop_ad", "shop_ad"]


def test_a_story_about_a_store_is_kept():
    line = "The company said its online store for school uniforms would close next month after sales fell by a third."
    text, removed = remove_boilerplate(page(middle=[line], tail=[line]))
    assert text.count(line) == 2 and removed == []


APPEAL = [
    "Support independent journalism",
    "Our monthly expenses include hosting services, writers' fees, software licences and the legal costs of keeping this site online.",
    "Every month we fall short of what it takes to keep publishing, and we have never taken money from corporations or governments.",
    "If you value what you read here, a small monthly gift would mean a great deal to us. Donate now.",
]


def test_a_whole_donation_appeal_goes_with_its_first_and_last_lines():
    text, removed = remove_boilerplate(page(tail=APPEAL + ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]))
    assert text == page().strip()
    assert [b.text for b in removed if b.label == "donation_appeal"] == APPEAL


def test_lines_between_appeals_are_kept_when_prose_follows_them():
    text, _ = remove_boilerplate(page(middle=APPEAL))
    assert APPEAL[1] in text and APPEAL[2] in text


def test_quoted_speech_between_appeal_lines_is_kept():
    quoted = '"We fall short every month," said the editor, who asked readers to give what they could.'
    text, _ = remove_boilerplate(page(tail=[APPEAL[0], quoted, APPEAL[3]]))
    assert quoted in text


def test_share_and_like_lines_are_removed():
    bars = ["Share this article", "Like 245 Share Tweet", "Facebook Twitter WhatsApp Email"]
    text, removed = remove_boilerplate(page(tail=bars))
    assert text == page().strip()
    assert {b.label for b in removed} == {"share_bar"}
