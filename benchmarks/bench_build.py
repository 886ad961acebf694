"""Benchmark `site-builder build` beside its floor measured in the same run, at today's data and
at synthetic multiples of it, and write benchmarks/RESULTS.md.

Every time is a whole process (`python -m site_builder build`, `python -m mkdocs build`), run
in a fresh project folder in /tmp (never the repository's site/ or build/). For each scale and run:
- clean: an empty build folder (every chart drawn, every page rendered);
- no change: the same command again;
- one figure: the notes of one figure edited, then the same command;
- floor: MkDocs + Material alone building the same generated pages (the docs folders and
  configurations the build wrote, less the build's own MkDocs hook, publish/raw_html.py), every
  edition, one process each, into a throwaway folder.
Then peak memory (the build process's maximum resident set), the site's size, and the
first-load weight of a few pages (bench_first_load.py measures it in a browser).

    .venv/bin/python benchmarks/bench_build.py                      # 1x and 10x, 3 runs, writes RESULTS.md
    .venv/bin/python benchmarks/bench_build.py --scales 1,10,100 --runs 1 --output /tmp/results.md
    .venv/bin/python benchmarks/bench_build.py --scales 1 --rows 10000 --runs 1   # also exactly 10k rows
    .venv/bin/python benchmarks/bench_build.py --python /tmp/before/.venv/bin/python  # another checkout's build

bench_compare.py runs this and bench_charts.py --plan on two checkouts, interleaved.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402  (benchmarks/synthetic.py, beside this file)
from processes import Measured, run_measured  # noqa: E402

from site_builder.pipeline import STAGES  # noqa: E402
from site_builder.publish.mkdocs_config import without_raw_html_hook  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = ("clean", "no change", "one figure")
STAGE_LINE = re.compile(r"^\[\s*\d+/\d+\]\s+(\S+)\s+([\d.]+) s")
DATE = "1764028800"  # SOURCE_DATE_EPOCH: 2025-11-25, so every run builds the same bytes


def timed(command: list[str], cwd: Path) -> Measured:
    """A whole process, measured (processes.py); fails loudly."""
    run = run_measured(command, cwd, env={**os.environ, "SOURCE_DATE_EPOCH": DATE})
    if run.returncode:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}):\n{run.output[-3000:]}")
    return run


def build(root: Path, python: str = sys.executable) -> dict:
    """One `site-builder build` by `python` (its installed site_builder: this checkout's or another's)."""
    run = timed([python, "-m", "site_builder", "build", "--root", str(root)], root)
    stages = {m.group(1): float(m.group(2)) for m in map(STAGE_LINE.match, run.output.splitlines()) if m}
    up_to_date = "Nothing changed" in run.output
    return {"seconds": run.seconds, "cpu": run.cpu_seconds, "peak_kib": run.peak_kib, "stages": stages, "up_to_date": up_to_date}


def floor(root: Path) -> tuple[float, float]:
    """Wall and CPU seconds MkDocs alone takes on the pages and configurations the build wrote,
    every edition: MkDocs + Material without the build's hook that keeps the pages' HTML out of
    Markdown (publish/raw_html.py), as the floor is defined: what MkDocs itself costs on these pages."""
    wall = cpu = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as out, without_raw_html_hook(root / "build") as configs:
        for config, folder in configs:
            drop_any_raw_html_hook(config)
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(Path(out) / folder)]
            run = timed(command, root)
            wall, cpu = wall + run.seconds, cpu + run.cpu_seconds
    return wall, cpu


def drop_any_raw_html_hook(config: Path) -> None:
    """Take out of a configuration the raw_html.py hook of any checkout: without_raw_html_hook
    knows this checkout's path only, and a build by another one (--python, bench_compare.py)
    names its own, which left in would make that side's floor MkDocs with the hook."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    hooks = [h for h in settings.get("hooks") or [] if Path(h).parts[-3:] != ("site_builder", "publish", "raw_html.py")]
    if hooks != (settings.get("hooks") or []):
        settings["hooks"] = hooks
        config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit_one_figure(root: Path) -> None:
    """Append " (edited)" to the notes of the first figure: a change every reader would see. The
    column is found by name (figures.status now follows it); the file is written back in its own
    dialect (csv's minimal quoting, LF), so no other row changes by a byte."""
    figures = root / "datapackages" / "reform" / "figures.csv"
    with figures.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    notes = rows[0].index("notes")
    rows[1][notes] = f"{rows[1][notes]} (edited)".lstrip()
    with figures.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)


