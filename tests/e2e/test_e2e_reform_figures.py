"""Reform figures for every province and the country (issue 27), as a reader meets them in
both editions: a province that had no figure before, the national page linked from the home
page, the coverage matrix, and a core indicator's comparison of the 34 provinces."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

EDITIONS = {"en": "", "vi": "vi/"}
NEW_PROVINCE = "provinces/nghe-an/"  # no reform figure before issue 27
CORE = "indicators/specialised-agencies/"


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_province_that_had_no_figures_shows_them_with_their_quotes(page, server, edition):
    page.goto(server.url(edition + NEW_PROVINCE))
    rows = page.locator(".figures-table tbody tr")
    assert rows.count() >= 3
    indicators = {rows.nth(i).locator("td").first.locator("a").first.inner_text() for i in range(rows.count())}
    assert len(indicators) >= 3
    first = rows.first
    assert first.locator("blockquote.quote").inner_text().strip()
    assert first.locator("blockquote.quote").get_attribute("lang")
    assert first.locator("a.source-link").get_attribute("href").startswith("https://")


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_home_page_leads_to_the_national_figures(page, server, edition):
    page.goto(server.url(edition))
    page.locator("p.country-link a").click()
    page.wait_for_url("**/vietnam/")
    assert page.evaluate("() => document.documentElement.lang") == ("vi" if edition else "en")
    rows = page.locator(".figures-table tbody tr")
    assert rows.count() >= 10
    assert page.locator(".kf-grid .kf").count() >= 1
    # a plan is labelled as one wherever it is shown
    plans = page.locator(".figures-table .status-plan")
    assert plans.count() >= 1
    assert plans.first.inner_text().strip() != ""


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_the_coverage_page_counts_the_new_provinces_figures(page, server, edition):
    page.goto(server.url(edition + "coverage/"))
    row = page.locator("#current ~ .table-wrap tbody tr", has=page.locator("th a", has_text="Nghệ An")).first
    total = int(row.locator("td.num").last.inner_text().replace(",", "").replace(".", ""))
    assert total >= 3


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_a_core_indicator_compares_every_province_with_gaps_as_gaps_and_values_linked_to_quotes(page, server, edition):
    page.goto(server.url(edition + CORE))
    table = page.locator("table.sortable")
    rows = table.locator("tbody tr")
    assert rows.count() == 34
    assert table.locator("tbody tr.gap").count() >= 1
    assert table.locator("tbody tr:not(.gap)").count() >= 20
    # every value links to its figure's row (source and quote) on the page it was reported for
    link = table.locator("tbody tr:not(.gap) td.num a").first
    href = link.get_attribute("href")
    assert "#fig-" in href
    link.click()
    page.wait_for_load_state()
    target = page.locator(f"#{href.split('#', 1)[1]}")
    assert target.locator("blockquote.quote").inner_text().strip()


def sort_values(page) -> list[float | None]:
    cells = page.locator("table.sortable tbody tr td:nth-child(2)")
    values = []
    for i in range(cells.count()):
        raw = cells.nth(i).get_attribute("data-sort-value")
        values.append(float(raw) if raw else None)
    return values


def test_the_comparison_sorts_by_a_column_and_keeps_gaps_last(page, server):
    page.goto(server.url(CORE))
    button = page.locator("table.sortable th button", has_text="Latest value")
    button.click()
    ascending = sort_values(page)
    present = [v for v in ascending if v is not None]
    assert present == sorted(present) and len(present) >= 10
    assert ascending[len(present) :] == [None] * (len(ascending) - len(present))
    assert page.locator("table.sortable th[aria-sort]").get_attribute("aria-sort") == "ascending"
    button.click()
    descending = [v for v in sort_values(page) if v is not None]
    assert descending == sorted(present, reverse=True)
