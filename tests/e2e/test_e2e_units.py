"""A province page answers "what became of my commune": in Chromium, every current unit of the
province is listed at its own anchor with the former units it was formed from."""

from __future__ import annotations

import csv

import pytest

from fixtures.build.project import REPO

pytestmark = pytest.mark.browser


def current_units(province_id: str) -> set[str]:
    with (REPO / "datapackages" / "units" / "units_after.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle) if row["province_id"] == province_id}


@pytest.mark.parametrize(("path", "province_id"), [("provinces/ha-noi/", "p34-01"), ("vi/provinces/quang-ngai/", "p34-51")])
def test_a_province_page_lists_every_current_unit_with_its_predecessors(page, server, path, province_id):
    page.goto(server.url(path))
    rows = page.locator('tr[id^="unit-"]')
    listed = {row_id.removeprefix("unit-") for row_id in rows.evaluate_all("rows => rows.map(r => r.id)")}
    assert listed == current_units(province_id)
    without_predecessor = rows.evaluate_all("rows => rows.filter(r => !r.querySelector('ul.unit-links li')).map(r => r.id)")
    assert without_predecessor == []


def test_a_former_province_page_links_each_unit_to_its_current_unit(page, server):
    page.goto(server.url("provinces/former/kon-tum/"))
    link = page.locator('a[href*="#unit-"]').first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert page.url.endswith("/provinces/quang-ngai/#" + anchor)
    assert page.locator(f"#{anchor}").count() == 1
