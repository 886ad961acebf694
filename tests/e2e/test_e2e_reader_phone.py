"""The site on a 390 px phone (issue 22), in headless Chromium at 390×844, both editions: no page
scrolls sideways; a province page's tables show every column without sideways scrolling (they
read as one block per row); a link to a unit lands on a row that shows the unit's name and where
it came from; the coverage matrix scrolls in its box with the provinces kept in view."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EDITIONS = {"en": "", "vi": "vi/"}
PAGES = {
    "home": "",
    "current-province": "provinces/quang-ngai/",
    "former-province": "provinces/former/kon-tum/",
    "country": "vietnam/",
    "indicator": "indicators/commune-level-units/",
    "provinces": "provinces/",
    "data": "data/",
    "coverage": "coverage/",
    "communes": "communes/",
    "communes-convert": "communes/convert/",
    "communes-browse": "communes/browse/",
}
PROVINCE_PAGES = ("provinces/quang-ngai/", "provinces/former/kon-tum/", "provinces/ha-noi/")

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
WIDE_TABLES = """() => Array.from(document.querySelectorAll('article table')).filter(t => {
  const box = t.closest('.table-wrap') || t.parentElement;
  return box.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
}).map(t => (t.closest('.table-wrap') || t).className)"""


def visit(page, url: str) -> None:
    """Open `url` and interact once, so that Material's script (loaded on the first interaction)
    has run and rearranged what it rearranges (it wraps tables) before anything is measured."""
    page.goto(url, wait_until="load")
    page.evaluate("() => window.dispatchEvent(new Event('scroll'))")
    page.wait_for_function("() => window.__md_theme_loaded === true")
    page.wait_for_timeout(200)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_page_scrolls_sideways_on_a_phone(phone, server, edition, path):
    visit(phone, server.url(edition + path))
    assert phone.evaluate(SIDEWAYS) <= 0, f"{edition + path} is wider than the screen"


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
@pytest.mark.parametrize("path", PROVINCE_PAGES)
def test_a_province_pages_tables_need_no_sideways_scrolling(phone, server, edition, path):
    visit(phone, server.url(edition + path))
    assert phone.locator("article table").count() >= 2
    assert phone.evaluate(WIDE_TABLES) == []


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_link_to_a_unit_shows_its_name_and_where_it_came_from(phone, server, edition):
    visit(phone, server.url(edition + "provinces/quang-ngai/#unit-21496"))
    row = phone.locator("#unit-21496")
    name, origin = row.locator(".unit-name"), row.locator("td").last
    for cell in (name, origin):
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    assert "Ba Động" in name.inner_text()
    assert "Ba Tơ" in origin.inner_text() and origin.locator("li").count() >= 2
    # In view after the jump, below the sticky header.
    assert 0 <= row.bounding_box()["y"] < 844


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_figure_row_reads_as_a_block_with_its_labels_on_a_phone(phone, server, edition):
    visit(phone, server.url(edition + "provinces/quang-ngai/#fig-qg-commune-level-units-after"))
    row = phone.locator("#fig-qg-commune-level-units-after")
    quote = row.locator("blockquote.quote")
    box = quote.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    label = row.locator("td.source-quote").evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label.strip('"') == row.locator("td.source-quote").get_attribute("data-label")


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_coverage_matrix_keeps_the_provinces_and_indicators_in_view_when_scrolled(phone, server, edition):
    visit(phone, server.url(edition + "coverage/"))
    box = phone.locator(".coverage-wrap").first
    first_cell = box.locator("tbody th").first
    header = box.locator("thead th").nth(5)
    before = first_cell.bounding_box()["x"]
    box.evaluate("b => { b.scrollLeft = 1500; b.scrollTop = 400; }")
    phone.wait_for_timeout(100)
    assert abs(first_cell.bounding_box()["x"] - before) < 2  # the province's name stays where it was
    wrap_top = box.bounding_box()["y"]
    assert abs(header.bounding_box()["y"] - wrap_top) < 2  # the indicators' names stay on top
    assert phone.evaluate(SIDEWAYS) <= 0
