"""A page with more charts than INLINE_CHARTS, in Chromium: the first ones are inline SVG, the
rest wait behind a disclosure and are drawn from their spec (served by this site) when opened,
then offer their PNG and SVG. An inline chart offers its PNG and SVG once it is interactive (no image is
made at build time): buttons that make the image when pressed."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_server import LocalServer

from fixtures.build.project import make_fixture_project
from site_builder.pages.chart_plan import INLINE_CHARTS
from site_builder.pipeline import build_site

DISTRICTS = INLINE_CHARTS + 2  # Quang Nam's page: its own charts, then one per district


@pytest.fixture(scope="module")
def many_charts_server(tmp_path_factory):
    rows = [
        {
            "id": f"qnam-district-{i}-{year}",
            "province_id": "p63-49",
            "area": f"District {i:02d}",
            "indicator_id": "departments",
            "measure": "count",
            "value": str(10 + i + year % 2),
            "qualifier": "exact",
            "period_end": str(year),
            "source_id": "article-en",
            "quote": "Q.",
        }
        for i in range(1, DISTRICTS + 1)
        for year in (2023, 2024)
    ]
    paths = make_fixture_project(tmp_path_factory.mktemp("many-charts"), extra_figures=rows)
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, languages=("en",))
    server = LocalServer(paths.site_dir)
    yield server
    server.close()


def test_a_deferred_chart_is_drawn_when_opened_from_this_sites_own_files(page, many_charts_server):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(many_charts_server.url("provinces/former/quang-nam/"), wait_until="domcontentloaded")
    inline = page.locator("figure.chart:not(.chart-deferred)")
    deferred = page.locator("figure.chart-deferred")
    assert inline.count() == INLINE_CHARTS and deferred.count() >= DISTRICTS + 2 - INLINE_CHARTS
    assert deferred.locator("svg").count() == 0
    first = deferred.first
    spec = first.get_attribute("data-spec")
    first.locator("details.chart-open > summary").click()
    page.wait_for_function("f => f.getAttribute('data-state') === 'interactive'", arg=first.element_handle(), timeout=60_000)
    assert first.locator("details.chart-open svg").count() == 1
    assert first.locator(".chart-deferred-note").count() == 0
    page.wait_for_function("f => f.querySelectorAll('.chart-downloads button').length === 2", arg=first.element_handle())
    buttons = first.locator(".chart-downloads button")
    assert [b.inner_text() for b in buttons.all()] == ["PNG", "SVG"]
    chart_id = first.get_attribute("id")
    for button, name, start in ((buttons.nth(0), f"{chart_id}.png", b"\x89PNG"), (buttons.nth(1), f"{chart_id}.svg", b"<svg")):
        with page.expect_download() as download:
            button.click()
        assert download.value.suggested_filename == name
        assert Path(download.value.path()).read_bytes().startswith(start)
    # Only the opened chart was drawn; everything came from this site.
    assert [f.get_attribute("data-state") for f in deferred.all()[1:]] == [None] * (deferred.count() - 1)
    assert any(url.endswith(spec.lstrip("./")) for url in requested)
    assert all(url.startswith(many_charts_server.origin) or url.startswith(("data:", "blob:")) for url in requested)


def test_an_inline_chart_offers_its_png_once_it_is_interactive(page, many_charts_server):
    page.goto(many_charts_server.url("provinces/former/quang-nam/"), wait_until="domcontentloaded")
    first = page.locator("figure.chart:not(.chart-deferred)").first
    links = first.locator(".chart-downloads a")
    # Without JavaScript the chart's data is the download; the images are made from the drawn
    # view, framed by its title, source line and licence (chart-download.js, issue 22).
    assert [a.get_attribute("href").rsplit(".", 1)[-1] for a in links.all()] == ["csv"]
    first.hover()
    page.wait_for_function("f => f.getAttribute('data-state') === 'interactive'", arg=first.element_handle(), timeout=60_000)
    page.wait_for_function("f => f.querySelector('.chart-downloads button')", arg=first.element_handle())
    # PNG and SVG buttons are added, and no data: link.
    buttons = first.locator(".chart-downloads button")
    assert [b.inner_text() for b in buttons.all()] == ["PNG", "SVG"] and links.count() == 1
    with page.expect_download() as download:
        buttons.first.click()
    assert download.value.suggested_filename == f"{first.get_attribute('id')}.png"
    assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
