"""Benchmark `site-builder build` on the repository's data: stage timings, total, site size and
the weight of a province page on first load.

Runs the full pipeline (validation included) into temporary folders, never the repository's
site/. Each run starts from an empty build folder, so every run renders every chart.

    .venv/bin/python benchmarks/bench_build.py            # 3 runs, one chart worker per core
    .venv/bin/python benchmarks/bench_build.py --runs 5 --workers 1
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

from site_builder.pipeline import STAGES, BuildPaths, build_site

REPO = Path(__file__).resolve().parents[1]
PROVINCE_PAGE = "provinces/quang-ngai/index.html"
# What a browser fetches on first paint: stylesheets, scripts and images the HTML names.
ASSET_REFERENCE = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"#?]+)')


def first_load_bytes(site: Path, page: str) -> tuple[int, int]:
    """Bytes of the page's HTML plus every local stylesheet, script and image it references."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    total, count = len(html.encode("utf-8")), 1
    for reference in sorted(set(ASSET_REFERENCE.findall(html))):
        asset = (html_path.parent / reference).resolve()
        if asset.is_file() and asset.is_relative_to(site.resolve()):
            total += asset.stat().st_size
            count += 1
    return total, count


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="number of full builds (default 3)")
    parser.add_argument("--workers", type=int, default=None, help="chart rendering processes (default: one per core)")
    args = parser.parse_args(argv)

    per_stage: dict[str, list[float]] = {name: [] for name in STAGES}
    totals: list[float] = []
    site = None
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            paths = BuildPaths.for_project(REPO, site_dir=Path(tmp) / "site", work_dir=Path(tmp) / "build")
            result = build_site(paths, workers=args.workers, progress=lambda line: None)
            for timing in result.timings:
                per_stage[timing.name].append(timing.seconds)
            totals.append(result.total_seconds)
            print(f"run {run}/{args.runs}: {result.total_seconds:.2f} s, {result.pages} pages, {result.charts} charts", file=sys.stderr)
            if run == args.runs:
                size, files = site_size(paths.site_dir)
                page_bytes, page_files = first_load_bytes(paths.site_dir, PROVINCE_PAGE)

    print(f"{'stage':<12}{'median s':>10}{'min s':>10}{'max s':>10}")
    for name, values in per_stage.items():
        if values:
            print(f"{name:<12}{statistics.median(values):>10.2f}{min(values):>10.2f}{max(values):>10.2f}")
    print(f"{'total':<12}{statistics.median(totals):>10.2f}{min(totals):>10.2f}{max(totals):>10.2f}")
    print(f"site: {size:,} bytes in {files:,} files")
    print(f"{PROVINCE_PAGE}: {page_bytes:,} bytes on first load ({page_files} files: HTML, CSS, scripts, images)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
