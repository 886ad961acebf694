"""Benchmark the two engines (publish/engines.py) on the same pages, in one run, beside the floor.

A fresh copy of the project in /tmp is built once (`site-builder build`, which writes the
generated docs and each edition's configuration into its build/); then, on those same docs,
alternating so that both see the same load on the machine, each a whole process per edition:
- MkDocs + mkdocs-material as the build runs it (with its hooks: raw_html.py, sanitise.py, csp.py);
- the floor: MkDocs + mkdocs-material alone (the same configurations less raw_html.py, which only
  saves time; sanitise.py and csp.py change the pages, so they stay);
- Zensical (`zensical build --strict --clean` on the Zensical copy of each configuration), then
  the hooks' work on its HTML (publish/zensical_pages.py).
Then one clean `site-builder build --force` with each engine, end to end. Medians (min–max).

    .venv/bin/python benchmarks/bench_engines.py --runs 3 --output build/benchmarks/5-engines.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import run_measured  # noqa: E402

from site_builder.publish.mkdocs_config import without_raw_html_hook  # noqa: E402
from site_builder.publish.zensical_pages import finish_pages  # noqa: E402
from site_builder.publish.zensical_run import zensical_config  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATE = "1764028800"  # SOURCE_DATE_EPOCH: 2025-11-25, so every run builds the same bytes


def timed(command: list[str], cwd: Path) -> float:
    run = run_measured(command, cwd, env={**os.environ, "SOURCE_DATE_EPOCH": DATE})
    if run.returncode:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}):\n{run.output[-3000:]}")
    return run.seconds


def project(tmp: Path) -> Path:
    root = tmp / "project"
    root.mkdir()
    for name in ("datapackages", "docs", "releases"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def mkdocs_editions(configs: list[tuple[Path, str]], out: Path, root: Path) -> float:
    """MkDocs on each edition's configuration, one process each, into `out` (emptied first)."""
    shutil.rmtree(out, ignore_errors=True)
    return sum(
        timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(c), "-d", str(out / folder)], root)
        for c, folder in configs
    )


def zensical_editions(configs: list[Path], root: Path) -> float:
    total = 0.0
    for config in configs:
        copy, target, settings = zensical_config(config)
        shutil.rmtree(target, ignore_errors=True)
        total += timed([sys.executable, "-m", "zensical", "build", "-f", str(copy), "--strict", "--clean"], copy.parent)
        started = time.perf_counter()  # the hooks' work on its HTML, which the MkDocs runs do in their hooks
        finish_pages(target, (settings.get("extra") or {}).get("hand_written_pages") or [])
        total += time.perf_counter() - started
        shutil.rmtree(target, ignore_errors=True)
    return total


def whole_build(root: Path, engine: str, tmp: Path) -> float:
    work = tmp / f"whole-{engine}"
    command = [sys.executable, "-m", "site_builder", "build", "--root", str(root), "--force", "--engine", engine]
    return timed(command + ["--site-dir", str(work / "site"), "--work-dir", str(work / "build")], root)


def describe(values: list[float]) -> str:
    median = statistics.median(values)
    return f"{median:.2f} s" + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


def measure(runs: int) -> tuple[dict[str, list[float]], dict[str, float], int]:
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as name:
        tmp = Path(name)
        root = project(tmp)
        timed([sys.executable, "-m", "site_builder", "build", "--root", str(root)], root)
        work = root / "build"
        pages = sum(1 for _ in (work / "docs").rglob("*.md")) + sum(1 for _ in (work / "docs-vi").rglob("*.md"))
        configs = sorted(work.glob("mkdocs*.yml"), key=lambda p: (p.name != "mkdocs.yml", p.name))
        times: dict[str, list[float]] = {"mkdocs": [], "floor": [], "zensical": []}
        for _ in range(runs):
            with_hook = [(c, c.name.removeprefix("mkdocs").removesuffix(".yml").strip(".")) for c in configs]
            times["mkdocs"].append(mkdocs_editions(with_hook, tmp / "out", root))
            with without_raw_html_hook(work) as alone:
                times["floor"].append(mkdocs_editions(alone, tmp / "out", root))
            times["zensical"].append(zensical_editions(configs, root))
        whole = {engine: whole_build(root, engine, tmp) for engine in ("mkdocs", "zensical")}
    return times, whole, pages


def report(times: dict[str, list[float]], whole: dict[str, float], pages: int, runs: int) -> str:
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    load = os.getloadavg()
    floor = statistics.median(times["floor"])
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Engines: MkDocs and Zensical on the same pages",
        "",
        f"Measured {now} by `.venv/bin/python benchmarks/bench_engines.py --runs {runs}` at commit {commit}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"when it ended. {pages} Markdown pages (generated and hand-written, English and Vietnamese), the build's own; "
        "each engine one process per edition, the runs alternating so that all see the same load. "
        "The floor is MkDocs + mkdocs-material alone on the same pages (without the hook raw_html.py; with "
        "sanitise.py and csp.py, which change the pages). Zensical's time includes the same work on its HTML "
        "(publish/zensical_pages.py).",
        "",
        "| what | time | × floor |",
        "|---|--:|--:|",
        f"| MkDocs + mkdocs-material with its hooks (the default engine, as the build runs it) | {describe(times['mkdocs'])} | {statistics.median(times['mkdocs']) / floor:.2f}× |",
        f"| Zensical {zensical_version()} (`--strict --clean`) | {describe(times['zensical'])} | {statistics.median(times['zensical']) / floor:.2f}× |",
        f"| floor: MkDocs + mkdocs-material alone | {describe(times['floor'])} | 1.00× |",
        "",
        "The whole build, clean (`site-builder build --force --engine ...`, one run each, right after):",
        "",
        "| engine | time |",
        "|---|--:|",
        *(f"| {engine} | {seconds:.2f} s |" for engine, seconds in whole.items()),
        "",
    ]
    return "\n".join(lines)


def zensical_version() -> str:
    import zensical

    return zensical.version()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n")[-1])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, help="write the Markdown here (default: print it)")
    args = parser.parse_args(argv)
    times, whole, pages = measure(args.runs)
    text = report(times, whole, pages, args.runs)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
