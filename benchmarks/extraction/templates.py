"""Page templates for the extraction benchmark: one article, many page structures.

Each template takes ``(rng, title, paragraphs, ctx)`` and returns a whole HTML
page whose main text is exactly the title and the paragraphs.  The templates
differ in structure (semantic ``<article>``/``<p>`` markup, bare ``<div>``s,
``<br><br>`` paragraphs, AMP tags) and in where the boilerplate sits
(around the article, interleaved with it, or inside its container).
"""

from __future__ import annotations

from html import escape

import pieces as X


def e(text: str) -> str:
    return escape(text, quote=False)


def page(ctx, body: str, head_extra: str = "", html_attrs: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'{html_attrs}><head><meta charset='utf-8'>"
        f"<title>{e(ctx['title'])} - {e(ctx['outlet'])}</title>{head_extra}"
        "<style>.ad-slot{border:1px solid #ccc}</style><script>var dataLayer=[];</script></head>"
        f"<body>{body}</body></html>"
    )


def ps(paras, tag: str = "p") -> str:
    return "".join(f"<{tag}>{e(p)}</{tag}>" for p in paras)


def header(rng, ctx) -> str:
    return f"<header><div class='logo'><a href='/'>{e(ctx['outlet'])}</a></div>{X.menu(rng, ctx)}</header>"


def wordpress(rng, title, paras, ctx) -> str:
    """A blog: header menu, article with share bar, author box, comment form, sidebar."""
    article = f"<article class='post'><h1 class='entry-title'>{e(title)}</h1>{X.byline(rng, ctx)}<div class='entry-content'>{ps(paras)}</div>{X.share_bar(rng, ctx)}{X.tags(rng, ctx)}</article>"
    extras = [X.author_bio(rng, ctx), X.related(rng, ctx), X.comment_form(rng, ctx)]
    main = f"<main id='primary'>{article}{''.join(extras)}</main>"
    return page(ctx, f"{header(rng, ctx)}<div id='content'>{main}{X.sidebar(rng, ctx)}</div>{X.copyright(rng, ctx)}")


