"""Which hand-written files of docs/ the site publishes, and what a hand-written page may hold.

Only Markdown pages, raster images (checked by their first bytes, not only their names) and
the stylesheets of docs/stylesheets/ are published: an .html, .svg or .js file would be served
by the site as it is, with whatever it runs. A page's front matter may set its title and
description only, as plain text (the theme writes them into the page unescaped, and other keys
choose templates or hide parts of the page). Pages are limited in size and in nesting: Markdown
reads nested lists recursively, and a few hundred levels fail it. The HTML a page becomes is
sanitised after Markdown (sanitise.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import get_data

from site_builder.errors import BuildError

PAGE_SUFFIX = ".md"
# Raster images by their first bytes: a file named .png must be one.
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
STYLESHEET_FOLDER = "stylesheets"
FRONT_MATTER_KEYS = ("title", "description")
MAX_PAGE_BYTES = 512 * 1024
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_INDENT = 40  # spaces before a line: ten levels of nested lists
MAX_QUOTE_DEPTH = 10
_QUOTES = re.compile(r"^[ \t]*((?:>[ \t]*)+)")


def check_docs_file(path: Path, relative: Path, shown: str) -> None:
    """Refuse with a BuildError a file of docs/ the site does not publish or a page it cannot
    read safely; `relative` is its path in its edition's folder, `shown` the path to report."""
    suffix = path.suffix.lower()
    if suffix == PAGE_SUFFIX:
        check_page(path.read_bytes(), shown)
    elif suffix in IMAGE_SIGNATURES:
        data = path.read_bytes()
        if len(data) > MAX_IMAGE_BYTES:
            raise BuildError(f"{shown}: has {len(data):,} bytes; images are limited to {MAX_IMAGE_BYTES:,}. Make it smaller.")
        if not data.startswith(IMAGE_SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
            raise BuildError(f"{shown}: is not a {suffix[1:].upper()} image, whatever its name says; save it as one.")
    elif suffix == ".css" and relative.parts[0] == STYLESHEET_FOLDER and len(relative.parts) == 2:
        return
    else:
        kinds = ", ".join([PAGE_SUFFIX, *IMAGE_SIGNATURES])
        raise BuildError(
            f"{shown}: the site publishes only pages ({PAGE_SUFFIX}), raster images ({kinds.split(', ', 1)[1]}) and "
            f"stylesheets in docs/{STYLESHEET_FOLDER}/ from docs/; a file of another kind (HTML, SVG, scripts ...) would be "
            "served as it is. Remove it, or make it a Markdown page."
        )


def check_page(data: bytes, shown: str) -> None:
    """A hand-written page: UTF-8, within the limits, front matter of FRONT_MATTER_KEYS as plain text."""
    if len(data) > MAX_PAGE_BYTES:
        raise BuildError(f"{shown}: has {len(data):,} bytes; a page is limited to {MAX_PAGE_BYTES:,}. Split it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BuildError(f"{shown}:{line}: this line is not UTF-8; save the page as UTF-8.") from None
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        quotes = _QUOTES.match(line)
        if indent > MAX_INDENT or (quotes and quotes.group(1).count(">") > MAX_QUOTE_DEPTH):
            raise BuildError(
                f"{shown}:{number}: nested deeper than a page may be (lists indented {MAX_INDENT} spaces, "
                f"{MAX_QUOTE_DEPTH} levels of quotes); flatten it."
            )
    _, meta = get_data(text)
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS:
            raise BuildError(
                f"{shown}:1: the front matter sets {str(key)[:40]!r}; a hand-written page may set only "
                f"{' and '.join(FRONT_MATTER_KEYS)} (other keys choose templates or change the page). Remove it."
            )
        if not isinstance(value, str) or "\n" in value or len(value) > 300:
            raise BuildError(f"{shown}:1: the front matter's {key} must be one line of text, at most 300 characters.")
