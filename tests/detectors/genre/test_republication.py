"""Genre holds under republication: the same article pasted or served with another site's header and
footer gets the same cleaned text and the same genre as the article alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import spinscope

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

# What two other sites put around an article when a reader copies the whole page.
CHROME = {
    "daily-lantern": (
        "Skip to content\nHome | World | Politics | Opinion | Business | Sport | Video\nSubscribe now — first month free\nSign in\n\n",
        "\n\nShare this article: Facebook Twitter Email WhatsApp\nRelated stories\nFive things to know about the valley deal\n"
        "Markets slip as talks stall\nSupport independent journalism. Donate today — every dollar keeps us reporting.\n"
        "Sign up for our newsletter\n© 2026 The Daily Lantern. All rights reserved. Privacy policy | Terms of use | Contact us\n",
    ),
    "borderland-post": (
        "MENU\nNews\nPolitics\nWorld\nCulture\nSearch\n\n",
        "\n\nShare\nTweet\nEmail\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n"
        "Comment\nName\nEmail\nPost Comment\n\nCopyright © 2026 Borderland Post. All rights reserved.\n",
    ),
}

REPUBLISHED_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - Borderland Post</title>
<meta property="og:site_name" content="Borderland Post"></head>
<body>
<div class="top-bar"><a href="#main">Skip to content</a> <a href="/login">Sign in</a> <a href="/subscribe">Subscribe</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/world">World</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/shop">Shop</a></li></ul></nav>
<div id="main">{article}</div>
<aside class="promo"><h3>From our shop</h3><p>Borderland Post mugs and tote bags — free shipping on orders over $40.</p></aside>
<div class="share"><a>Share on Facebook</a> <a>Share on Twitter</a> <a>Email</a></div>
<footer><p>Borderland Post is reader-funded. Donate today to keep our reporting free.</p>
<p>Copyright © 2026 Borderland Post. All rights reserved.</p></footer>
</body></html>
"""


def _genre(analysis) -> tuple[str, dict[str, float]]:
    return analysis.profile.genre, analysis.profile.genre_scores


@pytest.mark.parametrize("site", sorted(CHROME))
@pytest.mark.parametrize("name", ["oped-hyperpartisan.txt", "wire-report.txt", "satire.txt"])
def test_genre_same_text_with_another_sites_header_and_footer(name, site):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    header, footer = CHROME[site]
    alone, republished = spinscope.analyze(text), spinscope.analyze(header + text + footer)
    assert republished.text == alone.text
    assert republished.title == alone.title
    assert _genre(republished) == _genre(alone)
    assert republished.boilerplate and not alone.text.startswith(("Skip", "MENU"))


def test_genre_same_html_article_on_another_sites_page():
    page = (EXAMPLES / "opinion-page.html").read_text(encoding="utf-8")
    article = re.search(r"<article>.*?</article>", page, re.S).group(0)
    title = re.search(r"<h1>(.*?)</h1>", article).group(1)
    original = spinscope.analyze(page)
    republished = spinscope.analyze(REPUBLISHED_HTML.format(title=title, article=article))
    assert republished.outlet != original.outlet
    assert republished.profile.genre == original.profile.genre == "opinion"
    for genre, score in original.profile.genre_scores.items():
        assert republished.profile.genre_scores[genre] == pytest.approx(score, abs=0.05)
    assert "mugs" not in republished.text and "Donate today" not in republished.text
