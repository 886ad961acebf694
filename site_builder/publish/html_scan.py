"""One reading of every built HTML page, shared by the search index and the final checks.

Both need the same parse of each page (its anchors, its links, anything unsafe, and the
đ-words of its article): so each page is parsed once, in as many processes as there are
cores, and the result is kept in a table by the page's bytes, one entry of the memo store
(namespace html-scan, keyed by the scanning code: memo.py), so a rebuild parses only the pages
that changed.

Pages are read by lexbor (selectolax), an HTML5 parser: the tree a browser builds, so what is
checked is what a browser would act on; the content of <template>s is read too. It replaced
Python's html.parser, five times slower; tests/html_scan_reference.py keeps that reading, and
tests/e2e/test_e2e_html_scan.py proves both give the same scan of every built page.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from site_builder import memo
from site_builder.views.communes import fold

# The indexed article, as theme/main.html writes it: its start, and the marker at its end.
BODY_START = "<div data-pagefind-body>"
BODY_END = "<!--/pagefind-body-->"
SCANS = "html-scan"  # the namespace of the memo store that keeps the scans

# Attributes that make the browser fetch something when the page loads (not <a href>).
LOADING_ATTRIBUTES = {
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
# A <link> with only these relations names an address without loading it (MkDocs' canonical
# address under site_url): it is checked as a link, like <a href>, not as a resource.
NAVIGATION_RELS = frozenset({"canonical", "alternate", "author", "license", "help", "next", "prev", "sitemap"})
CANONICAL = "link rel=canonical"
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*([^'")\s]+)""", re.IGNORECASE)
# Attributes whose value the browser follows as an address when the reader acts on the element.
LINK_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"}
)
_SAFE_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# What Pagefind leaves out of the article besides `data-pagefind-ignore` (search_index.py).
_SKIPPED = frozenset({"script", "style", "svg", "template", "noscript"})
_IGNORING = frozenset({"data-pagefind-ignore", "data-search-exclude"})
_LEFT_OUT = ", ".join(sorted(_SKIPPED) + [f"[{name}]" for name in sorted(_IGNORING)])


@dataclass(frozen=True)
class PageScan:
    ids: frozenset[str]  # anchors a link can point to (id, and <a name>)
    links: tuple[tuple[str, str, str], ...]  # (tag, attribute, value) of every address on the page
    unsafe: tuple[str, ...]  # event handlers and links with another scheme, as sentences
    folded_words: tuple[str, ...]  # ASCII-folded đ-words of the indexed article ("da" for Đà), sorted
    has_article: bool  # the page has an indexed article (404.html has none)
    digest: str = ""  # SHA-256 of the page's bytes (set by scan_site)


def _read_elements(node, ids: set[str], links: list, unsafe: list[str]) -> None:
    """Every element under `node`, in document order, and the content of its <template>s (which
    is not part of the tree, but a script may put it on the page)."""
    for element in node.traverse():
        tag = element.tag
        if not tag or tag[0] in "-#_":  # a comment, or the root of a template's content
            continue
        attributes = element.attributes
        if attributes:
            _record_addresses(tag.lower(), attributes, ids, links, unsafe)
    for content in node.template_fragments():
        _read_elements(content, ids, links, unsafe)


def navigation_tag(tag: str, rel: str | None) -> str:
    """The tag a link is checked as: "canonical" for the page's own full address (link_check
    compares it with site_url), "a" for another <link> that only names an address (rel alternate ...)."""
    rels = set(rel.lower().split()) if tag == "link" and rel else set()
    if rels == {"canonical"}:
        return CANONICAL
    if rels and rels <= NAVIGATION_RELS:
        return "a"
    return tag


def _record_addresses(tag: str, attributes: dict, ids: set[str], links: list, unsafe: list[str]) -> None:
    tag = navigation_tag(tag, attributes.get("rel"))
    for name, value in attributes.items():
        name = name.lower()  # SVG attributes keep their case in the tree (viewBox); HTML ones are lower
        if name.startswith("on"):
            unsafe.append(f"<{tag} {name}=...> carries an event handler; generated pages run no inline script.")
        if name == "srcdoc":
            unsafe.append(f"<{tag} srcdoc=...> embeds a page of its own; generated pages embed none.")
        if value is None:
            continue
        if name in LINK_ATTRIBUTES and unsafe_scheme(value):
            unsafe.append(f'<{tag} {name}="{value[:60]}"> is a link that is neither http(s) nor relative.')
        if name == "id" or (name == "name" and tag == "a"):
            ids.add(value)
        if (tag in ("a", CANONICAL) and name == "href") or name in LOADING_ATTRIBUTES.get(tag, ()):
            links.append((tag, name, value))
        if name == "style":
            links += [(tag, "style", url) for url in CSS_URL.findall(value)]


def _article_words(tree) -> set[str]:
    """The đ-words of the indexed article: the text of each `data-pagefind-body` element less
    what Pagefind leaves out (ignored parts, scripts, styles, SVG, templates)."""
    words: set[str] = set()
    for body in tree.css("[data-pagefind-body]"):
        if _inside_ignored(body):
            continue
        for part in body.css(_LEFT_OUT):
            part.decompose()
        words.update(w for w in body.text(separator=" ").split() if "đ" in w.lower())
    return words


