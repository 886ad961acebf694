"""Shared set-up of the browser tests: one real site built per session (into a temporary
folder, through the library, never the repository's site/), a fixture site with hostile text,
a local HTTP server for each on 127.0.0.1, and Debian's Chromium driven by Playwright.

Chromium missing is a failure with the fix in the message, not a skip: `make test` must run these.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # for the fixture project under tests/fixtures/
    sys.path.insert(0, str(TESTS))

from fixtures.build.project import REPO, make_fixture_project  # noqa: E402
from site_builder.pipeline import BuildPaths, build_site  # noqa: E402

# Debian's Chromium by default; CI on GitHub's runners points CHROMIUM at Playwright's build.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".csv": "text/csv; charset=utf-8",
    }

    def log_message(self, format, *args):  # keep test output clean
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops connections it no longer needs (a download, a prefetch): not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class LocalServer:
    """A static file server on 127.0.0.1 with an ephemeral port, in a daemon thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's data built once, validated, into a temporary folder."""
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
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)  # pages with every unit of a province are heavy on a busy 2-core machine
    yield page
    context.close()
