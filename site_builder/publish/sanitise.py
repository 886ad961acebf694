"""A MkDocs hook (`hooks:` of build/mkdocs.yml, after raw_html.py): the HTML of each hand-written
page (docs/) goes through an allow-list sanitiser, nh3 (the binding of Ammonia), before the
theme puts it in the page.

What the pages use is kept: headings with their anchors, paragraphs, lists, tables, quotes,
admonitions (div and p with classes), links and images of the site. Everything else goes:
scripts, <style> and its contents, <base>, <meta>, <link>, forms, frames, SVG and MathML
(an SVG <animate> can turn a link into javascript:), event handlers, style attributes, links
with a scheme other than http(s) or mailto, images and other loading attributes that point
anywhere but the site, ids that could shadow the theme's own (`__config`). The page's title
and its table of contents, which the theme writes unescaped, are made plain text.

The generated pages (the data) are not passed through here: their templates escape every
contributed text. Which pages are hand-written, the build says in `extra.hand_written_pages`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

# What a hand-written page may hold: Ammonia's default tags less image maps (<area href>).
TAGS = frozenset(nh3.ALLOWED_TAGS) - {"area", "map"}
# Removed with everything inside them, not only the tags.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "svg", "math", "iframe", "object", "noscript", "textarea"})
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# An id or a class name of a page's own: the theme's start with "__" (__config, __drawer) or "md-".
_NAME = re.compile(r"(?!__|md-)[A-Za-z][A-Za-z0-9_:.-]{0,99}")
LOADED = frozenset({"src"})  # attributes the browser loads when the page opens


def keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: the value to keep, or None to drop the attribute."""
    if attribute == "id":
        return value if _NAME.fullmatch(value) else None
    if attribute == "class":
        kept = [name for name in value.split() if _NAME.fullmatch(name)]
        return " ".join(kept) or None
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # not an address at all ("http://[::1")
        return None
    if attribute in LOADED:  # an image from the site itself only: no scheme, no other host
        return None if parts.scheme or parts.netloc or value.strip().startswith(("/", "\\")) else value
    if attribute in ("href", "cite") and parts.scheme and parts.scheme.lower() not in LINK_SCHEMES:
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=keep_attribute,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitise_html(html: str) -> str:
    """The HTML of a hand-written page with only what the allow-list keeps."""
    return _CLEANER.clean(html)


def plain_text(html: str) -> str:
    """Text for places the theme writes unescaped (title, table of contents): tags removed,
    the rest escaped once."""
    return nh3.clean(html, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))


def is_hand_written(page, config) -> bool:
    return page.file.src_uri in set((config.extra or {}).get("hand_written_pages") or ())


def on_page_content(html: str, page, config, files) -> str:  # noqa: ARG001  MkDocs' hook signature
    if not is_hand_written(page, config):
        return html
    for key in ("title", "description"):  # the theme writes page.meta's as they are
        if key in page.meta:
            page.meta[key] = plain_text(str(page.meta[key]))
    if page.title is not None:
        page.title = plain_text(str(page.title))
    _plain_toc(page.toc)
    return sanitise_html(html)


def _plain_toc(items) -> None:
    for item in items or ():
        item.title = plain_text(item.title)
        _plain_toc(item.children)
