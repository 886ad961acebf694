"""Benchmark `site-builder validate` on synthetic data (benchmarks/synthetic.py) at 100k and 1M
figure rows, beside its floor measured in the same run, and print a Markdown table.

Each measurement is a whole process (interpreter start, imports, both packages validated), its
wall time and peak resident memory taken from os.wait4 for that process alone. The floor is
DuckDB alone in a fresh process reading the same figures.csv (every cell, as text) and counting
its distinct ids: what any validation of the file must at least do. The exact path (frictionless
over every row, as before validate/columnar/) is measured too where asked (--exact).

    .venv/bin/python benchmarks/bench_validate.py                       # 100k and 1M rows, 3 runs each
    .venv/bin/python benchmarks/bench_validate.py --rows 100000 --runs 5 --exact 100000
    .venv/bin/python benchmarks/bench_validate.py --output /tmp/validate.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402  (the generator beside this file)
from processes import run_measured  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
VALIDATE = [PYTHON, "-m", "site_builder.cli", "validate", "--root"]
# The exact path alone: the columnar engine's threshold set beyond any file.
EXACT = (
    "import sys; from site_builder.validate import columnar; columnar.MIN_BYTES = 10**15; "
    "from site_builder.cli import main; sys.exit(main(['validate', '--root', sys.argv[1]]))"
)
FLOOR = (
    'import sys, duckdb; print(duckdb.sql("SELECT count(*), count(DISTINCT id) FROM read_csv(" '
    "+ repr(sys.argv[1]) + \", header = true, all_varchar = true, delim = ',', quote = '\\\"')\").fetchall())"
)


def measure(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MiB, exit status) of one process."""
    run = run_measured(command, REPO, keep_output=False)
    return run.seconds, run.peak_kib / 1024, run.returncode


def median_of(runs: list[tuple[float, float, int]]) -> tuple[float, float]:
    if any(code not in (0,) for _, _, code in runs):
        raise SystemExit(f"a measured process failed (exit {[code for _, _, code in runs]}); run it by hand to see why.")
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def project(rows: int, base: Path) -> Path:
    """A project folder with `rows` figures (generated once per size)."""
    folder = base / f"rows-{rows}"
    if not (folder / "datapackages").is_dir():
        folder.mkdir(parents=True)
        synthetic.generate(rows, folder / "datapackages")
    return folder


def bench(rows: int, runs: int, exact: bool, base: Path) -> dict:
    folder = project(rows, base)
    figures = folder / "datapackages" / "reform" / "figures.csv"
    validate, floor, slow = [], [], []
    for _ in range(runs):  # paired: the floor right after each run, under the same load
        validate.append(measure(VALIDATE + [str(folder)]))
        floor.append(measure([PYTHON, "-c", FLOOR, str(figures)]))
    if exact:
        slow.append(measure([PYTHON, "-c", EXACT, str(folder)]))
    result = {"rows": rows, "bytes": figures.stat().st_size, "validate": median_of(validate), "floor": median_of(floor)}
    result["exact"] = median_of(slow) if slow else None
    return result


def table(results: list[dict], runs: int, load: tuple[float, float]) -> str:
    lines = [
        f"Medians of {runs} paired runs, whole processes; {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}; {dt.date.today().isoformat()}; load average {load[0]:.1f} before, {load[1]:.1f} after "
        "(other work on the machine slows both columns alike). Floor: DuckDB alone reading figures.csv "
        "(every cell) and counting distinct ids, in a fresh process. The 63-row line is today's data: the fixed cost "
        "(start-up, imports, the units package and the small reform tables through frictionless).",
        "",
        "| figure rows | figures.csv | `validate` | peak RSS | floor | floor RSS | validate / floor | exact path (frictionless on every row) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        (seconds, memory), (floor_s, floor_m) = r["validate"], r["floor"]
        exact = f"{r['exact'][0]:.1f} s, {r['exact'][1]:.0f} MiB" if r["exact"] else "not measured"
        lines.append(
            f"| {r['rows']:,} | {r['bytes'] / 2**20:.0f} MiB | {seconds:.2f} s | {memory:.0f} MiB | {floor_s:.2f} s | "
            f"{floor_m:.0f} MiB | {seconds / floor_s:.1f}× | {exact} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        default=[63, 100_000, 1_000_000],
        help="sizes (default: 63, today's data, 100000 and 1000000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="paired runs per size (default: 3)")
    parser.add_argument("--exact", type=int, nargs="*", default=[100_000], help="sizes to measure the exact path at too")
    parser.add_argument("--data", type=Path, default=None, help="keep the generated data here (default: a temporary folder)")
    parser.add_argument("--output", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as temporary:
        base = args.data or Path(temporary)
        results = [bench(rows, args.runs, rows in args.exact, base) for rows in args.rows]
    text = "# `site-builder validate` at scale\n\n" + table(results, args.runs, (before, os.getloadavg()[0]))
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