def one_run(data: Path, python: str = sys.executable) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        subprocess.run(["cp", "-r", str(data), str(root / "datapackages")], check=True)
        synthetic.make_project(root)
        results = {"clean": build(root, python), "no change": build(root, python)}
        edit_one_figure(root)
        results["one figure"] = build(root, python)
        results["floor"], results["floor cpu"] = floor(root)
        results["size"] = site_size(root / "site")
        return results


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def describe(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s" + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


def scale_report(title: str, runs: list[dict]) -> list[str]:
    fl = statistics.median(r["floor"] for r in runs)
    lines = [
        f"## {title}",
        "",
        "| what | time | × floor | peak memory |",
        "|---|--:|--:|--:|",
    ]
    for name in SCENARIOS:
        seconds = [r[name]["seconds"] for r in runs]
        peak = max(r[name]["peak_kib"] for r in runs) / 1024
        lines.append(f"| {name} | {describe(seconds)} | {statistics.median(seconds) / fl:.2f}× | {peak:,.0f} MiB |")
    lines += [f"| floor: MkDocs + Material alone on the same pages | {describe([r['floor'] for r in runs])} | 1.00× | |", ""]
    lines += ["| stage | " + " | ".join(SCENARIOS) + " |", "|---" + "|--:" * len(SCENARIOS) + "|"]
    for stage in (s.name for s in STAGES):
        cells = [statistics.median(r[name]["stages"].get(stage, 0.0) for r in runs) for name in SCENARIOS]
        lines.append(f"| {stage} | " + " | ".join(f"{c:.2f} s" for c in cells) + " |")
    size, files = runs[-1]["size"]
    return lines + ["", f"Site: {size:,} bytes in {files:,} files.", ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per scale (default 3); medians are reported")
    parser.add_argument("--scales", default="1,10", help="multiples of today's figures, comma-separated (default 1,10)")
    parser.add_argument("--rows", default="", help="also these exact numbers of figure rows, comma-separated (e.g. 10000)")
    parser.add_argument("--output", type=Path, default=REPO / "benchmarks" / "RESULTS.md", help="where to write the results")
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose build is measured (default this one)")
    args = parser.parse_args(argv)
    sections = []
    with tempfile.TemporaryDirectory(prefix="bench-data-") as data_root:
        for label, data in synthetic.data_folders(synthetic.sizes(args.scales, args.rows), Path(data_root)):
            runs = []
            for number in range(1, args.runs + 1):
                runs.append(one_run(data, args.python))
                r = runs[-1]
                summary = ", ".join(f"{name} {r[name]['seconds']:.2f} s" for name in SCENARIOS)
                print(f"{label}, run {number}/{args.runs}: {summary}, floor {r['floor']:.2f} s", file=sys.stderr, flush=True)
            sections += scale_report(label, runs)
    header = [
        "# Build benchmark",
        "",
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC by `make benchmark` (benchmarks/bench_build.py): "
        f"{args.runs} run(s) per scale, {os.cpu_count()} cores, Python {platform.python_version()}, editions en and vi. "
        "Whole-process wall times, medians (min–max); the floor is measured in the same runs.",
        "",
        "The floor is MkDocs + Material alone on the pages and configurations the build wrote, without the "
        "build's hook that keeps the pages' blocks of HTML out of Markdown (publish/raw_html.py: the same site, "
        "byte for byte, tests/e2e/test_e2e_raw_html.py). The build's own MkDocs time, with the hook, is its "
        "`mkdocs` stage below.",
        "",
    ]
    text = "\n".join(header + sections)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.output}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
