"""The scan of the built pages (publish/html_scan.py) reads HTML as a browser does (lexbor). It is
proved against the reading it replaced (html.parser, tests/html_scan_reference.py) on crafted
markup here and on every page of the real and the hostile sites in tests/e2e/test_e2e_html_scan.py;
where the two differ, the test says what a browser does and the scan follows it."""

from __future__ import annotations

import json

import pytest
from html_scan_reference import reference_scan

import site_builder.publish.html_scan as html_scan
from site_builder import memo
from site_builder.publish.html_scan import scan_html, scan_site

# Markup both readings, and a browser, read alike: each attack class in several spellings.
AGREED = [
    # links with a scheme other than http(s)
    '<a href="javascript:alert(1)">x</a>',
    '<A HREF="JavaScript:x">x</A>',
    "<a href=javascript:x>x</a>",
    '<a href="java&#x09;script:x">x</a>',
    '<a href="javascript&colon;x">x</a>',
    '<a href="\x01javascript:x">x</a>',
    '<a href=" &#10;javascript:x">x</a>',
    '<form action="javascript:x"><button formaction="vbscript:y">b</button></form>',
    '<object data="data:text/html,x"></object>',
    '<style>a{}</style><a href="mailto:x@example.org">m</a>',
    '<math><a href="javascript:m">m</a></math>',
    # event handlers, however the attribute is reached
    '<a href="x"onclick=y>t</a>',
    "<a/onclick=y>t</a>",
    '<em tabindex="0" ONFOCUS="alert(1)">x</em>',
    '<svg onload="alert(1)"></svg>',
    # SVG and CSS addresses, srcset, anchors
    '<svg><a xlink:href="javascript:1"><text>t</text></a></svg>',
    '<svg><image href="https://example.org/i.png"/></svg>',
    '<p style="background:url(https://example.org/a.png)">x</p>',
    '<img srcset="a.png 1x, https://example.org/b.png 2x">',
    '<p id="a" name="b"><a name="c">c</a></p>',
    # what is not markup: comments, script text
    '<!-- <a href="javascript:c"> -->',
    '<script>var a="<a href=javascript:s>"</script>',
    # inert or hidden content that can still become markup
    '<template><a href="javascript:t">t</a></template>',
    '<noscript><a href="javascript:n">n</a></noscript>',
    # the article's đ-words: ignored parts, SVG, nesting, unclosed paragraphs
    "<div data-pagefind-body>Đà <i data-pagefind-ignore>Đồng</i> đi <svg><text>đsvg</text></svg></div>",
    "<div data-pagefind-ignore><div data-pagefind-body>Đà</div></div>",
    "<div data-pagefind-body>Đà<b>đb</b>c <script>đs</script><style>đc{}</style></div>",
    "<div data-pagefind-body><p>Đà<p>đi <span data-search-exclude>Đx</span></div><!--/pagefind-body-->",
]


@pytest.mark.parametrize("markup", AGREED)
def test_the_scan_reads_markup_as_the_html_parser_reading_did(markup):
    page = f"<!doctype html><html><body>{markup}</body></html>"
    assert scan_html(page) == reference_scan(page)


def test_the_agreed_markup_is_not_trivially_clean():
    # The comparison above proves nothing if neither reading finds anything in the markup.
    found = [scan_html(m) for m in AGREED]
    assert sum(bool(s.unsafe) for s in found) == 18
    assert sum(bool(s.links) for s in found) == 16
    assert sum(bool(s.folded_words) for s in found) == 3  # not the article inside an ignored part


def test_template_content_is_read_however_deep():
    scan = scan_html(
        '<div><template><p>x<template><i onclick="1"></i><a href="javascript:t">t</a></template></p></template></div>'
    )
    assert any("onclick" in u for u in scan.unsafe), scan.unsafe
    assert any("javascript:t" in u for u in scan.unsafe), scan.unsafe


@pytest.mark.parametrize(
    "markup",
    ['<iframe srcdoc="<a href=javascript:x>x</a>"></iframe>', '<IFRAME SRCDOC="&lt;p onclick=1&gt;"></IFRAME>'],
)
def test_an_embedded_page_is_unsafe(markup):
    # html.parser's reading let srcdoc through: a page inside an attribute, which neither reading parses.
    assert any("srcdoc" in u for u in scan_html(markup).unsafe)


@pytest.mark.parametrize(
    "markup",
    [
        '<textarea><a href="javascript:x">x</a></textarea>',  # text in a text box, not a link
        "<title><a onclick=1></title>",  # the title is text
        '<a href="1" href="javascript:2">d</a>',  # a browser keeps the first of two attributes
    ],
)
def test_what_a_browser_reads_as_text_or_ignores_is_not_reported(markup):
    # html.parser reported these; a browser makes no link or handler of them, and neither does the scan.
    assert reference_scan(markup).unsafe
    assert scan_html(markup).unsafe == ()


def test_markup_that_escapes_a_text_element_is_reported():
    # The other side of the test above: text that closes the element becomes markup, and is found.
    scan = scan_html('<title>x</title><a href="javascript:x">x</a><textarea>y</textarea><p onclick="1">z</p>')
    assert len(scan.unsafe) == 2, scan.unsafe


def test_scans_kept_by_another_parser_version_or_scanning_code_are_not_read(tmp_path, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "work"
    site.mkdir()
    (site / "index.html").write_text('<p onclick="x">x</p>', encoding="utf-8")
    assert scan_site(site, cache)["index.html"].unsafe  # written to the memo store of the work folder `cache`
    scans = memo.MemoStore(cache).namespace(html_scan.SCANS)
    (entry,) = scans.folder.iterdir()
    stored = json.loads(entry.read_bytes())
    for scan in stored.values():
        scan[2] = []  # what another parser might have found: nothing
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert not scan_site(site, cache)["index.html"].unsafe  # the same code and parser: taken as kept
    html_scan.scan_code.cache_clear()
    monkeypatch.setattr(memo, "versions", lambda *names: "selectolax==0.1")
    assert scan_site(site, cache)["index.html"].unsafe  # another parser: read again, not taken from the store
    assert [p.name for p in scans.folder.iterdir()] != [entry.name]  # the other version's entry is gone
    html_scan.scan_code.cache_clear()
