"""First-load weight of a few pages: what each downloads before the reader interacts, as bytes on
the wire from a server that compresses text with gzip (level 6) as a static host does, measured by
loading the page in headless Chromium and summing every response until the network is idle
(tests/e2e/first_load.py), not by parsing the HTML. Beside each page, mkdocs-material's own
stylesheets and script: the floor of any page of this theme that loads them all.

    .venv/bin/python benchmarks/bench_first_load.py              # builds the site into a temporary folder
    .venv/bin/python benchmarks/bench_first_load.py --site site  # measures an existing build
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))  # the measurement is the browser tests' own

from chromium import launch  # noqa: E402
from compressed_server import CompressedSiteServer  # noqa: E402
from first_load import BUDGET_BYTES, FONT_BUDGET_BYTES, VIEWPORTS, measure_first_load, theme_floor  # noqa: E402

PAGES = (
    "",
    "provinces/quang-ngai/",
    "provinces/former/kon-tum/",
    "indicators/commune-level-units/",
    "data/",
    "communes/",
)
EDITIONS = ("", "vi/")


def build(folder: Path) -> Path:
    from site_builder.pipeline import BuildPaths, build_site

    paths = BuildPaths.for_project(REPO, site_dir=folder / "site", work_dir=folder / "build")
    build_site(paths, progress=lambda line: None)
    return paths.site_dir


def measure(site: Path) -> list[str]:
    """The Markdown table of every page in both editions and both viewports."""
    from playwright.sync_api import sync_playwright

    floor = theme_floor(site)
    lines = [
        f"Budget {BUDGET_BYTES:,} bytes besides the charts' font, and {FONT_BUDGET_BYTES:,} for that font. "
        f"Floor: mkdocs-material's main CSS, palette CSS and script, {floor:,} bytes compressed (a page that loads all three).",
        "",
        "| page | viewport | files | bytes on the wire | of which Material's | of which the charts' font | within budget |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    server = CompressedSiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for page in (edition + path for edition in EDITIONS for path in PAGES):
                for name, viewport in VIEWPORTS.items():
                    load = measure_first_load(browser, server.url(page), viewport)
                    ok = load.page_bytes <= BUDGET_BYTES and load.font_bytes <= FONT_BUDGET_BYTES
                    lines.append(
                        f"| /{page} | {name} | {len(load.files)} | {load.total_bytes:,} | {load.theme_bytes:,} | "
                        f"{load.font_bytes:,} | {'yes' if ok else '**no**'} |"
                    )
            browser.close()
    finally:
        server.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one into a temporary folder)")
    args = parser.parse_args()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"## First load (benchmarks/bench_first_load.py, {when})\n")
    if args.site:
        if not (args.site / "index.html").is_file():
            sys.exit(f"{args.site} has no index.html: build the site first (make site) or leave out --site.")
        print("\n".join(measure(args.site)) + "\n")
        return
    with tempfile.TemporaryDirectory(prefix="bench-first-load-") as tmp:
        print("\n".join(measure(build(Path(tmp)))) + "\n")


if __name__ == "__main__":
    main()
