"""Citing, sharing and searching as a reader does it (issue 22), in headless Chromium, both
editions: a chart downloaded as PNG or SVG carries its title, source line and licence; a
figure's copy button copies its citation with the full https:// address of its row; charts
follow the dark scheme; search excerpts show the page's own words (not the folded copies the
index holds), a province's page comes first for its name, and search works on the 404 page
served below the site's path, as GitHub Pages serves it."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from local_server import SITE_PATH

pytestmark = pytest.mark.browser

EDITIONS = {"en": "", "vi": "vi/"}


def png_text(data: bytes) -> dict[str, str]:
    """The iTXt chunks of a PNG, keyword -> text (CRC checked)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    found, at = {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        if kind == b"iTXt":
            keyword, rest = body.split(b"\0", 1)
            found[keyword.decode("latin-1")] = rest[4:].decode("utf-8")  # flag, method, empty language, empty translation
        at += 12 + length
    return found


def png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_downloaded_chart_carries_its_title_source_and_licence(page, server, edition):
    page.goto(server.url(edition + "provinces/quang-ngai/"))
    figure = page.locator("figure.chart:not(.chart-deferred)").nth(1)  # a chart of figures from published sources
    title = figure.locator(".chart-title").inner_text().strip()
    source = figure.get_attribute("data-source")
    assert title and source.split(":", 1)[1].strip() and "&#" not in source  # escaped once, by the attribute
    address = f"https://vietnam-apparatus-reform.github.io/data/{edition}provinces/quang-ngai/"
    licence = page.locator(".md-copyright__highlight").inner_text().strip()
    assert "CC BY 4.0" in licence
    buttons = figure.locator(".chart-downloads button")
    assert [b.inner_text() for b in buttons.all()] == ["PNG", "SVG"]
    with page.expect_download(timeout=90_000) as download:
        buttons.nth(1).click()
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == f"{figure.get_attribute('id')}.svg"
    assert svg.startswith("<svg") and "<title>" in svg
    for line in (title, source, address, licence):
        assert all(word.replace("&", "&amp;") in svg for word in line.split()[:4]), line
    with page.expect_download(timeout=90_000) as download:
        buttons.nth(0).click()
    png = Path(download.value.path()).read_bytes()
    said = png_text(png)
    assert said["Title"] == title and said["Description"] == source
    assert address in said["Copyright"] and licence in said["Copyright"]
    width, height = png_size(png)
    drawn = figure.locator(".chart-interactive svg").bounding_box()
    assert height > 2 * drawn["height"] + 60  # the chart at 2×, with the title above and the lines below


def test_a_figures_copy_button_copies_its_citation_with_the_full_address(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    page = context.new_page()
    try:
        page.goto(server.url("indicators/communes/"))
        row = page.locator("#fig-qg-communes-after")
        assert row.locator("a.figure-permalink").get_attribute("href") == "../../provinces/quang-ngai/#fig-qg-communes-after"
        button = row.locator("button.figure-copy")
        assert button.is_hidden()  # until the reader's first interaction loads its script
        page.mouse.move(5, 5)
        page.wait_for_function("() => !document.querySelector('#fig-qg-communes-after button.figure-copy').hidden")
        button.click()
        page.wait_for_function("() => document.querySelector('#fig-qg-communes-after .figure-copy-status')")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.startswith("Communes, Quảng Ngãi: 86 units (Count after, 1 July 2025). Source: Tỉnh ủy Quảng Ngãi")
        assert "https://vietnam-apparatus-reform.github.io/data/provinces/quang-ngai/#fig-qg-communes-after" in copied
        assert "{" not in copied and row.locator(".figure-copy-status").inner_text().strip()
    finally:
        context.close()


def test_charts_follow_the_dark_scheme(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(server.url("provinces/quang-ngai/"))
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
        svg = page.locator("figure.chart .chart-static svg").first
        ground = svg.evaluate("s => getComputedStyle(s.querySelector(':scope > rect')).fill")
        label = svg.evaluate("s => getComputedStyle(s.querySelector('text[fill=\"#000\"]')).fill")
        assert ground in ("transparent", "rgba(0, 0, 0, 0)"), ground
        assert label != "rgb(0, 0, 0)", label  # light text on the dark page
    finally:
        context.close()


def search(page, query: str) -> None:
    """Type `query` in the header's search box and wait for its results (debounced)."""
    page.locator(".site-search .md-search__input").fill(query)
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item a[href*=\"provinces\"]').length > 0", timeout=60_000
    )
    page.wait_for_timeout(700)  # let the last query's results replace the previous ones


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_provinces_name_finds_its_page_first_with_excerpts_in_its_own_words(page, server, edition):
    page.goto(server.url(edition + "indicators/"))
    search(page, "da nang")
    first = page.locator(".md-search-result__item").first
    assert first.locator("a").first.get_attribute("href").rstrip("/").endswith("provinces/da-nang")
    assert first.locator("h1").first.inner_text() == "Đà Nẵng"
    excerpts = page.locator(".md-search-result__article p").all_inner_texts()
    assert excerpts and not [e for e in excerpts if " da " in f" {e} " or "Đà da" in e]
    assert page.locator(".md-search-result__article mark", has_text="Đà").count() >= 1


def test_search_works_on_the_404_page(page, server_below_path):
    response = page.goto(server_below_path.url("data/provinces/no-such-province/deeper/"))
    assert response.status == 404
    box = page.locator("[data-site-search]")
    assert box.get_attribute("data-root") == SITE_PATH and "//" not in box.get_attribute("data-site-root")
    search(page, "quang ngai")
    link = page.locator(".md-search-result__item a").first
    href = link.get_attribute("href")
    assert href.startswith(SITE_PATH), href
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Quảng Ngãi"
