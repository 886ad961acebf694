"""Benchmark `site-builder build` on the repository's data, beside its floor measured in the
same run, and write benchmarks/RESULTS.md.

For each run, in a fresh temporary folder (never the repository's site/):
- a clean build (empty build folder: every chart drawn);
- a rebuild with nothing changed (the same build folder: the chart cache is warm);
- the floor: MkDocs + Material alone building the same generated pages (the staging folders
  and configurations the build wrote), for every edition, into a throwaway folder.
Then the site's size and the first-load weight of a few pages: the HTML and every stylesheet,
script and image it names, raw and gzip-compressed as a static host serves them.

    .venv/bin/python benchmarks/bench_build.py              # 3 runs, writes benchmarks/RESULTS.md
    .venv/bin/python benchmarks/bench_build.py --runs 5 --workers 1 --output /tmp/results.md
    .venv/bin/python benchmarks/bench_build.py --languages en   # the English edition alone
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from site_builder.pipeline import STAGES, BuildPaths, build_site
from site_builder.publish.mkdocs_run import run_mkdocs

REPO = Path(__file__).resolve().parents[1]
PAGES = ("index.html", "provinces/quang-ngai/index.html", "data/index.html", "vi/provinces/quang-ngai/index.html")
# What a browser fetches on first paint: stylesheets, scripts and images the HTML names.
ASSET_REFERENCE = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"#?]+)')
# Material's built-in search (where the page has its search component) starts a worker on page
# load, which downloads the whole index.
SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+)"')


def first_load(site: Path, page: str) -> tuple[int, int, int]:
    """(raw bytes, gzip bytes, files) of a page's HTML plus every local stylesheet, script and
    image it references."""
    html_path = site / page
    if not html_path.is_file():
        return 0, 0, 0
    files = [html_path]
    html = html_path.read_text(encoding="utf-8")
    for reference in sorted(set(ASSET_REFERENCE.findall(html))):
        asset = (html_path.parent / reference).resolve()
        if asset.is_file() and asset.is_relative_to(site.resolve()):
            files.append(asset)
    worker = SEARCH_WORKER.search(html) if 'data-md-component="search"' in html else None
    if worker and (html_path.parent / worker.group(1)).is_file():
        index = html_path.parent / worker.group(1).split("assets/")[0] / "search" / "search_index.json"
        files += [html_path.parent / worker.group(1)] + ([index] if index.is_file() else [])
    data = [f.read_bytes() for f in files]
    return sum(map(len, data)), sum(len(gzip.compress(d, compresslevel=6)) for d in data), len(files)


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def mkdocs_floor(paths: BuildPaths, date: str) -> float:
    """Seconds MkDocs alone takes to build the pages the build generated, every edition."""
    configs = sorted(paths.work_dir.glob("mkdocs*.yml"), key=lambda p: (p.name != "mkdocs.yml", p.name))
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as out:
        started = time.perf_counter()
        for config in configs:
            folder = config.name.removeprefix("mkdocs").removesuffix(".yml").strip(".")
            run_mkdocs(config, Path(out) / folder if folder else Path(out), date)
        return time.perf_counter() - started


def one_run(workers: int | None, languages: tuple[str, ...]) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        paths = BuildPaths.for_project(REPO, site_dir=Path(tmp) / "site", work_dir=Path(tmp) / "build")
        clean = build_site(paths, workers=workers, languages=languages, progress=lambda line: None)
        rebuild = build_site(paths, workers=workers, languages=languages, progress=lambda line: None)
        floor = mkdocs_floor(paths, clean.build_date)
        return {
            "clean": clean.total_seconds,
            "rebuild": rebuild.total_seconds,
            "floor": floor,
            "stages": {t.name: t.seconds for t in clean.timings},
            "rebuild_stages": {t.name: t.seconds for t in rebuild.timings},
            "pages": clean.pages,
            "charts": clean.charts,
            "size": site_size(paths.site_dir),
            "first_load": {page: first_load(paths.site_dir, page) for page in PAGES},
        }


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"


def report(runs: list[dict], workers: int | None, languages: tuple[str, ...]) -> str:
    last = runs[-1]
    floor = statistics.median(r["floor"] for r in runs)
    clean = statistics.median(r["clean"] for r in runs)
    rebuild = statistics.median(r["rebuild"] for r in runs)
    lines = [
        "# Build benchmark",
        "",
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC by `make benchmark` (benchmarks/bench_build.py): "
        f"{len(runs)} runs, {os.cpu_count()} cores, Python {platform.python_version()}, chart workers: {workers or 'one per core'}, "
        f"editions: {', '.join(languages)}. "
        f"{last['pages']} generated pages, {last['charts']} charts. Medians, with min and max.",
        "",
        "| what | time | × floor |",
        "|---|--:|--:|",
        f"| clean build | {median([r['clean'] for r in runs])} | {clean / floor:.1f}× |",
        f"| rebuild, nothing changed | {median([r['rebuild'] for r in runs])} | {rebuild / floor:.1f}× |",
        f"| floor: MkDocs + Material alone on the same pages | {median([r['floor'] for r in runs])} | 1.0× |",
        "",
        "| stage | clean build | rebuild, nothing changed |",
        "|---|--:|--:|",
    ]
    for name in STAGES:
        lines.append(
            f"| {name} | {statistics.median(r['stages'].get(name, 0) for r in runs):.2f} s "
            f"| {statistics.median(r['rebuild_stages'].get(name, 0) for r in runs):.2f} s |"
        )
    size, files = last["size"]
    lines += [
        "",
        f"Site: {size:,} bytes in {files:,} files.",
        "",
        "| first load of | files | bytes | gzip bytes |",
        "|---|--:|--:|--:|",
    ]
    for page, (raw, packed, count) in last["first_load"].items():
        lines.append(f"| `{page}` | {count} | {raw:,} | {packed:,} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="number of runs (default 3)")
    parser.add_argument("--workers", type=int, default=None, help="chart rendering processes (default: one per core)")
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "RESULTS.md", help="where to write the results")
    parser.add_argument("--languages", default="en,vi", help="the editions to build, comma-separated (default: en,vi)")
    args = parser.parse_args(argv)
    runs = []
    for number in range(1, args.runs + 1):
        runs.append(one_run(args.workers, tuple(args.languages.split(","))))
        r = runs[-1]
        print(
            f"run {number}/{args.runs}: clean {r['clean']:.2f} s, rebuild {r['rebuild']:.2f} s, floor {r['floor']:.2f} s",
            file=sys.stderr,
        )
    text = report(runs, args.workers, tuple(args.languages.split(",")))
    args.output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.output}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
