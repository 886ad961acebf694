"""Benchmark chart rendering on the repository's chart plan: cold (no cache) and warm (cache
filled), serial (one process) against a process pool.

Plans the charts the site would have from datapackages/ (no validation); with fewer than
--min charts planned, adds synthetic requests so the pool has work. Writes only into
temporary folders.

With --data, measures the charts stage as the build runs it on that data folder instead (both
editions, charts past the first few of a page left to the browser; --inline-all draws every
chart, as builds did before): cold and warm seconds, the charts drawn and deferred, and the
largest province page's Markdown.

With --plan DATA, measures chart planning in this process (run it in a fresh one): every
edition's chart plan (pages/chart_plan.py), then every request's spec as a first build makes
it, cold (the kinds' templates compiled here: Altair's import included) and warm (compiled
already, as when a worker compiled them beside validation or the cache kept them), beside its
floor: writing the same specs' JSON from ready dicts, the least any way of making them costs.
It prints one line of JSON (bench_compare.py reads it). Only APIs that main had before this change (c3784d3, d02746c) are used, so
another checkout's interpreter can run this file to measure that checkout.

    .venv/bin/python benchmarks/bench_charts.py                 # serial vs 2 workers
    .venv/bin/python benchmarks/bench_charts.py --workers 4 --synthetic 200
    .venv/bin/python benchmarks/bench_charts.py --data /tmp/synthetic/datapackages
    .venv/bin/python benchmarks/bench_charts.py --plan datapackages
"""

from __future__ import annotations

import argparse
import json
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


def stage_run(data_dir: Path, workers: int | None, inline_all: bool) -> None:
    """The charts stage of a build on `data_dir`, cold then warm, and the pages it feeds."""
    from site_builder.dataset.load import load_package
    from site_builder.pages.chart_plan import plan_charts
    from site_builder.pages.editions import load_editions
    from site_builder.views import derive_site

    dataset, _ = load_package(data_dir)
    site = derive_site(dataset)
    editions = load_editions(("en", "vi"))
    plans = {e.lang: plan_charts(site, e.t) for e in editions}
    requests = [r for plan in plans.values() for r in plan.requests]
    deferred = frozenset() if inline_all else frozenset().union(*(getattr(p, "deferred", ()) for p in plans.values()))
    options = {"deferred": deferred} if deferred else {}
    print(f"{len(dataset.figures)} figure rows, {len(requests)} chart requests in {len(plans)} editions")
    with tempfile.TemporaryDirectory(prefix="bench-chart-stage-") as tmp:
        for run in ("cold", "warm"):
            started = time.perf_counter()
            rendered = render_charts(requests, Path(tmp) / run, workers=workers, cache_dir=Path(tmp) / "cache", **options)
            seconds = time.perf_counter() - started
            svgs = len(list((Path(tmp) / run / "assets" / "charts").glob("*.svg")))
            pngs = len(list((Path(tmp) / run / "assets" / "charts").glob("*.png")))
            print(f"charts stage, {run}: {seconds:6.2f} s; drawn at build time: {svgs} SVG, {pngs} PNG; ", end="")
            print(f"left to the browser: {sum(1 for c in rendered.values() if getattr(c, 'deferred', False))} charts")
        for e in editions:
            path, size = largest_province_page(site, rendered, plans[e.lang], e)
            print(f"largest province page ({e.lang}): {path}, {size:,} bytes of Markdown")


def largest_province_page(site, rendered, plan, edition) -> tuple[str, int]:
    """The longest generated province page of an edition: its path and its size in bytes."""
    from site_builder.pages.render import PageContext, render_pages

    context = PageContext("2025-11-01", "bench", "https://example.org/repo", "CC BY 4.0", "https://example.org/licence")
    pages = render_pages(site, rendered, plan, context, edition.t, to_site_root=edition.to_site_root)
    sizes = {path: len(text.encode("utf-8")) for path, text in pages.items() if path.startswith("provinces/")}
    path = max(sizes, key=lambda p: (sizes[p], p))
    return path, sizes[path]


def step(seconds: dict[str, float], name: str, work):
    """Run `work`; record its wall seconds as `name` and its CPU seconds as `name (CPU)`."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    seconds[name], seconds[f"{name} (CPU)"] = time.perf_counter() - wall, time.process_time() - cpu
    return result


def plan_run(data_dir: Path) -> dict:
    """Chart planning on `data_dir`, seconds of each step (see the module's docstring)."""
    from site_builder.dataset.load import load_package
    from site_builder.pages.chart_plan import plan_charts
    from site_builder.pages.editions import load_editions
    from site_builder.views import derive_site

    try:
        from site_builder.charts.spec_cache import request_specs
    except ImportError:  # before the spec cache had a module of its own
        from site_builder.charts.render import request_specs
    try:
        from site_builder.charts.cache import chart_store  # the memo store beside the cache folder (issue 24)
    except ImportError:  # before it, the cache folder itself

        def chart_store(folder: Path) -> Path:
            return folder

    dataset, _ = load_package(data_dir)
    site = derive_site(dataset)
    editions = load_editions(("en", "vi"))
    seconds: dict[str, float] = {}
    requests = step(seconds, "plan", lambda: [request for e in editions for request in plan_charts(site, e.t).requests])
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as tmp:
        for run in ("cold", "warm"):  # each with an empty cache folder, as a first build has
            cache = chart_store(Path(tmp) / run / "chart-cache")
            specs = step(seconds, f"specs {run}", lambda cache=cache: request_specs(requests, cache))
    ready = [json.loads(text) for text in dict(specs).values()]
    step(seconds, "floor", lambda: [json.dumps(s, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for s in ready])
    return {"figures": len(dataset.figures), "requests": len(requests), "distinct": len(ready), "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="processes of the parallel run (default 2)")
    parser.add_argument("--min", type=int, default=40, help="add synthetic charts below this many planned (default 40)")
    parser.add_argument("--synthetic", type=int, default=0, help="render this many synthetic charts instead of the plan")
    parser.add_argument("--data", type=Path, help="measure the charts stage of a build on this data folder")
    parser.add_argument("--inline-all", action="store_true", help="with --data: draw every chart at build time")
    parser.add_argument("--plan", type=Path, help="measure chart planning on this data folder (one line of JSON)")
    args = parser.parse_args(argv)

    if args.plan:
        print(json.dumps(plan_run(args.plan)))
        return 0

    if args.data:
        stage_run(args.data, args.workers, args.inline_all)
        return 0
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
            cold, distinct = timed(requests, workers, Path(cache) / "chart-cache")
            warm, _ = timed(requests, workers, Path(cache) / "chart-cache")
        label = "serial" if workers == 1 else f"{workers} workers"
        print(
            f"{label:>10}: cold {cold:6.2f} s ({distinct} distinct, {cold / distinct * 1000:5.1f} ms each)   warm {warm:6.2f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
