"""Two checkouts measured in one session, run by run in turn (before, after; then after, before...):
chart planning (bench_charts.py --plan, a fresh process) and the build (bench_build.py: clean,
no change, one figure), each beside its floor measured in the same run; medians, their ratios
to the floor, and after against before. The machine's speed drifts (2 shared cores): compare
the ratios, not seconds across runs.

Each checkout needs its own .venv (`make .venv/bin/site-builder` in it); this file's copies of
bench_charts.py and bench_build.py measure both, through each checkout's interpreter.

    git clone -q . /tmp/before && git -C /tmp/before checkout -q d02746c && make -C /tmp/before .venv/bin/site-builder
    .venv/bin/python benchmarks/bench_compare.py --before /tmp/before --runs 3 --rows 10000 --output /tmp/compare.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from functools import reduce
from operator import getitem
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_build  # noqa: E402  (benchmarks/, beside this file)
import synthetic  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PLAN_STEPS = ("plan", "specs cold", "specs warm")
BUILD_STEPS = ("clean", "no change", "one figure")


def plan_run(python: str, data: Path) -> dict[str, float]:
    """bench_charts.py --plan by `python` on `data`: seconds of each step and of its floor."""
    command = [python, str(REPO / "benchmarks" / "bench_charts.py"), "--plan", str(data)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])["seconds"]


def measure(sides: dict[str, str], data: Path, runs: int, label: str) -> dict[str, list[dict]]:
    """Per side, `runs` measurements of planning and building, the sides taking turns."""
    results: dict[str, list[dict]] = {side: [] for side in sides}
    for number in range(runs):
        order = list(sides) if number % 2 == 0 else list(reversed(sides))
        for side in order:
            plan = plan_run(sides[side], data)
            built = bench_build.one_run(data, sides[side])
            results[side].append({"plan": plan, "build": built})
            summary = f"planning {sum(plan[s] for s in PLAN_STEPS):.2f} s, clean {built['clean']['seconds']:.2f} s"
            print(
                f"{label}, run {number + 1}/{runs}, {side}: {summary}, floor {built['floor']:.2f} s", file=sys.stderr, flush=True
            )
    return results


def row(name: str, times: dict[str, list[float]], floors: dict[str, list[float]]) -> str:
    """A table row: per side the median and its ratio to the median floor; then after / before of the ratios."""
    cells, ratios = [], {}
    for side, values in times.items():
        ratios[side] = statistics.median(values) / statistics.median(floors[side])
        cells += [f"{statistics.median(values):.3f} s", f"{ratios[side]:.3f}×"]
    before, after = ratios.values()
    return f"| {name} | " + " | ".join(cells) + f" | {after / before:.3f} |"


def series(results: dict[str, list[dict]], *path: str) -> dict[str, list[float]]:
    """Per side, the value at `path` of each run (e.g. "build", "clean", "seconds")."""
    return {side: [reduce(getitem, path, run) for run in runs] for side, runs in results.items()}


def report(label: str, results: dict[str, list[dict]], sides: dict[str, str]) -> list[str]:
    header = ["| what | " + " | ".join(f"{side} | × floor" for side in sides) + " | after / before |", "|---" + "|--:" * 5 + "|"]
    lines = [f"## {label}", "", "Chart planning (bench_charts.py --plan, a fresh process per run; CPU: that process's):", ""]
    lines += header
    for unit in ("", " (CPU)"):
        floor = series(results, "plan", "floor" + unit)
        lines += [row(step + unit, series(results, "plan", step + unit), floor) for step in PLAN_STEPS]
        lines.append(row("floor: the same specs' JSON from ready dicts" + unit, floor, floor))
    lines += ["", "The build (bench_build.py, whole processes; CPU: the build's and the processes' it waited for):", "", *header]
    for unit, key, floor_key in (("", "seconds", "floor"), (" (CPU)", "cpu", "floor cpu")):
        floor = series(results, "build", floor_key)
        lines += [row(step + unit, series(results, "build", step, key), floor) for step in BUILD_STEPS]
        lines.append(row("floor: MkDocs + Material alone on the same pages" + unit, floor, floor))
    lines.append("")
    for side, runs in results.items():
        wall = ", ".join(f"{r['build']['clean']['seconds'] / r['build']['floor']:.2f}" for r in runs)
        cpu = ", ".join(f"{r['build']['clean']['cpu'] / r['build']['floor cpu']:.2f}" for r in runs)
        lines.append(f"- {side}, clean build / floor, run by run: {wall} (wall); {cpu} (CPU).")
    return lines + [""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (with its own .venv)")
    parser.add_argument("--runs", type=int, default=3, help="runs per side and scale (default 3)")
    parser.add_argument("--scales", default="1", help="multiples of today's figures, comma-separated (default 1)")
    parser.add_argument("--rows", default="", help="also these exact numbers of figure rows, comma-separated (e.g. 10000)")
    parser.add_argument("--output", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    sides = {"before": str(args.before.resolve() / ".venv" / "bin" / "python"), "after": sys.executable}
    commits = {side: git_head(Path(python).parents[2]) for side, python in sides.items()}
    lines = [
        "# Before and after (benchmarks/bench_compare.py)",
        "",
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC: before = {commits['before']}, after = "
        f"{commits['after']}; {args.runs} run(s) per side and scale, taking turns; {os.cpu_count()} cores. Medians; "
        "each × floor is a median over the median of the floor measured in the same runs.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as data_root:
        for label, data in synthetic.data_folders(synthetic.sizes(args.scales, args.rows), Path(data_root)):
            lines += report(label, measure(sides, data, args.runs, label), sides)
    text = "\n".join(lines)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


def git_head(checkout: Path) -> str:
    result = subprocess.run(["git", "-C", str(checkout), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
