"""Accessibility in headless Chromium: axe-core (exact version in package.json, installed by
`npm ci`) finds no serious or critical violation on one page of each kind, in both editions and
both colour schemes (Material takes its light or dark palette from the reader's preference), nor
in the header's search box with results open.

axe.min.js missing is a failure with the fix in the message, not a skip: `make test` must run these.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checked_pages import EDITIONS, PAGES

from fixtures.build.project import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

SCHEMES = ["light", "dark"]
MATERIAL_SCHEMES = {"default": "light", "slate": "dark"}  # data-md-color-scheme's values
BLOCKING = {"serious", "critical"}
SHOWN_TARGETS = 3


@pytest.fixture(scope="session")
def axe_script():
    if not AXE.is_file():
        pytest.fail(
            f"The accessibility tests need axe-core at {AXE}: run npm ci in {REPO} "
            "(package.json pins axe-core; .ci/run does this), then run the tests again.",
            pytrace=False,
        )
    return str(AXE)


@pytest.fixture(params=SCHEMES)
def scheme_page(request, browser):
    """A page whose reader prefers the light or the dark colour scheme."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def blocking_violations(page, axe_script: str) -> list[dict]:
    """axe-core's violations of impact serious or critical on the page as it is now."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy runs no inline script.
    page.evaluate(Path(axe_script).read_text(encoding="utf-8"))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """One line per violation: rule id, impact, how many elements, the first few target selectors."""
    lines = []
    for v in violations:
        targets = [" ".join(map(str, node["target"])) for node in v["nodes"][:SHOWN_TARGETS]]
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} elements: {v['help']}) at {targets}")
    return "\n".join(lines)


def where(page) -> str:
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    return f"{page.url} ({MATERIAL_SCHEMES.get(scheme, scheme)} scheme)"


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/") or "home")
def test_page_has_no_serious_or_critical_axe_violation(axe_script, scheme_page, server, path, edition):
    scheme_page.goto(server.url(edition + path), wait_until="networkidle")
    if found := blocking_violations(scheme_page, axe_script):
        pytest.fail(f"axe-core on {where(scheme_page)}:\n{describe(found)}", pytrace=False)


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_header_search_with_results_has_no_serious_or_critical_axe_violation(axe_script, scheme_page, server, edition):
    page = scheme_page
    page.goto(server.url(edition + "provinces/quang-ngai/"), wait_until="networkidle")
    page.locator(".site-search .md-search__input").fill("quang ngai")
    page.wait_for_function("() => document.querySelectorAll('.site-search .md-search-result__list a').length > 0")
    page.wait_for_timeout(700)  # debounced: let the results settle before axe reads them
    if found := blocking_violations(page, axe_script):
        pytest.fail(f"axe-core on {where(page)} with the header search's results open:\n{describe(found)}", pytrace=False)


@pytest.mark.parametrize("edition", EDITIONS.values(), ids=EDITIONS.keys())
def test_find_your_commune_with_results_has_no_serious_or_critical_axe_violation(axe_script, scheme_page, server, edition):
    page = scheme_page
    page.goto(
        server.url(edition + "communes/?q=Ph%C6%B0%E1%BB%9Dng%20Nh%E1%BA%ADt%20T%C3%A2m%2C%20T%C3%A2y%20H%E1%BB%93"),
        wait_until="networkidle",
    )
    page.wait_for_function("() => document.getElementById('commune-finder').hasAttribute('data-match')")
    if found := blocking_violations(page, axe_script):
        pytest.fail(f"axe-core on {where(page)} with the lookup's results shown:\n{describe(found)}", pytrace=False)
