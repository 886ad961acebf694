"""Search in headless Chromium: the header box (Pagefind and the commune lookup) and "Find your
commune", with and without diacritics; nothing of the index on first load, nothing from
another host, and Material's search index gone."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PROVINCE = "provinces/quang-ngai/"
PHUC_XA_NOW = "provinces/ha-noi/#unit-00097"  # Phường Phúc Xá (Ba Đình, Hà Nội) went to Phường Hồng Hà


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def foreign(urls: list[str], server) -> list[str]:
    return [u for u in urls if urlsplit(u).netloc != urlsplit(server.origin).netloc and not u.startswith(("data:", "blob:"))]


def header_search(page, query: str) -> list[str]:
    """Type `query` in the header's search box; the hrefs of the results, in order."""
    box = page.locator(".site-search .md-search__input")
    box.fill(query)
    page.wait_for_function(  # a fresh page: the first list of results is this query's
        "() => document.querySelector('.md-search-result__list').children.length > 0 && "
        "/\\d/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(700)  # debounced: let the last query's results replace the previous ones
    return page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.getAttribute('href'))")


def test_materials_search_index_is_gone_from_the_site(real_site):
    assert not (real_site / "search").exists()
    assert (real_site / "pagefind" / "pagefind.js").is_file()
    assert not list(real_site.rglob("search_index.json"))


def test_first_load_fetches_nothing_of_the_search_index(page, server):
    urls = record_requests(page)
    page.goto(server.url(PROVINCE), wait_until="networkidle")
    paths = [urlsplit(u).path for u in urls]
    assert not [
        p
        for p in paths
        if "/pagefind/" in p
        or "search_index" in p
        or "/workers/search" in p
        or "/communes/lookup/" in p
        or p.endswith("commune-lookup.js")
    ]
    assert any(p.endswith("assets/search/site-search.js") for p in paths)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("da nang", "/provinces/da-nang/"),
        ("quang ngai", "/provinces/quang-ngai/"),
        ("Quảng Ngãi", "/provinces/quang-ngai/"),
    ],
)
def test_a_province_typed_with_or_without_diacritics_is_found(page, server, query, expected):
    urls = record_requests(page)
    page.goto(server.url(PROVINCE), wait_until="networkidle")
    hrefs = header_search(page, query)
    assert expected in hrefs[:4], hrefs
    assert any("/pagefind/" in u for u in urls)  # the index came in pieces, on demand
    assert foreign(urls, server) == []


def test_a_former_ward_typed_without_diacritics_leads_to_the_ha_noi_page(page, server):
    urls = record_requests(page)
    page.goto(server.url(""), wait_until="networkidle")
    hrefs = header_search(page, "phuc xa")
    assert hrefs and hrefs[0] == "/" + PHUC_XA_NOW, hrefs
    first = page.locator(".md-search-result__list a").first
    assert "Phường Phúc Xá" in first.inner_text() and "Hà Nội" in first.inner_text()
    assert foreign(urls, server) == []


def find_commune(page, query: str):
    """Type `query` in "Find your commune"; the listed results once the status tells their number
    (or that nothing matches: the status then quotes the query)."""
    page.fill("#commune-query", query)
    page.wait_for_function(
        "q => { const s = document.getElementById('commune-status').textContent; return /\\d/.test(s) || s.includes(q); }",
        arg=query,
    )
    page.wait_for_timeout(300)
    return page.locator("#commune-results li")


def test_find_your_commune_lists_a_former_ward_typed_without_diacritics(page, server):
    urls = record_requests(page)
    page.goto(server.url("communes/"), wait_until="networkidle")
    assert not [u for u in urls if "/communes/lookup/" in u]  # nothing of the lookup before typing
    results = find_commune(page, "phuc xa")
    assert results.count() == 1
    text = results.first.inner_text()
    assert "Phường Phúc Xá" in text and "Quận Ba Đình" in text and "Hà Nội" in text
    link = results.first.locator("a.commune-link")
    assert link.get_attribute("href") == "../" + PHUC_XA_NOW
    assert link.inner_text() == "Phường Hồng Hà"
    assert [u for u in urls if urlsplit(u).path.endswith("/communes/lookup/phuc.json")]  # the shard of "phuc..." names only
    assert foreign(urls, server) == []


def test_find_your_commune_gives_enough_context_to_tell_namesakes_apart(page, server):
    page.goto(server.url("communes/"), wait_until="networkidle")
    results = find_commune(page, "xa tan thanh")
    assert results.count() > 10
    places = [re.sub(r"\s+", " ", t) for t in results.all_inner_texts()]
    assert len(set(places)) == len(places), "two results read the same"
    hrefs = results.locator("a.commune-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(re.fullmatch(r"\.\./provinces/[a-z0-9-]+/#unit-\d{5}", h) for h in hrefs), hrefs


def test_find_your_commune_shows_names_as_text(page, server):
    page.goto(server.url("communes/"), wait_until="networkidle")
    results = find_commune(page, "<b>phuc</b> xa")  # folded to "b phuc b xa": no match, and no markup
    assert results.count() == 0
    assert "<b>phuc</b> xa" in page.inner_text("#commune-status")
    assert page.locator("#commune-status b").count() == 0


def test_find_your_commune_without_javascript_points_to_the_province_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("communes/"))
    note = page.locator(".commune-noscript")
    assert note.is_visible()
    assert note.locator("a").get_attribute("href") == "../provinces/"
    context.close()


def test_clicking_a_result_opens_the_province_page_at_the_units_address(page, server):
    page.goto(server.url("communes/"), wait_until="networkidle")
    find_commune(page, "phuc xa").first.locator("a.commune-link").click()
    page.wait_for_load_state()
    assert page.url == server.url(PHUC_XA_NOW)
    assert page.locator("h1").first.inner_text().strip() == "Hà Nội"


# The anchor itself: every current unit has id="unit-<code>" on its province page (ARCHITECTURE.md).
def test_clicking_a_result_lands_on_the_current_units_anchor(page, server):
    page.goto(server.url("communes/"), wait_until="networkidle")
    find_commune(page, "phuc xa").first.locator("a.commune-link").click()
    page.wait_for_load_state()
    assert page.url == server.url(PHUC_XA_NOW)
    assert page.locator("#unit-00097").count() == 1, "no element with id unit-00097 on the Hà Nội page"
