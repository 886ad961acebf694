"""The YAML front matter of a generated page, which carries its title (the theme writes it
into <title> and the header).

Contributed text must never change what the front matter means. MkDocs treats front matter
that fails to parse as Markdown, silently: a raw control character in a title would turn the
whole header into Markdown, where attr_list turns `{: onfocus=...}` into attributes. So the
title is cleaned and HTML-escaped, dumped by PyYAML (which quotes and escapes whatever it
must), and the page is then parsed back with MkDocs' own reader: anything but exactly the
metadata we meant fails the build.
"""

from __future__ import annotations

import html
import unicodedata

import yaml
from mkdocs.utils.meta import get_data

from site_builder.errors import BuildError

# Invisible characters that reorder or hide text (bidirectional overrides and isolates).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
HIDE_NAVIGATION = {"hide": ["navigation"]}


def page_title(text: str) -> str:
    """Text safe for the page title, which the theme writes into <title> and the header unescaped.

    Control, surrogate, private-use and bidirectional-control characters are dropped; angle
    brackets are replaced (the theme would pass them through) and the rest is HTML-escaped, so
    a name like `<b>x</b>` shows as text everywhere.
    """
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cs", "Co", "Cn") and c not in BIDI_CONTROLS)
    visible = " ".join(visible.split())  # a title is one line
    return html.escape(visible.replace("<", "‹").replace(">", "›"), quote=True)


def front_matter(title: str | None) -> str:
    """`---` YAML `---` with the page title (None: the theme's default, the site name) and the
    theme's left sidebar hidden, as the tabs carry the navigation and tables need the width."""
    meta = ({"title": page_title(title)} if title is not None else {}) | HIDE_NAVIGATION
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n\n"
    check_front_matter(text, meta)
    return text


def check_front_matter(page: str, meta: dict) -> None:
    """Raise BuildError unless MkDocs reads exactly `meta` from the page's front matter."""
    _, found = get_data(page)
    if found != meta:
        raise BuildError(
            f"The front matter of a generated page does not read back as written ({meta!r} became {found!r}); "
            "a title holds characters YAML cannot carry. Report this with the data that caused it."
        )
