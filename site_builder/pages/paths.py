"""Where each generated page lives, and the relative links between pages.

Links inside HTML blocks are not rewritten by MkDocs, so pages link with final relative URLs
(`use_directory_urls: true`); publish/link_check.py verifies every one after the MkDocs build.
Every generated page is the index.md of its own folder (provinces/hue/index.md, not
provinces/hue.md): its Markdown then sits where its HTML will, and Zensical, which rewrites
relative links in HTML blocks as if they were written from the Markdown file, leaves them as
they are (publish/engines.py). The URLs are the same either way.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePosixPath

from site_builder.dataset.model import Province


@lru_cache(maxsize=4096)  # asked some 28,000 times per build, for a few hundred pages
def page_url(md_path: str) -> str:
    """The site-relative URL of a page with `use_directory_urls`: provinces/x.md -> provinces/x/."""
    path = PurePosixPath(md_path)
    stem = path.with_suffix("")
    if stem.name == "index":
        parent = str(stem.parent)
        return "" if parent == "." else parent + "/"
    return f"{stem}/"


def root_of(md_path: str) -> str:
    """The relative prefix from a page's URL back to the site root ("../../" for provinces/x/)."""
    return "../" * page_url(md_path).count("/")


def province_path(province: Province) -> str:
    """The Markdown path of a province's page (the country's: vietnam.md, at /vietnam/)."""
    if province.is_country:
        return f"{province.slug}/index.md"
    return f"provinces/{province.slug}/index.md" if province.is_current else f"provinces/former/{province.slug}/index.md"


def indicator_path(indicator_id: str) -> str:
    return f"indicators/{indicator_id}/index.md"


# Where the "Find your commune" page's lookup lives (views/communes.py: one JSON file per shard).
COMMUNE_LOOKUP = "communes/lookup"
