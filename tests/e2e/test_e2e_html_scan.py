"""The scan of the built pages (lexbor, as a browser reads them) gives the same result as the
html.parser reading it replaced, on every page of the real site and of the hostile fixture
site: same anchors, links in the same order, same unsafe findings, same article words."""

from __future__ import annotations

from pathlib import Path

import pytest
from html_scan_reference import reference_scan

from site_builder.publish.html_scan import scan_html


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


@pytest.mark.parametrize("which", ["real_site", "fixture_site"])
def test_every_built_page_is_scanned_as_html_parser_scanned_it(which, request):
    site = request.getfixturevalue(which)
    pages = _pages(site)
    assert len(pages) > 20
    differing = [p.relative_to(site).as_posix() for p in pages if scan_html(t := p.read_text("utf-8")) != reference_scan(t)]
    assert differing == []
    # Not a comparison of empty scans: the pages have links, anchors and article words.
    scans = [scan_html(p.read_text("utf-8")) for p in pages]
    assert sum(len(s.links) for s in scans) > 500
    assert sum(len(s.ids) for s in scans) > 500
    assert any(s.folded_words for s in scans)
