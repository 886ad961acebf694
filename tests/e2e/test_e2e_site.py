"""The built site in headless Chromium: what a reader sees, downloads and follows, and that
no page asks any other host for anything."""

from __future__ import annotations

import csv
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PROVINCE = "provinces/quang-ngai/"  # formed from Kon Tum and Quảng Ngãi on 1 July 2025
FORMER = "provinces/former/kon-tum/"


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def test_province_page_shows_its_chart_and_its_figures(page, server):
    page.goto(server.url(PROVINCE))
    assert page.locator("h1").first.inner_text().strip() == "Quảng Ngãi"
    figure = page.locator("figure.chart").first
    figure.scroll_into_view_if_needed()
    # The scroll lets charts.js swap the static SVG for the interactive one: wait for whichever
    # is in the figure to be drawn at its size.
    page.wait_for_function(
        "f => { const s = f.querySelector('svg'); if (!s) return false; const b = s.getBoundingClientRect();"
        " return b.width > 100 && b.height > 50; }",
        arg=figure.element_handle(),
    )
    table = page.locator(".figures-table table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 1
    assert table.locator("blockquote.quote").first.inner_text().strip()


def test_province_csv_link_downloads_a_file_that_parses(page, server):
    page.goto(server.url(PROVINCE))
    link = page.locator('.downloads a[href$="data/provinces/p34-51.csv"]')
    with page.expect_download() as info:
        link.click()
    path = info.value.path()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "the province's CSV has no figure rows"
    assert {"id", "province_id", "indicator_id", "value", "source_id", "quote"} <= set(rows[0])
    assert {row["province_id"] for row in rows} <= {"p34-51", "p63-51", "p63-62"}


def test_former_province_links_to_its_successor_and_the_link_works(page, server):
    page.goto(server.url(FORMER))
    successor = page.locator("a.successor-link")
    assert successor.inner_text().strip() == "Quảng Ngãi"
    successor.click()
    page.wait_for_load_state()
    assert page.url == server.url(PROVINCE)
    assert page.locator("h1").first.inner_text().strip() == "Quảng Ngãi"


@pytest.mark.parametrize("path", ["", PROVINCE, FORMER, "data/", "coverage/", "indicators/"])
def test_a_page_makes_no_request_to_another_host(page, server, path):
    urls = record_requests(page)
    page.goto(server.url(path), wait_until="networkidle")
    # scroll to the end and hover every chart, so lazily loaded scripts are fetched too
    for chart in page.locator("figure.chart").all()[:5]:
        chart.scroll_into_view_if_needed()
        chart.hover()
    page.mouse.wheel(0, 100000)
    page.wait_for_load_state("networkidle")
    assert urls, "no request recorded"
    foreign = [u for u in urls if urlsplit(u).netloc != urlsplit(server.origin).netloc and not u.startswith(("data:", "blob:"))]
    assert foreign == []


def test_the_vega_bundle_is_not_requested_on_first_paint_of_a_page_without_charts(page, server):
    urls = record_requests(page)
    page.goto(server.url("data/"), wait_until="networkidle")
    assert any(u.endswith(".js") for u in urls)
    assert not [u for u in urls if "vega" in u.rsplit("/", 1)[-1]]


def test_a_quote_containing_markup_shows_as_text(page, fixture_server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(fixture_server.url("provinces/former/kon-tum/"), wait_until="networkidle")
    quote = page.locator("blockquote.quote", has_text="Kon Tum cut")
    assert quote.inner_text().strip() == "<script>alert(1)</script> Kon Tum cut <b>x</b> about 500 positions."
    assert quote.locator("b, script").count() == 0
    assert dialogs == []


def test_a_javascript_address_in_the_data_is_not_a_link(page, fixture_server):
    page.goto(fixture_server.url("provinces/da-nang/"))
    assert page.get_by_text("A source whose address is a script").first.is_visible()
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]


def test_home_page_shows_the_national_figures_and_links_every_province(page, server):
    page.goto(server.url(""))
    text = page.locator("article").inner_text()
    assert "10,035" in text and "3,321" in text
    assert page.locator("ul.province-tiles a").count() == 34


def test_charts_are_drawn_with_the_font_the_site_serves(page, server):
    """The inline charts ask for the charts' family, and the browser draws them with the site's
    own WOFF2 files (both weights), not with a font of the reader's machine (issue 23)."""
    urls = record_requests(page)
    page.goto(server.url(PROVINCE))
    page.evaluate("() => document.fonts.ready")
    faces = page.evaluate(
        "() => [...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Noto Sans').map(f => [f.weight, f.status])"
    )
    assert sorted(faces) == [["bold", "loaded"], ["normal", "loaded"]]
    fonts = sorted(urlsplit(u).path for u in urls if urlsplit(u).path.endswith(".woff2"))
    assert fonts == ["/assets/fonts/NotoSans-Bold.woff2", "/assets/fonts/NotoSans-Regular.woff2"]
    family = page.locator("figure.chart svg text").first.get_attribute("font-family")
    assert family.split(",")[0] == "Noto Sans"
