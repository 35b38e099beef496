"""A third set of phrasing pools, written after the last change to the boilerplate rules.

``pools.py`` and ``pools_fresh.py`` were both used while the rules were
developed.  This set was written afterwards and scored once, with no rule
changed after it was seen: ``run.py --pools pools_blind``.
"""

from pools import AUTHORS, DATES, HEADLINES, OUTLETS, SECTIONS, SUBSECTIONS, TAGS, UTILITY_LINKS  # noqa: F401

DONATION = [
    ["Quality news needs you", "We don't answer to shareholders. We answer to you. Chip in once, or better, every month, and keep this reporting going."],
    ["Can we count on you?", "Covering this war costs us more each week. A contribution of any size helps pay for the people on the ground."],
    ["Dear reader,", "nobody pays us to write this. If you read us often, please consider becoming a member today."],
    ["Independent. Reader-funded.", "That's how we stay honest. Back us with a gift today."],
]
DONATE_BUTTONS = ["Contribute now", "Yes, I'll help", "Give once", "Become a member", "Support"]
SUBSCRIPTION = [
    "Continue reading with a subscription: first 3 months for $1.",
    "Subscribers read without limits. Join today and save 50%.",
    "To read the rest of this story, log in or create an account.",
    "Premium story. Unlock it with a digital subscription.",
]
NEWSLETTER = [
    ["Get our evening briefing", "A quick summary of the day's news, sent to your inbox at 6pm.", "Email address", "Sign up"],
    ["Never miss an update", "Subscribe to alerts from our newsroom. It's free.", "Enter email", "Submit"],
    ["Weekly dispatch", "One email, every Sunday, with the stories you missed.", "you@domain.com", "Subscribe"],
]
SHOP_AD = [
    "ADVERTISEMENT",
    "Shop our bestsellers: boots, jackets and more from $29.",
    "Promoted: This retirement trick is turning heads",
    "Order by midnight for free next-day delivery",
    "Ad: Compare energy deals and save up to $400 a year",
]
SHARE = [
    ["Share", "Facebook", "X", "LinkedIn", "Email"],
    ["Share this page", "WhatsApp", "Facebook", "Print"],
    ["Send this to a friend", "Email", "Copy link"],
]
COMMENT_FORM = [
    ["Reader comments", "Please keep comments civil. Comments are reviewed before publication.", "Submit comment"],
    ["What do you think?", "Log in to leave a comment.", "Log in"],
    ["0 comments", "Start the discussion", "Post"],
]
RELATED_HEADINGS = ["Read more", "Related articles", "Popular now", "In other news", "From around the web", "Editor's picks"]
COOKIE = [
    ["This site uses cookies. Some are essential, others help us improve your experience. Read our cookie policy.", "Accept", "Reject non-essential"],
    ["Your privacy matters. We and our 140 partners use technologies like cookies to process personal data.", "Agree", "More options"],
]
COPYRIGHT = [
    "All content © {year} {outlet}",
    "{outlet} © {year}. All rights reserved. Republication prohibited without permission.",
]
AUTHOR_BIO = [
    "{author} writes on defence and security for {outlet}. Email: {email}",
    "{author} is an award-winning reporter and the author of a book on the Balkans.",
    "More from {author}: follow on social media for updates.",
]
REPUBLICATION = [
    "This article is republished with permission from {outlet}.",
    "The views expressed here do not necessarily reflect those of {outlet}.",
    "First published at {outlet}.",
]
TYPO = ["Report an error", "See something wrong in this article? Let our editors know."]
BYLINE = ["By {author} for {outlet}", "{author} — {date}", "Story by {author}", "Published {date}"]
