"""What a page downloads before the reader interacts, measured in headless Chromium: the page is
loaded from a compressing server (compressed_server.py) and left alone until the network has
been idle; every response is counted at the bytes it took on the wire (its Content-Length, which
is the gzip size for text). Shared by tests/e2e/test_e2e_first_load.py and
benchmarks/bench_first_load.py.

mkdocs-material's own stylesheets and script are the floor: they are reported apart, as
`theme_bytes`, beside the page's total. The charts' font (`font_bytes`) has a budget of its own:
the same two files on every page with a chart, pinned by the project so the browser draws the
charts as they were measured.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path

# mkdocs-material's own files: assets/stylesheets/main.<hash>.min.css, palette.<hash>.min.css,
# assets/javascripts/bundle.<hash>.min.js (the site's own assets live beside them, unhashed).
THEME_ASSET = re.compile(r"/assets/(stylesheets/(main|palette)|javascripts/bundle)\.[0-9a-f]{8}\.min\.(css|js)$")
# The charts' pinned font (site_builder/charts/typeface.py), both weights as WOFF2: what a page
# with a chart loads so that the browser draws the chart as it was measured (issue 23).
CHART_FONT = re.compile(r"/assets/fonts/[^/]+\.woff2$")
BUDGET_BYTES = 60 * 1024  # everything but the charts' font
FONT_BUDGET_BYTES = 24 * 1024  # the charts' font, both weights
# A phone, as Lighthouse's mobile profile, and a laptop: what is in view decides what loads (charts).
VIEWPORTS = {"mobile": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 900}}
SETTLE_MS = 1000  # after the network is idle: late timers (a chart's loader) would start by then


@dataclass
class FirstLoad:
    """The responses of one page load: (path, bytes on the wire) in the order they arrived."""

    url: str
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(size for _, size in self.files)

    @property
    def theme_bytes(self) -> int:
        return sum(size for path, size in self.files if THEME_ASSET.search(path))

    @property
    def font_bytes(self) -> int:
        return sum(size for path, size in self.files if CHART_FONT.search(path))

    @property
    def page_bytes(self) -> int:
        """Everything but the charts' font: what BUDGET_BYTES limits."""
        return self.total_bytes - self.font_bytes

    def describe(self) -> str:
        lines = [f"{self.url}: {self.total_bytes:,} bytes in {len(self.files)} files"]
        lines += [f"  {size:>9,}  {path}" for path, size in sorted(self.files, key=lambda f: -f[1])]
        return "\n".join(lines)


def measure_first_load(browser, url: str, viewport: dict) -> FirstLoad:
    """Load `url` in a fresh context (empty cache) and count every response until the network
    has been idle for SETTLE_MS, without any interaction."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    load = FirstLoad(url)
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle", timeout=60_000)
        page.wait_for_timeout(SETTLE_MS)
        page.wait_for_load_state("networkidle")
        for response in responses:
            if not response.url.startswith(("http://", "https://")):
                continue  # data: URIs cost no request
            load.files.append(("/" + response.url.split("://", 1)[1].split("/", 1)[-1], wire_bytes(response)))
    finally:
        context.close()
    return load


def wire_bytes(response) -> int:
    """The body's size as sent: Content-Length (compressed when the server compressed it)."""
    length = response.all_headers().get("content-length")
    if length is not None:
        return int(length)
    return len(response.body())


def theme_floor(site: Path) -> int:
    """Bytes of mkdocs-material's own stylesheets and script, gzip level 6 as served: what a page
    of this theme downloads at least when it loads them all."""
    theme_files = [p for p in (site / "assets").rglob("*.min.*") if THEME_ASSET.search("/" + p.as_posix())]
    return sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in theme_files)
