"""HTML pieces for the benchmark page templates: menus, appeals, ads, forms, footers.

Each function takes a seeded ``random.Random`` and a page context dict
(``outlet``, ``author``, ``date``, ``year``, ``email``) and returns an HTML
fragment drawn from the phrasing pools.
"""

from __future__ import annotations

from html import escape

import pools as P


def e(text: str) -> str:
    return escape(text, quote=False)


def fill(template: str, ctx: dict) -> str:
    return template.format(**ctx)


def menu(rng, ctx, inline: bool | None = None) -> str:
    items = rng.sample(P.SECTIONS, rng.randint(5, 11))
    if inline is None:
        inline = rng.random() < 0.5
    if inline:
        sep = rng.choice([" ", " | ", " · "])
        links = sep.join(f'<a href="/{i.lower().replace(" ", "-")}">{e(i)}</a>' for i in items)
        return f'<nav class="main-nav">{links}</nav>'
    lis = "".join(f'<li><a href="/{i.lower().replace(" ", "-")}">{e(i)}</a></li>' for i in items)
    return f'<nav class="menu"><ul>{lis}</ul></nav>'


def mega_menu(rng, ctx) -> str:
    cols = []
    for section in rng.sample(P.SECTIONS, 4):
        subs = "".join(f"<li><a href='#'>{e(s)}</a></li>" for s in rng.sample(P.SUBSECTIONS, 3))
        cols.append(f"<li class='mega'><a href='#'>{e(section)}</a><ul class='sub'>{subs}</ul></li>")
    return f"<nav id='mega-menu'><ul>{''.join(cols)}</ul></nav>"


def breadcrumb(rng, ctx) -> str:
    a, b = rng.sample(P.SECTIONS, 2)
    return f"<div class='breadcrumb'><a href='/'>Home</a> › <a href='#'>{e(a)}</a> › <a href='#'>{e(b)}</a></div>"


def donation(rng, ctx, tag: str = "div") -> str:
    head, body = rng.choice(P.DONATION)
    button = rng.choice(P.DONATE_BUTTONS)
    return f"<{tag} class='support-box'><p><strong>{e(head)}</strong></p><p>{e(body)}</p><p><a class='btn' href='/donate'>{e(button)}</a></p></{tag}>"


def subscription(rng, ctx) -> str:
    return f"<div class='paywall-promo'><p>{e(rng.choice(P.SUBSCRIPTION))}</p></div>"


def newsletter(rng, ctx) -> str:
    head, blurb, placeholder, button = rng.choice(P.NEWSLETTER)
    return f"<div class='newsletter'><h3>{e(head)}</h3><p>{e(blurb)}</p><form><input type='email' placeholder='{e(placeholder)}'><button>{e(button)}</button></form></div>"


def shop_ad(rng, ctx) -> str:
    text = rng.choice(P.SHOP_AD)
    return f"<div class='ad-slot'><a href='https://shop.example/'>{e(text)}</a></div>"


def share_bar(rng, ctx) -> str:
    head, *nets = rng.choice(P.SHARE)
    links = "".join(f"<li><a href='#'>{e(n)}</a></li>" for n in nets)
    return f"<div class='share'><span>{e(head)}</span><ul>{links}</ul></div>"


def comment_form(rng, ctx) -> str:
    head, *rest = rng.choice(P.COMMENT_FORM)
    lines = "".join(f"<p>{e(x)}</p>" for x in rest)
    return f"<div id='comments'><h3>{e(head)}</h3><form>{lines}<textarea></textarea></form></div>"


def related(rng, ctx, heading: str | None = None) -> str:
    heading = heading or rng.choice(P.RELATED_HEADINGS)
    items = "".join(f"<li><a href='#'>{e(h)}</a></li>" for h in rng.sample(P.HEADLINES, rng.randint(3, 5)))
    return f"<section class='related'><h3>{e(heading)}</h3><ul>{items}</ul></section>"


def cookie(rng, ctx) -> str:
    text, *buttons = rng.choice(P.COOKIE)
    btns = "".join(f"<button>{e(b)}</button>" for b in buttons)
    return f"<div id='cookie-banner'><p>{e(text)}</p>{btns}</div>"


def copyright(rng, ctx) -> str:
    links = " ".join(f"<a href='#'>{e(x)}</a>" for x in rng.sample(P.UTILITY_LINKS, 4))
    return f"<footer><p>{links}</p><p>{e(fill(rng.choice(P.COPYRIGHT), ctx))}</p></footer>"


def author_bio(rng, ctx) -> str:
    return f"<div class='author-box'><p>{e(fill(rng.choice(P.AUTHOR_BIO), ctx))}</p></div>"


def republication(rng, ctx) -> str:
    return f"<p class='note'><em>{e(fill(rng.choice(P.REPUBLICATION), ctx))}</em></p>"


def typo(rng, ctx) -> str:
    return f"<p class='typo'><a href='#'>{e(rng.choice(P.TYPO))}</a></p>"


def byline(rng, ctx) -> str:
    return f"<div class='byline'>{e(fill(rng.choice(P.BYLINE), ctx))}</div>"


def tags(rng, ctx) -> str:
    head, *rest = P.TAGS
    links = ", ".join(f"<a href='#'>{e(t)}</a>" for t in rng.sample(rest, 4))
    return f"<div class='tags'>{e(head)} {links}</div>"


def sidebar(rng, ctx) -> str:
    recent = related(rng, ctx, heading="Recent posts")
    cats = "".join(f"<li><a href='#'>{e(c)}</a></li>" for c in rng.sample(P.SECTIONS, 6))
    return f"<aside class='sidebar'>{recent}<div class='widget'><h3>Categories</h3><ul>{cats}</ul></div>{newsletter(rng, ctx)}</aside>"
