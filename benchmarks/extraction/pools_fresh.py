"""A second set of phrasing pools, written after the boilerplate rules were frozen.

``pools.py`` was used while the rules were developed, so figures on it are
optimistic.  These phrasings were not looked at by the rules' author while
tuning; ``run.py --pools pools_fresh`` scores the cleaner on them.
"""

from pools import AUTHORS, DATES, HEADLINES, OUTLETS, SECTIONS, SUBSECTIONS, TAGS, UTILITY_LINKS  # noqa: F401

DONATION = [
    ["Journalism like this isn't cheap.", "Our reporters travel to the front line so you don't have to. Can you spare the price of a coffee to keep them there?"],
    ["Thank you for reading to the end.", "This site survives on small gifts from its audience. Pitch in whatever you can afford and keep the lights on."],
    ["Stand with us", "Powerful people would like us to stop. Your backing is what keeps us publishing. Make a contribution now."],
    ["Our readers fund us.", "No advertisers, no owners, no strings. Join the thousands of people who support this work every month."],
    ["Why we ask", "Ads pay less every year. If this story mattered to you, a recurring gift makes the next one possible."],
]
DONATE_BUTTONS = ["Pitch in", "Back our reporting", "Give monthly", "Support now", "Fund the newsroom"]
SUBSCRIPTION = [
    "You have reached your limit of free articles this month. Subscribe to keep reading.",
    "Get the full story. Subscribe from $2 a month.",
    "This article is for subscribers only. Start your subscription today.",
    "Become a subscriber and get unlimited articles, the daily crossword and the app.",
]
NEWSLETTER = [
    ["The Morning Memo", "Everything you need to know before breakfast, sent to you free each weekday.", "Email", "Get it"],
    ["Like this story?", "Get more like it every Friday in our free newsletter.", "Your address", "Subscribe"],
    ["Stay ahead", "Our editors pick the five stories you should read today. Delivered by email.", "name@example.com", "Count me in"],
]
SHOP_AD = [
    "Deal of the day: noise-cancelling headphones now half price",
    "Advertisement - story continues below",
    "Sponsored content: why doctors are switching to this supplement",
    "Get 15% off your first order with code WELCOME15",
    "Sale ends tonight. Grab yours before they're gone",
]
SHARE = [
    ["Share this article", "Facebook", "Twitter", "Email"],
    ["Share via", "WhatsApp", "Telegram", "Copy link"],
    ["Tweet", "Share", "Email", "Print"],
]
COMMENT_FORM = [
    ["Comments", "Sign in to join the conversation.", "Sign in"],
    ["Have your say", "Comments on this article are now closed."],
    ["3 replies", "Leave a comment", "Your comment", "Your name", "Post"],
]
RELATED_HEADINGS = ["More on this", "Related coverage", "Don't miss", "Recommended", "Also in the news", "Keep reading"]
COOKIE = [
    ["Our site uses cookies and similar technologies. You can change your choices at any time.", "OK", "Settings"],
    ["We value your privacy. We use cookies to enhance your browsing experience and analyse our traffic.", "Accept", "Decline"],
]
COPYRIGHT = [
    "Copyright © {year} {outlet} Ltd. All rights reserved.",
    "© {year} {outlet}. This material may not be published, broadcast, rewritten or redistributed.",
]
AUTHOR_BIO = [
    "{author} is a correspondent for {outlet} based in Warsaw. Reach {author} at {email}.",
    "{author} has covered the region for 15 years and is a senior reporter at {outlet}.",
    "About the writer: {author} is a freelance journalist. Follow on X.",
]
REPUBLICATION = [
    "A version of this article was first published by {outlet}.",
    "This piece is republished from {outlet} under a Creative Commons licence.",
    "The opinions in this column are the author's alone.",
]
TYPO = ["Spot a typo? Report it.", "Corrections or comments? Email the editors."]
BYLINE = ["By {author}, {outlet}", "{author} | {date}", "Updated {date}", "Words by {author}"]