def _inside_ignored(node) -> bool:
    parent = node.parent
    while parent is not None and parent.tag:
        if parent.tag.lower() in _SKIPPED or _IGNORING & set(parent.attributes):
            return True
        parent = parent.parent
    return False


def unsafe_scheme(value: str) -> bool:
    """True for an address with a scheme other than http(s); control characters and spaces,
    which browsers strip from a scheme (`java\tscript:`), are removed first."""
    if ":" not in value:  # most addresses: no scheme at all, nothing to strip
        return False
    compact = "".join(c for c in value if ord(c) > 32 and ord(c) != 127)
    match = _SCHEME.match(compact)
    return bool(match) and match.group(1).lower() not in _SAFE_SCHEMES


def scan_html(html: str) -> PageScan:
    """The page as a browser's parser reads it (HTML5, by lexbor): what scan_site records of it."""
    tree = LexborHTMLParser(html)
    ids: set[str] = set()
    links: list[tuple[str, str, str]] = []
    unsafe: list[str] = []
    _read_elements(tree.root, ids, links, unsafe)
    words = _article_words(tree)  # last: it removes the left-out parts from the tree
    return PageScan(
        ids=frozenset(ids),
        links=tuple(links),
        unsafe=tuple(unsafe),
        folded_words=tuple(sorted({fold(w) for w in words} - {""})),
        has_article=BODY_END in html,
    )


def _scan_file(path: str) -> PageScan:
    return scan_html(Path(path).read_text(encoding="utf-8", errors="replace"))


def scan_site(site_dir: Path, work_dir: Path | None = None, skip: str = "") -> dict[str, PageScan]:
    """Every HTML page under `site_dir` (except under the folder `skip`) by its path in the site
    ("provinces/x/index.html"), parsed anew only when its bytes are not kept from an earlier scan:
    the memo store of `work_dir` (the build's build/) keeps them (None: nothing kept)."""
    pages = {
        path.relative_to(site_dir).as_posix(): path
        for path in sorted(site_dir.rglob("*.html"))
        if not (skip and path.relative_to(site_dir).as_posix().startswith(skip + "/"))
    }
    digests = {rel: hashlib.sha256(path.read_bytes()).hexdigest() for rel, path in pages.items()}
    cached = _read_cache(work_dir)
    missing = sorted({digest: rel for rel, digest in digests.items() if digest not in cached}.items())
    if missing:
        workers = min(os.cpu_count() or 1, max(1, len(missing) // 20))
        paths = [str(pages[rel]) for _, rel in missing]
        if workers > 1:
            # Fresh interpreters, not forks: a test's browser may be running threads in this process.
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                scans = list(pool.map(_scan_file, paths, chunksize=8))
        else:
            scans = [_scan_file(p) for p in paths]
        cached.update(zip([digest for digest, _ in missing], scans, strict=True))
    if work_dir is not None and (missing or set(cached) != set(digests.values())):
        _write_cache(work_dir, {digest: cached[digest] for digest in set(digests.values())})
    return {rel: replace(cached[digest], digest=digest) for rel, digest in digests.items()}


# The cache as this process last read or wrote it, with the entry file's identity then: a process
# that builds again (`site-builder serve`) does not decode the same JSON each time.
_IN_MEMORY: dict[Path, tuple[tuple[int, int, int], dict[str, PageScan]]] = {}


@functools.cache
def scan_code() -> str:
    """The digest of what makes a scan: this module, the folding of its words (views/communes.py)
    and the parser's version (a new lexbor may read a page differently)."""
    here = Path(__file__).resolve()
    return memo.key(memo.source_digest(here, here.parents[1] / "views" / "communes.py"), memo.versions("selectolax"))


def _identity(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def _scans_entry(work_dir: Path) -> tuple[memo.Namespace, str]:
    """The scans' namespace of the memo store of `work_dir` and the key of this code's one entry."""
    return memo.MemoStore(work_dir).namespace(SCANS), memo.key(scan_code())


def _read_cache(work_dir: Path | None) -> dict[str, PageScan]:
    if work_dir is None:
        return {}
    scans, entry = _scans_entry(work_dir)
    found = scans.has(entry)
    scans.forget_unused()  # the entries of other code
    if not found:
        return {}
    path = scans.path(entry)
    identity, kept = _identity(path), _IN_MEMORY.get(path)
    if kept is not None and kept[0] == identity:
        return dict(kept[1])
    try:
        stored = json.loads(path.read_bytes())
        result = {digest: _from_json(entry) for digest, entry in stored.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # cut short or from elsewhere: parse again
        return {}
    _IN_MEMORY[path] = (identity, dict(result))
    return result


def _write_cache(work_dir: Path, scans: dict[str, PageScan]) -> None:
    namespace, entry = _scans_entry(work_dir)
    pages = {digest: _to_json(scan) for digest, scan in sorted(scans.items())}
    namespace.put(entry, json.dumps(pages, ensure_ascii=False).encode("utf-8"))
    _IN_MEMORY[namespace.path(entry)] = (_identity(namespace.path(entry)), dict(scans))


def _to_json(scan: PageScan) -> list:
    return [sorted(scan.ids), [list(link) for link in scan.links], list(scan.unsafe), list(scan.folded_words), scan.has_article]


def _from_json(entry: list) -> PageScan:
    ids, links, unsafe, words, has_article = entry
    return PageScan(frozenset(ids), tuple(tuple(link) for link in links), tuple(unsafe), tuple(words), bool(has_article))
