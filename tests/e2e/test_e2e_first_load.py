"""First load: what a page downloads before the reader interacts, compressed as a static host
serves it, stays within 60 KB on every kind of page, in both editions, on a phone and a laptop,
and the charts' font within 24 KB more (first_load.py measures it in headless Chromium). mkdocs-material's script, which waits for the
reader's first interaction, arrives when they do.
"""

from __future__ import annotations

import re

import pytest
from checked_pages import EDITIONS, PAGES
from compressed_server import CompressedSiteServer
from first_load import BUDGET_BYTES, FONT_BUDGET_BYTES, VIEWPORTS, measure_first_load

from fixtures.build.project import REPO

pytestmark = pytest.mark.browser

THEME_SCRIPT = REPO / "site_builder" / "theme" / "partials" / "theme-script.html"


@pytest.fixture(scope="module")
def compressed_server(real_site):
    server = CompressedSiteServer(real_site)
    yield server
    server.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=VIEWPORTS.keys())
@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_first_load_of_a_page_is_within_the_budget(browser, compressed_server, path, edition, viewport):
    load = measure_first_load(browser, compressed_server.url(edition + path), VIEWPORTS[viewport])
    assert load.files, f"nothing was downloaded for {load.url}"
    if load.page_bytes > BUDGET_BYTES:
        pytest.fail(
            f"first load over {BUDGET_BYTES:,} bytes besides the charts' font ({viewport}):\n{load.describe()}", pytrace=False
        )
    if load.font_bytes > FONT_BUDGET_BYTES:
        pytest.fail(f"the charts' font over {FONT_BUDGET_BYTES:,} bytes ({viewport}):\n{load.describe()}", pytrace=False)


def test_the_theme_script_arrives_with_the_first_interaction(browser, compressed_server):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    try:
        page.goto(compressed_server.url("provinces/quang-ngai/"), wait_until="networkidle")
        assert page.evaluate("() => !window.__md_theme_loaded")
        page.mouse.wheel(0, 400)
        page.wait_for_function("() => window.__md_theme_loaded === true")
        # Material's script has started: it wraps the page's tables in its scroll container.
        page.wait_for_selector(".md-typeset__scrollwrap", state="attached")
    finally:
        page.close()


def test_the_deferred_theme_script_is_the_installed_themes():
    import material

    base = (REPO.joinpath(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    bundle = re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", base).group(0)
    assert f"'{bundle}'" in THEME_SCRIPT.read_text(encoding="utf-8"), (
        f"mkdocs-material now ships {bundle}: update partials/theme-script.html to load it"
    )
