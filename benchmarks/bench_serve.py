"""Benchmark `site-builder serve`: seconds from saving an edit of figures.csv to the preview
serving the new page, and to the page open in a browser (headless Chromium) showing it.

Runs the preview on a copy of the project in /tmp (port chosen by the system), opens the page,
waits for the first build, then for each edit: writes the file, polls the preview's version
and the page over HTTP until both show the change, then waits for the open page to show it
(it reloads itself: the preview's script asks for the version every RELOAD_POLL_MS).

    .venv/bin/python benchmarks/bench_serve.py            # 3 edits of each kind
    .venv/bin/python benchmarks/bench_serve.py --edits 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from site_builder.preview.loop import preview_paths, serve
from site_builder.preview.server import RELOAD_POLL_MS, VERSION_PATH

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))  # the browser the tests use
from chromium import launch  # noqa: E402

PAGE = "provinces/lai-chau/"  # shows the first figure of figures.csv (lc-cadres-...)


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path.lstrip('/')}", timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(port: int, version: str, marker: str, started: float, timeout: float = 120) -> float:
    while time.perf_counter() - started < timeout:
        if fetch(port, VERSION_PATH) != version and marker in fetch(port, PAGE):
            return time.perf_counter() - started
        time.sleep(0.05)
    sys.exit(f"the preview did not show {marker!r} within {timeout} s")


def wait_in_browser(page, marker: str, started: float) -> float:
    # A function, not an expression, which Playwright would evaluate with eval: the pages' CSP forbids it.
    page.wait_for_function(f"() => document.body && document.body.innerText.includes({marker!r})", timeout=120_000, polling=20)
    return time.perf_counter() - started


def wait_until_idle(paths, lines: list[str], timeout: float = 60) -> None:
    """After the first build the preview copies the site aside for its next rebuild and checks
    the data in another process; edits start once both are done, so that no edit shares the
    two cores with them."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if paths.spare_site.exists() and any(line.startswith("The data") for line in lines):
            break
        time.sleep(0.1)
    time.sleep(0.5)


def edit_figure(root: Path, n: int) -> str:
    figures = root / "datapackages" / "reform" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    lines = text.split("\n")
    marker = f"Edit number {n} for the benchmark"
    lines[2] = lines[2].rsplit(".", 1)[0] + f". {marker}."
    figures.write_text("\n".join(lines), encoding="utf-8")
    return marker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=3, help="edits of the data (default 3)")
    parser.add_argument("--output", type=Path, default=None, help="also write the result as Markdown to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        root = Path(tmp)
        for name in ("datapackages", "docs", "mkdocs.yml"):
            subprocess.run(["cp", "-r", str(REPO / name), str(root / name)], check=True)
        ready, stop, lines = threading.Event(), threading.Event(), []
        port: list[int] = []
        thread = threading.Thread(
            target=serve,
            args=(preview_paths(root), 0),
            kwargs={"say": lines.append, "stop": stop, "on_ready": lambda p: (port.append(p), ready.set())},
            daemon=True,
        )
        thread.start()
        if not ready.wait(600):
            sys.exit("the first preview build did not finish: " + "\n".join(lines))
        wait_until_idle(preview_paths(root), lines)
        served, shown = [], []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port[0]}/{PAGE}")
            for n in range(1, args.edits + 1):
                version = fetch(port[0], VERSION_PATH)
                started = time.perf_counter()
                marker = edit_figure(root, n)
                served.append(wait_for(port[0], version, marker, started))
                shown.append(wait_in_browser(page, marker, started))
                print(f"edit {n}: served after {served[-1]:.2f} s, shown in the browser after {shown[-1]:.2f} s", file=sys.stderr)
                time.sleep(5)  # the data check after the rebuild (another process) ends first
            browser.close()
        stop.set()
        thread.join(60)
    rebuilt = [f"- {line}" for line in lines if line.startswith("Rebuilt")]
    text = "\n".join(
        [
            "## `make serve`: from saving figures.csv to the page shown again",
            "",
            f"Today's data, English edition, {len(served)} edits (benchmarks/bench_serve.py), seconds from saving:",
            "",
            "| | median | min | max |",
            "|---|--:|--:|--:|",
            f"| the new page served | {statistics.median(served):.2f} | {min(served):.2f} | {max(served):.2f} |",
            f"| shown in the open page (headless Chromium; it asks every {RELOAD_POLL_MS / 1000:g} s) | "
            f"{statistics.median(shown):.2f} | {min(shown):.2f} | {max(shown):.2f} |",
            "",
            "The preview's own lines:",
            "",
            *rebuilt,
            "",
        ]
    )
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
