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

import os
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from site_builder.errors import BuildError
from site_builder.publish.html_scan import CANONICAL, CSS_URL, PageScan, scan_site


def check_site(site_dir: Path, scans: dict[str, PageScan] | None = None, skip: str = "", site_url: str = "") -> list[str]:
    """Every broken internal link or fragment, every resource from another host and every
    canonical link that is not its page's own address, as sentences.

    `scans` are the pages as html_scan read them (read here when not given); `skip` is a folder
    of the site another tool is writing meanwhile (the search index), which no page links to;
    `site_url` is the site's full address (mkdocs.yml), under which each page's canonical link
    must give that page's address, and from whose path 404 pages link."""
    site_path = urlsplit(site_url).path or "/"
    scans = scan_site(site_dir, skip=skip) if scans is None else scans
    files = site_files(site_dir, skip)
    problems: list[str] = []
    for rel, scan in sorted(scans.items()):
        problems += [f"site/{rel}: {sentence}" for sentence in scan.unsafe]
        for tag, attribute, value in scan.links:
            values = [v.strip().split(" ")[0] for v in value.split(",")] if attribute == "srcset" else [value]
            if tag == CANONICAL:
                problems += [f"site/{rel}: {p}" for p in _canonical_problems(rel, value, site_url)]
                continue
            problems += [
                f"site/{rel}: {p}" for v in values if v for p in _link_problems(rel, tag, attribute, v, files, scans, site_path)
            ]
    for rel in sorted(f for f in files if f.endswith(".css")):
        css = site_dir / rel
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in CSS_URL.findall(text):
            if _is_external(url) and urlsplit(url).scheme not in ("data",):
                problems.append(
                    f"site/{css.relative_to(site_dir)}: loads {url} from another host; serve it from the site instead."
                )
    return problems


def site_files(site_dir: Path, skip: str = "") -> set[str]:
    """Every file of the site by its path in it, less the folder `skip`, never entered: another
    tool may be writing or removing files there meanwhile."""
    files: set[str] = set()
    for folder, subfolders, names in os.walk(site_dir):
        if Path(folder) == site_dir and skip in subfolders:
            subfolders.remove(skip)
        files.update(Path(folder, name).relative_to(site_dir).as_posix() for name in names)
    return files


def _link_problems(
    rel: str, tag: str, attribute: str, v: str, files: set[str], scans: dict[str, PageScan], site_path: str = "/"
) -> list[str]:
    if _is_external(v):
        if tag != "a" and urlsplit(v).scheme not in ("data", "blob"):
            return [f'<{tag} {attribute}="{v}"> loads a resource from another host; serve it from the site instead.']
        return []
    if v.startswith("/") and posixpath.basename(rel) == "404.html":
        # A 404 page is served at any address, so MkDocs links it from the address of its
        # edition (site_url's path, and its folder), which is the folder the 404 page is in.
        edition = site_path.rstrip("/") + "/" + (posixpath.dirname(rel) + "/" if posixpath.dirname(rel) else "")
        v = "./" + v[len(edition) :] if v.startswith(edition) else "." + v
    elif v.startswith("/"):
        return [
            f'<{tag} {attribute}="{v}"> is an absolute path, which breaks when the site is not at the root of its host; use a relative link.'
        ]
    parts = urlsplit(v)
    target = _target(rel, parts.path, files)
    if target is None:
        return [f'<{tag} {attribute}="{v}"> points to a file that the build did not produce.']
    if parts.fragment and target.endswith(".html") and tag == "a":
        scan = scans.get(target)
        if scan is not None and unquote(parts.fragment) not in scan.ids:
            return [f'the link "{v}" points to an anchor that does not exist on its page.']
    return []


def _canonical_problems(rel: str, value: str, site_url: str) -> list[str]:
    """A canonical link names the page's own full address under site_url (each edition's pages
    under their edition's folder, as the sitemap and citations do): any other is an error."""
    page = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
    expected = site_url.rstrip("/") + "/" + page if site_url else ""
    if expected and value == expected:
        return []
    if not expected:
        return [f'<link rel="canonical" href="{value[:80]}"> names an address, but the build has no site_url to check it by.']
    return [
        f'<link rel="canonical" href="{value[:80]}"> is not this page\'s address {expected}; '
        "search engines and citations would point elsewhere. Check site_url in mkdocs.yml."
    ]


def _is_external(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme) or value.startswith("//")


def _target(page: str, url_path: str, files: set[str]) -> str | None:
    """The file (its path in the site) a relative URL from `page` points to, or None when there is none."""
    if not url_path:
        return page
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(url_path)))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None  # leaves the site: broken wherever the site is hosted
    if joined in files:
        return joined
    index = "index.html" if joined == "." else joined + "/index.html"
    return index if index in files else None


def check_output(output: Path, scans: dict[str, PageScan], site_url: str = "", skip: str = "") -> int:
    """Check the built HTML (`site_url`: the site's full address, which canonical links name and
    from whose path 404 pages link); the number of pages checked, or BuildError listing the problems."""
    problems = check_site(output, scans, skip=skip, site_url=site_url)
    if problems:
        shown = problems[:30]
        more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        raise BuildError("The built site has problems:" + "".join(f"\n  - {p}" for p in shown) + more)
    return len(scans)
