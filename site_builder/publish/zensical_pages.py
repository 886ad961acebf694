"""What the MkDocs hooks do to a page, done on the HTML Zensical wrote (Zensical runs no MkDocs
hook): the content of each hand-written page through the allow-list sanitiser (sanitise.py) and
every page's Content-Security-Policy completed with the hashes of the theme's inline scripts
(csp.py). The content is the theme's content block (theme/main.html), where the page's
Markdown goes: a script in it is never hashed, so it would not run.

Not done here, unlike sanitise.py on MkDocs: the hand-written page's title and table of contents
made plain text (Zensical writes them from its own page model, outside the content).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from site_builder.errors import BuildError
from site_builder.publish.csp import with_policy
from site_builder.publish.sanitise import sanitise_html

# The page's content as the theme's content block writes it (theme/main.html: the part Pagefind
# indexes); the theme's own markup around it (the skip link's target, the wrapper) stays.
_CONTENT = re.compile(r"<div data-pagefind-body>(?P<content>.*)<!--/pagefind-body-->", re.DOTALL)


def page_file(src_uri: str) -> str:
    """The HTML file of a Markdown page with directory URLs: about.md -> about/index.html."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def finish_pages(folder: Path, hand_written: list[str] | tuple[str, ...]) -> int:
    """Sanitise the hand-written pages' content and complete every page's policy in `folder` (one
    edition's output); the number of pages. BuildError naming a page that lacks the policy."""
    sanitised = {page_file(src) for src in hand_written}
    pages = sorted(folder.rglob("*.html"))
    for path in pages:
        shown = path.relative_to(folder).as_posix()
        html = path.read_text(encoding="utf-8")
        found = _CONTENT.search(html)
        content = found.group("content") if found else ""
        if found and shown in sanitised:
            content = sanitise_html(content)
            html = html[: found.start("content")] + content + html[found.end("content") :]
        try:
            html = with_policy(html, content, shown)
        except PluginError as error:
            raise BuildError(f"Zensical's output: {error}") from None
        path.write_text(html, encoding="utf-8")
    return len(pages)