def newssite(rng, title, paras, ctx) -> str:
    """A news site: cookie banner, mega-menu, breadcrumb, inline 'read more', newsletter, related."""
    cut = max(1, len(paras) // 2)
    read_more = f"<p class='inline-related'><strong>Read more:</strong> <a href='#'>{e(rng.choice(X.P.HEADLINES))}</a></p>"
    body = ps(paras[:cut]) + read_more + ps(paras[cut:])
    article = f"<article><header><h1>{e(title)}</h1>{X.byline(rng, ctx)}<time>{e(ctx['date'])}</time></header><div class='article-body'>{body}</div></article>"
    top = f"{X.cookie(rng, ctx)}<header><div class='masthead'>{e(ctx['outlet'])}</div>{X.mega_menu(rng, ctx)}</header>"
    after = X.newsletter(rng, ctx) + X.related(rng, ctx) + X.related(rng, ctx)
    return page(ctx, f"{top}{X.breadcrumb(rng, ctx)}<main>{article}{after}</main>{X.copyright(rng, ctx)}")


def contentfarm(rng, title, paras, ctx) -> str:
    """A content farm: ads and subscription promos between the paragraphs."""
    parts = []
    for i, p in enumerate(paras):
        parts.append(f"<p>{e(p)}</p>")
        if i % rng.randint(2, 3) == 1:
            parts.append(rng.choice([X.shop_ad, X.subscription, X.shop_ad])(rng, ctx))
    body = f"<div class='post-body'><h1>{e(title)}</h1>{X.byline(rng, ctx)}{''.join(parts)}</div>"
    trending = X.related(rng, ctx, heading="Trending now")
    return page(ctx, f"{header(rng, ctx)}{X.shop_ad(rng, ctx)}{body}{trending}{X.share_bar(rng, ctx)}{X.copyright(rng, ctx)}")


def donation_inside(rng, title, paras, ctx) -> str:
    """An op-ed site: byline credit, republication note and donation appeal inside the article container."""
    tail = X.typo(rng, ctx) + X.republication(rng, ctx) + X.donation(rng, ctx) + X.share_bar(rng, ctx)
    article = f"<article><h1>{e(title)}</h1><div class='entry'>{ps(paras)}{X.byline(rng, ctx)}{tail}</div></article>"
    return page(ctx, f"{header(rng, ctx)}<main>{article}{X.related(rng, ctx)}</main>{X.copyright(rng, ctx)}")


def divs_only(rng, title, paras, ctx) -> str:
    """No semantic tags: every block is a <div>, including the paragraphs."""
    body = "".join(f"<div class='txt'>{e(p)}</div>" for p in paras)
    nav = "<div class='nav'>" + " ".join(f"<div class='nav-item'><a href='#'>{e(s)}</a></div>" for s in rng.sample(X.P.SECTIONS, 7)) + "</div>"
    main = f"<div class='wrap'><div class='headline'>{e(title)}</div>{X.byline(rng, ctx)}<div class='story'>{body}</div></div>"
    foot = f"<div class='foot'>{X.newsletter(rng, ctx)}{X.related(rng, ctx)}<div>{e(X.fill(rng.choice(X.P.COPYRIGHT), ctx))}</div></div>"
    return page(ctx, f"<div class='top'>{nav}</div>{main}{foot}")


def br_paragraphs(rng, title, paras, ctx) -> str:
    """An old table layout: paragraphs separated by <br><br> inside one cell."""
    text = "<br><br>\n".join(e(p) for p in paras)
    links = "<br>".join(f"<a href='#'>{e(s)}</a>" for s in rng.sample(X.P.SECTIONS, 8))
    return page(
        ctx,
        f"<table width='100%'><tr><td class='left' width='20%'>{links}</td>"
        f"<td class='main'><font size='5'><b>{e(title)}</b></font><br>{e(X.fill(rng.choice(X.P.BYLINE), ctx))}<br><br>\n{text}"
        f"<br><br>{X.donation(rng, ctx)}</td></tr></table>{X.comment_form(rng, ctx)}{X.copyright(rng, ctx)}",
    )


def amp(rng, title, paras, ctx) -> str:
    """AMP markup: amp-sidebar menu, amp-img, amp-ad and amp-social-share around the story."""
    head = "<script async src='https://cdn.ampproject.org/v0.js'></script><link rel='canonical' href='https://example.org/story'>"
    sidebar = f"<amp-sidebar id='sidebar' layout='nodisplay'>{X.menu(rng, ctx, inline=False)}</amp-sidebar>"
    shares = "".join(f"<amp-social-share type='{t}'></amp-social-share>" for t in ("twitter", "facebook", "email"))
    cut = max(1, len(paras) // 3)
    body = ps(paras[:cut]) + "<amp-ad width='300' height='250' type='doubleclick'><div fallback>Advertisement</div></amp-ad>" + ps(paras[cut:])
    article = f"<article><h1>{e(title)}</h1>{X.byline(rng, ctx)}<amp-img src='a.jpg' width='600' height='400'></amp-img>{body}<div class='share'>{shares}</div></article>"
    return page(ctx, f"{sidebar}<header>{e(ctx['outlet'])}</header><main>{article}{X.related(rng, ctx)}</main>{X.copyright(rng, ctx)}", head, " amp")


def newsletter_platform(rng, title, paras, ctx) -> str:
    """A newsletter platform post: subscribe boxes inside the body, share and comments after."""
    cut = max(1, len(paras) // 2)
    sub = f"<div class='subscribe-widget'><p>{e(rng.choice(X.P.SUBSCRIPTION))}</p><button>Subscribe</button></div>"
    body = ps(paras[:cut]) + sub + ps(paras[cut:])
    post = (
        f"<div class='post'><h1 class='post-title'>{e(title)}</h1><div class='meta'>{e(ctx['author'])} · {e(ctx['date'])}</div>"
        f"<div class='available-content'><div class='body markup'>{body}</div></div></div>"
    )
    after = X.newsletter(rng, ctx) + X.share_bar(rng, ctx) + X.comment_form(rng, ctx)
    return page(ctx, f"<div class='topbar'>{e(ctx['outlet'])} <a href='#'>Subscribe</a> <a href='#'>Sign in</a></div>{post}{after}")


TEMPLATES = {
    "wordpress": wordpress,
    "newssite": newssite,
    "contentfarm": contentfarm,
    "donation_inside": donation_inside,
    "divs_only": divs_only,
    "br_paragraphs": br_paragraphs,
    "amp": amp,
    "newsletter_platform": newsletter_platform,
}
