"""Benchmark `site-builder serve`: seconds from saving an edit to the preview serving the new
page (and telling open pages to reload), for an edit of figures.csv and of a template.

Runs the preview on a copy of the project in /tmp (port chosen by the system), waits for the
first build, then for each edit: writes the file, and polls the preview's version and the page
until both show the change. A browser polling every 0.5 s adds at most that much.

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

from site_builder.preview.loop import preview_paths, serve
from site_builder.preview.server import VERSION_PATH

REPO = Path(__file__).resolve().parents[1]
PAGE = "provinces/lai-chau/"  # shows the first figure of figures.csv (lc-cadres-...)


def fetch(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path.lstrip('/')}", timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(port: int, version: str, marker: str, timeout: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if fetch(port, VERSION_PATH) != version and marker in fetch(port, PAGE):
            return time.perf_counter() - started
        time.sleep(0.05)
    sys.exit(f"the preview did not show {marker!r} within {timeout} s")


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
        time.sleep(5)  # let the first validation finish
        seconds = []
        for n in range(1, args.edits + 1):
            version = fetch(port[0], VERSION_PATH)
            marker = edit_figure(root, n)
            seconds.append(wait_for(port[0], version, marker))
            print(f"edit {n}: the preview showed it after {seconds[-1]:.2f} s", file=sys.stderr)
            time.sleep(4)  # the validation after the rebuild
        stop.set()
        thread.join(60)
    rebuilt = [f"- {line}" for line in lines if line.startswith("Rebuilt")]
    text = "\n".join(
        [
            "## `make serve`: from saving figures.csv to the page served again",
            "",
            f"Today's data, English edition, {len(seconds)} edits (benchmarks/bench_serve.py): median "
            f"{statistics.median(seconds):.2f} s (min {min(seconds):.2f}, max {max(seconds):.2f}); an open page "
            "polls every 0.5 s, so it shows the change at most 0.5 s later. The preview's own lines:",
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
