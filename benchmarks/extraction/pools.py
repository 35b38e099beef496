"""Phrasing pools for the boilerplate that the benchmark pages carry.

Every page draws its menus, appeals, ads, share bars and footers from these
lists, so that the pages differ from each other the way real sites do.  The
phrases are invented for the benchmark; they are not the phrases the
boilerplate rules were written from.
"""

OUTLETS = [
    "The Morning Ledger",
    "Northgate Post",
    "Freedom Dispatch",
    "Civic Wire",
    "The Lantern Review",
    "Patriot Beacon",
    "Harbor City Times",
    "The Open Record",
    "Capital Signal",
    "Riverside Chronicle",
]

SECTIONS = [
    "Home",
    "News",
    "World",
    "Politics",
    "Business",
    "Opinion",
    "Sport",
    "Sports",
    "Culture",
    "Tech",
    "Science",
    "Health",
    "Video",
    "Podcasts",
    "Economy",
    "Elections",
    "Investigations",
    "Editorials",
    "Middle East",
    "Europe",
    "Asia",
    "Africa",
    "Americas",
    "Climate",
    "Lifestyle",
    "Travel",
    "Markets",
    "Columnists",
    "Analysis",
    "Local",
    "National",
    "Weather",
    "Photos",
    "Features",
    "Entertainment",
]

SUBSECTIONS = ["Latest", "Most read", "Live", "Fact check", "Interviews", "Explainers", "Letters", "Obituaries"]

UTILITY_LINKS = ["About us", "Contact", "Advertise", "Careers", "Privacy policy", "Terms of use", "Corrections", "Masthead", "Sitemap"]

DONATION = [
    ["Independent reporting costs money.", "Readers like you keep this site alive. Chip in $5 today and help us stay free for everyone."],
    ["We rely on readers, not billionaires.", "If you value what we publish, please make a one-time or monthly contribution. Every dollar goes to reporting."],
    ["Before you go", "Our newsroom is funded by people like you. Become a member today for as little as $3 a month."],
    ["Keep our journalism free", "We never put our articles behind a paywall. To keep it that way, we need your support. Donate now."],
    ["A note to our readers", "Big tech keeps throttling our reach. Help us fight back by backing our work with a small gift. Give what you can."],
    ["Help us hold power to account.", "Make a tax-deductible donation to our nonprofit newsroom."],
]

DONATE_BUTTONS = ["Donate", "Give now", "Support our work", "Become a patron", "Contribute", "Back us on Patreon"]

SUBSCRIPTION = [
    "Subscribe for unlimited access. Your first month is just $1.",
    "Already a subscriber? Log in to continue reading.",
    "Get full digital access for 99 cents a week. Cancel anytime.",
    "Unlock every story: start your free trial today.",
    "Subscribers get ad-free reading and our print edition. Subscribe now.",
]

NEWSLETTER = [
    ["Get the briefing", "The stories that matter, in your inbox every weekday morning.", "Enter your email", "Sign me up"],
    ["Don't miss a story", "Join 200,000 readers who get our evening newsletter.", "Email address", "Subscribe"],
    ["Newsletter", "Sign up to receive our top headlines each week. We respect your privacy; unsubscribe at any time.", "Your email", "Join"],
    ["Stay informed", "Our free weekly digest, straight to your inbox.", "you@example.com", "Sign up"],
]

SHOP_AD = [
    "Shop the new collection: 30% off everything this weekend only.",
    "Save 20% with code LIBERTY20 at checkout. Free shipping on orders over $50.",
    "Limited time offer! Buy one, get one free on survival gear. Shop now",
    "Sponsored: The one kitchen gadget everyone is buying this year. Order today",
    "Advertisement",
    "Flash sale: water filters from $19.99. Buy now while stocks last.",
]

SHARE = [
    ["Share", "Facebook", "Twitter", "LinkedIn", "Email"],
    ["Share this story", "Tweet", "Share on Facebook", "WhatsApp", "Copy link"],
    ["Share:", "Facebook", "X", "Reddit", "Print"],
    ["Spread the word", "Telegram", "Facebook", "Email", "Print this page"],
]

COMMENT_FORM = [
    [
        "Leave a comment",
        "Your email address will not be published.",
        "Comment",
        "Name *",
        "Email *",
        "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post comment",
    ],
    ["Join the discussion", "You must be logged in to post a comment.", "Log in", "Register"],
    ["12 comments", "Comments are moderated and may take some time to appear.", "Add a comment", "Submit"],
    ["Comments", "Be the first to comment.", "Write your comment here", "Name", "Email", "Send"],
]

RELATED_HEADINGS = ["Related stories", "You may also like", "More from this section", "Read next", "Most popular", "Trending now", "Related"]

HEADLINES = [
    "Senate panel delays vote on border funding bill",
    "Five things to know about the new sanctions package",
    "Opinion: The quiet collapse of the peace talks",
    "Protesters gather outside parliament for third night",
    "Analysts warn of fuel shortages as winter nears",
    "Governor signs emergency order after floods",
    "Inside the race to rebuild the eastern front line",
    "What the leaked memo says about the ceasefire",
    "Election officials brace for record turnout",
    "Why the central bank kept rates on hold",
    "Drone strike hits convoy near the border, officials say",
    "The mayor's budget: winners and losers",
]

COOKIE = [
    ["We use cookies to personalise content and ads and to analyse our traffic.", "Accept all", "Manage settings"],
    ["This website uses cookies to ensure you get the best experience. By continuing to browse, you agree to our use of cookies.", "Got it"],
    ["We and our partners store and access information on your device to deliver personalised advertising.", "I agree", "Reject"],
]

COPYRIGHT = [
    "© {year} {outlet}. All rights reserved.",
    "Copyright {year} {outlet}, Inc. Reproduction without permission is prohibited.",
    "© {outlet} {year} | Privacy | Terms",
]

AUTHOR_BIO = [
    "{author} is a staff writer at {outlet} covering national security. Follow {author} on Twitter.",
    "{author} is an independent journalist based in Lisbon. Support {author}'s reporting on Patreon.",
    "About the author: {author} writes about politics and the media. Contact: {email}",
    "{author} is the editor of {outlet} and the author of two books on foreign policy.",
]

REPUBLICATION = [
    "This article originally appeared on {outlet} and is republished here with permission.",
    "Opinions expressed by contributors are their own and do not necessarily reflect the views of {outlet}.",
    "This story is published under a Creative Commons licence. Republish it for free.",
    "Editor's note: this piece first ran in {outlet}.",
]

TYPO = ["Spotted an error? Let us know.", "See a typo? Tell us about it.", "Found a mistake in this article? Report it here."]

BYLINE = [
    "By {author}",
    "By {author} | {outlet}",
    "{author}, Staff Reporter",
    "Written by {author} on {date}",
    "{date} · 4 min read",
]

AUTHORS = ["Maria Lindqvist", "Tomas Okafor", "Priya Raman", "Daniel Weiss", "Elena Marchetti", "Samuel Boateng", "Grace Holloway", "Yusuf Karaca"]

DATES = ["March 3, 2019", "12 June 2018", "January 21, 2020", "2017-09-14", "Oct. 2, 2016", "5 Nov 2019"]

TAGS = ["Tags:", "Iran", "Congress", "Elections", "Russia", "Defense", "Immigration", "Media"]
