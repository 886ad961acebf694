"""Shared set-up of the browser tests: one real site built per session (into a temporary
folder, through the library, never the repository's site/), a fixture site with hostile text,
a local HTTP server for each on 127.0.0.1, and Debian's Chromium driven by Playwright.

Chromium missing is a failure with the fix in the message, not a skip: `make test` must run these.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # for the fixture project under tests/fixtures/
    sys.path.insert(0, str(TESTS))

from chromium import CHROMIUM, launch  # noqa: E402
from local_server import LocalServer, SiteBelowItsPath  # noqa: E402

from fixtures.build.project import REPO, make_fixture_project  # noqa: E402
from site_builder.pipeline import BuildPaths, build_site  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's data built once, validated, into a temporary folder; or the site in
    TEST_SITE, which `make test` builds just before (`<folder>/site`, its work folder beside it as
    `<folder>/build`), so that parallel test processes share one build."""
    shared = os.environ.get("TEST_SITE")
    if shared:
        site = Path(shared).resolve()
        if not (site / "index.html").is_file() or not (site.parent / "build").is_dir():
            pytest.fail(f"TEST_SITE={shared} is not a built site with its work folder beside it: run `make test`.", pytrace=False)
        return site
    tmp = tmp_path_factory.mktemp("real-site")
    paths = BuildPaths.for_project(REPO, site_dir=tmp / "site", work_dir=tmp / "build")
    build_site(paths, progress=lambda line: None)
    return paths.site_dir


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture package (quotes with markup, a javascript: address) built without validation."""
    paths = make_fixture_project(tmp_path_factory.mktemp("fixture-site"))
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None)
    return paths.site_dir


@pytest.fixture(scope="session")
def server(real_site):
    s = LocalServer(real_site)
    yield s
    s.close()


@pytest.fixture(scope="session")
def server_below_path(real_site):
    """The real site served below site_url's path (/data/), any other address answered by its 404 page."""
    s = LocalServer(real_site, handler=SiteBelowItsPath)
    yield s
    s.close()


@pytest.fixture(scope="session")
def fixture_server(fixture_site):
    s = LocalServer(fixture_site)
    yield s
    s.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}: install Debian's with "
            "`apt-get install chromium` (.ci/run does this), or set CHROMIUM to the path of another "
            "Chromium executable, then run the tests again.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)  # pages with every unit of a province are heavy on a busy 2-core machine
    yield page
    context.close()
