"""Full news pages in three outlet layouts, with the furniture extractors must see past.

Each page has head metadata (og:title, article:published_time, author), navigation, breadcrumb,
photo with caption and credit, "Related News", a newsletter box, a cookie banner and a footer.
The layouts differ in markup on purpose (semantic HTML5, div soup, a blog theme).
"""

from __future__ import annotations

from html import escape

from docket.synth._articles import Story

NOTICE = (
    "SYNTHETIC — generated for the docket demo; this article, its outlet and every person "
    "in it are invented."
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _human_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{_MONTHS[int(m) - 1]} {int(d)}, {y}"


def slug(story: Story) -> str:
    words = "".join(c if c.isalnum() else " " for c in story.headline.lower()).split()
    return f"{story.published[:4]}/{story.published[5:7]}/{'-'.join(words[:8])}-{story.id.lower()}"


def _head(story: Story, extra_css: str) -> str:
    title = f"SYNTHETIC — {story.headline}"
    url = f"https://www.{story.outlet.domain}/{slug(story)}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} | {_e(story.outlet.name)}</title>
<meta name="description" content="{_e(story.deck)}">
<meta name="author" content="{_e(story.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(title)}">
<meta property="og:site_name" content="{_e(story.outlet.name)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{story.published}T{_time(story)}+09:00">
<meta property="article:author" content="{_e(story.author)}">
<meta property="article:section" content="{_e(story.section)}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/{extra_css}.css">
<script async src="/static/analytics.js"></script>
</head>"""


def _time(story: Story) -> str:
    n = sum(map(ord, story.id))
    return f"{8 + n % 10:02d}:{n % 60:02d}:00"


def _paras(story: Story, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    body = [f'<p class="synthetic-notice"><strong>{_e(NOTICE)}</strong></p>']
    body += [f"<p{attr}>{_e(p)}</p>" for p in story.paragraphs]
    return "\n".join(body)


def _cookie() -> str:
    return (
        '<div id="cookie-banner" class="cookie-consent" role="dialog">'
        "<p>We use cookies to improve your experience and to show you relevant advertising. "
        "By continuing to browse you agree to our use of cookies.</p>"
        '<button type="button">Accept all</button> <a href="/privacy">Manage settings</a>'
        "</div>"
    )


def _newsletter(name: str) -> str:
    return (
        f'<div class="newsletter-signup"><h3>Sign up for our newsletter</h3>'
        f"<p>The best of {_e(name)}, delivered to your inbox every morning.</p>"
        '<form action="/subscribe" method="post"><input type="email" name="email" '
        'placeholder="Your email address"><button type="submit">Subscribe</button></form>'
        "</div>"
    )


def _related(items: list[tuple[str, str]], heading: str = "Related News") -> str:
    lis = "\n".join(f'<li><a href="/{u}">{_e(t)}</a></li>' for t, u in items)
    return f'<section class="related"><h2>{heading}</h2>\n<ul>\n{lis}\n</ul></section>'


def _nav(items: tuple[str, ...]) -> str:
    return "".join(f'<li><a href="/{i.lower().replace(" ", "-")}">{i}</a></li>' for i in items)


def broadsheet(story: Story, related: list[tuple[str, str]]) -> str:
    o = story.outlet
    return f"""{_head(story, "broadsheet")}
<body class="article-page">
{_cookie()}
<header class="site-header">
<div class="masthead"><a href="/" class="logo">{_e(o.name)}</a>
<span class="edition">International Edition</span></div>
<nav class="main-nav"><ul>{
        _nav(
            ("Home", "North Korea", "Politics", "World", "Business", "Opinion", "Culture", "Video")
        )
    }</ul></nav>
</header>
<nav class="breadcrumb" aria-label="breadcrumb"><a href="/">Home</a> &rsaquo;
<a href="/{story.section.lower()}">{_e(story.section)}</a> &rsaquo; <span>North Korea</span></nav>
<main>
<article class="news-article">
<header>
<h1 class="headline">{_e(story.headline)}</h1>
<p class="standfirst">{_e(story.deck)}</p>
<div class="byline">By <a rel="author" href="/authors/{_e(story.author.lower().replace(" ", "-"))}">
{_e(story.author)}</a> | <time datetime="{story.published}">{_human_date(story.published)}</time>
| <span class="dateline">{o.city}</span></div>
</header>
<figure class="lead-photo"><img src="/images/{story.id.lower()}.jpg" alt="{
        _e(story.photo_caption)
    }">
<figcaption>{_e(story.photo_caption)} <span class="credit">Photo credit: {_e(o.name)} photo desk
</span></figcaption></figure>
<div class="article-body">
{_paras(story)}
<p class="source-line">{_e(story.source_line)}</p>
</div>
<div class="share-tools">Share this article: <a href="#">Facebook</a> <a href="#">X</a>
<a href="#">Email</a></div>
</article>
<aside class="sidebar">
{_related(related)}
{_newsletter(o.name)}
<div class="most-read"><h2>Most Read</h2><ol><li><a href="/markets">Markets close higher on
export data</a></li><li><a href="/weather">Cold wave expected this weekend</a></li></ol></div>
</aside>
</main>
<footer class="site-footer"><ul>{
        _nav(("About us", "Contact", "Advertise", "Privacy policy", "Terms of use"))
    }</ul>
