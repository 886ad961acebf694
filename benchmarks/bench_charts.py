"""Benchmark chart rendering on the repository's chart plan: cold (no cache) and warm (cache
filled), serial (one process) against a process pool.

Plans the charts the site would have from datapackages/ (no validation); with fewer than
--min charts planned, adds synthetic requests so the pool has work. Writes only into
temporary folders.

    .venv/bin/python benchmarks/bench_charts.py                 # serial vs 2 workers
    .venv/bin/python benchmarks/bench_charts.py --workers 4 --synthetic 200
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from site_builder.charts import ChartRequest, ChartRow, render_charts

REPO = Path(__file__).resolve().parents[1]


def planned_requests() -> list[ChartRequest]:
    """The site's own chart requests, as the build plans them."""
    from site_builder.dataset.load import load_package
    from site_builder.pages.chart_plan import plan_charts
    from site_builder.pages.translations import load_translations
    from site_builder.views import derive_site

    dataset, _ = load_package(REPO / "datapackages")
    return list(plan_charts(derive_site(dataset), load_translations("en")).requests)


def synthetic_requests(count: int) -> list[ChartRequest]:
    """`count` distinct charts of the three kinds, shaped like the real ones."""
    kinds = ("before_after", "series", "ranking")
    requests = []
    for i in range(count):
        kind = kinds[i % 3]
        size = 34 if kind == "ranking" else 3
        rows = tuple(
            ChartRow(
                f"{2019 + j}" if kind == "series" else f"Province {j}",
                float(97 * i + 13 * j + 1),
                "Before" if j == 0 else "After",
                f"note {j}",
            )
            for j in range(size)
        )
        requests.append(ChartRequest(f"bench-{i:04d}", f"Chart {i}", "A synthetic chart.", kind, rows, "units", "Date"))
    return requests


def timed(requests, workers: int, cache: Path | None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="bench-charts-") as docs:
        started = time.perf_counter()
        rendered = render_charts(requests, Path(docs), workers=workers, cache_dir=cache)
        return time.perf_counter() - started, len({c.svg_path for c in rendered.values()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel run (default 2)")
    parser.add_argument("--min", type=int, default=40, help="add synthetic charts below this many planned (default 40)")
    parser.add_argument("--synthetic", type=int, default=0, help="render this many synthetic charts instead of the plan")
    args = parser.parse_args(argv)

    if args.synthetic:
        requests, origin = synthetic_requests(args.synthetic), "synthetic"
    else:
        requests, origin = planned_requests(), "planned"
        if len(requests) < args.min:
            requests += synthetic_requests(args.min - len(requests))
            origin = "planned + synthetic"
    print(f"{len(requests)} chart requests ({origin})")
    for workers in (1, args.workers):
        with tempfile.TemporaryDirectory(prefix="bench-chart-cache-") as cache:
            cold, distinct = timed(requests, workers, Path(cache))
            warm, _ = timed(requests, workers, Path(cache))
        label = "serial" if workers == 1 else f"{workers} workers"
        print(
            f"{label:>10}: cold {cold:6.2f} s ({distinct} distinct, {cold / distinct * 1000:5.1f} ms each)   warm {warm:6.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
