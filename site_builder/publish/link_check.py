"""Checks of the built HTML that MkDocs cannot do for pages written as HTML blocks.

MkDocs validates and rewrites links in Markdown, but not inside raw HTML, where every data
page lives. So after the MkDocs build every internal href/src (and #fragment) is resolved
against the output folder, and every resource a page or stylesheet would load is required
to come from the site itself: no font, script, stylesheet or image from another host.

It is also the last line of defence against contributed text that became markup: no element
may carry an event handler (`on...` attribute), and no link may use a scheme other than
http(s) (no `javascript:`, `data:`, `vbscript:` ...).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that make the browser fetch something when the page loads (not <a href>).
_LOADING_ATTRIBUTES = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "input": ("src",),
    "track": ("src",),
}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*([^'")\s]+)""", re.IGNORECASE)


# Attributes whose value the browser follows as an address when the reader acts on the element.
_LINK_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"}
)
_SAFE_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.unsafe: list[str] = []  # event handlers and links with another scheme, as sentences

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.unsafe.append(f"<{tag} {name}=...> carries an event handler; generated pages run no inline script.")
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES and _unsafe_scheme(value):
                self.unsafe.append(f'<{tag} {name}="{value[:60]}"> is a link that is neither http(s) nor relative.')
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag == "a" and name == "href") or name in _LOADING_ATTRIBUTES.get(tag, ()):
                self.links.append((tag, name, value))
            if name == "style":
                for url in _CSS_URL.findall(value):
                    self.links.append((tag, "style", url))

    handle_startendtag = handle_starttag


def _unsafe_scheme(value: str) -> bool:
    """True for an address with a scheme other than http(s); control characters and spaces,
    which browsers strip from a scheme (`java\tscript:`), are removed first."""
    compact = "".join(c for c in value if ord(c) > 32 and ord(c) != 127)
    match = _SCHEME.match(compact)
    return bool(match) and match.group(1).lower() not in _SAFE_SCHEMES


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def _is_external(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) or value.startswith("//")


def _target(site_dir: Path, page: Path, url_path: str) -> Path | None:
    """The file a relative URL from `page` points to, or None when there is none."""
    base = page.parent
    candidate = (base / unquote(url_path)).resolve() if url_path else page
    try:
        candidate.relative_to(site_dir.resolve())
    except ValueError:
        return None  # leaves the site: broken wherever the site is hosted
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path) -> list[str]:
    """Every broken internal link or fragment and every resource from another host, as sentences."""
    problems: list[str] = []
    pages = sorted(site_dir.rglob("*.html"))
    parsed = {page.resolve(): _parse(page) for page in pages}
    for page in pages:
        rel = page.relative_to(site_dir)
        problems += [f"site/{rel}: {sentence}" for sentence in parsed[page.resolve()].unsafe]
        for tag, attribute, value in parsed[page.resolve()].links:
            values = [v.strip().split(" ")[0] for v in value.split(",")] if attribute == "srcset" else [value]
            for v in values:
                if not v:
                    continue
                if _is_external(v):
                    if tag != "a" and urlsplit(v).scheme not in ("data", "blob"):
                        problems.append(
                            f'site/{rel}: <{tag} {attribute}="{v}"> loads a resource from another host; serve it from the site instead.'
                        )
                    continue
                if v.startswith("/") and rel.name == "404.html":
                    # A 404 page is served at any address, so MkDocs links it from the root of its
                    # edition, which is the folder the 404 page is in.
                    v = "." + v
                elif v.startswith("/"):
                    problems.append(
                        f'site/{rel}: <{tag} {attribute}="{v}"> is an absolute path, which breaks when the site is not at the root of its host; use a relative link.'
                    )
                    continue
                parts = urlsplit(v)
                target = _target(site_dir, page, parts.path)
                if target is None:
                    problems.append(f'site/{rel}: <{tag} {attribute}="{v}"> points to a file that the build did not produce.')
                elif parts.fragment and target.suffix == ".html" and tag == "a":
                    ids = parsed.get(target.resolve())
                    if ids is not None and unquote(parts.fragment) not in ids.ids:
                        problems.append(f'site/{rel}: the link "{v}" points to an anchor that does not exist on its page.')
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(text):
            if _is_external(url) and urlsplit(url).scheme not in ("data",):
                problems.append(
                    f"site/{css.relative_to(site_dir)}: loads {url} from another host; serve it from the site instead."
                )
    return problems