<p>&copy; {story.published[:4]} {_e(o.name)}. All rights reserved. SYNTHETIC demo site.</p></footer>
</body>
</html>
"""


def wire_dateline(story: Story) -> str:
    """The wire lede's prefix: "SEOUL, March 4 (Pacific Wire) - "."""
    o = story.outlet
    return f"{o.city}, {_human_date(story.published).rsplit(',', 1)[0]} ({o.name}) - "


def wire(story: Story, related: list[tuple[str, str]]) -> str:
    o = story.outlet
    first, *rest = story.paragraphs
    lead = f"<p>{_e(wire_dateline(story) + first)}</p>"
    body = "\n".join(f"<p>{_e(p)}</p>" for p in rest)
    return f"""{_head(story, "wire")}
<body>
<div class="gdpr-overlay">{_cookie()}</div>
<div id="top-bar"><div class="brand">{_e(o.name.upper())}</div>
<div class="top-links"><a href="/login">Client login</a> |
<a href="/services">Our services</a></div>
</div>
<div id="menu"><ul>{_nav(("Top News", "Asia", "World", "Markets", "Technology", "Pictures"))}
</ul></div>
<div class="crumbs" id="breadcrumb"><a href="/">Home</a> / <a href="/asia">Asia</a> / Story</div>
<div id="content">
<div class="story">
<h1>{_e(story.headline)}</h1>
<div class="story-meta"><span class="by">By {_e(story.author)}</span>
<span class="ts">{_human_date(story.published)} {_time(story)[:5]} KST</span></div>
<div class="story-photo"><img src="/pix/{story.id.lower()}.jpg" alt="">
<div class="caption">{_e(story.photo_caption)} Photo credit: {_e(o.name)}/Staff</div></div>
<div class="story-body">
<p class="synthetic-notice">{_e(NOTICE)}</p>
{lead}
{body}
<p class="signoff">(Reporting by {_e(story.author)}; Editing by Desk Editor)</p>
<p class="source">{_e(story.source_line)}</p>
</div>
</div>
<div class="rail">
{_related(related, "Related News")}
{_newsletter(o.name)}
</div>
</div>
<div id="footer"><p>All quotes delayed a minimum of 15 minutes. &copy; {story.published[:4]}
{_e(o.name)}. SYNTHETIC demo site.</p><p><a href="/terms">Terms</a> | <a href="/privacy">Privacy</a>
| <a href="/corrections">Corrections</a></p></div>
</body>
</html>
"""


def magazine(story: Story, related: list[tuple[str, str]]) -> str:
    o = story.outlet
    tags = " ".join(
        f'<a rel="tag" href="/tag/{_e(t.lower().replace(" ", "-"))}">{_e(t)}</a>'
        for t in story.tags
    )
    return f"""{_head(story, "magazine")}
<body class="post-template-default single single-post">
<div class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{_e(o.name)}</a></p>
<p class="site-description">Analysis and reporting on human rights in Northeast Asia</p>
<nav id="site-navigation" class="main-navigation"><ul class="menu">{
        _nav(("Home", "Reports", "Analysis", "Interviews", "Data", "Donate"))
    }</ul></nav></header>
<div class="breadcrumbs"><span><a href="/">Home</a></span> » <span><a href="/interviews">
{_e(story.section)}</a></span> » <span class="breadcrumb_last">{_e(story.headline)}</span></div>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{_e(story.headline)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published"
datetime="{story.published}">{_human_date(story.published)}</time></span>
<span class="byline"> by <span class="author vcard">{_e(story.author)}</span></span></div>
</header>
<div class="post-thumbnail"><img src="/wp-content/uploads/{story.id.lower()}.jpg" alt="">
<p class="wp-caption-text">{_e(story.photo_caption)} (Photo credit: {_e(o.name)})</p></div>
<div class="entry-content">
{_paras(story)}
<p><em>{_e(story.source_line)}</em></p>
</div>
<footer class="entry-footer"><span class="tags-links">Tagged {tags}</span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 comments</h2>
<p>Comments are closed.</p></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget">{_related(related, "Related News")}</section>
<section class="widget">{_newsletter(o.name)}</section>
</aside></div>
<footer id="colophon" class="site-footer"><p>&copy; {story.published[:4]} {_e(o.name)}.
SYNTHETIC demo site. <a href="/privacy">Privacy</a></p></footer>
{_cookie()}
</div>
</body>
</html>
"""


TEMPLATES = {"broadsheet": broadsheet, "wire": wire, "magazine": magazine}


def render_page(story: Story, related: list[tuple[str, str]]) -> str:
    return TEMPLATES[story.outlet.template](story, related)
