"""The address matcher beside vietnamadminunits, in one run, on the same strings:

1. share of addresses whose right current unit comes first, by form (address_forms.py makes
   the strings from the units package, the answer known), for our Python matcher, our matcher in
   Chromium (the same code as the site's) and vietnamadminunits;
2. a 10,000-row CSV converted: in Chromium by the site's page (upload to download), by
   `AddressMatcher.convert_csv` in Python, and by vietnamadminunits' pandas convert_address_column;
3. the bytes one query downloads on "Find your commune" (gzip, as a static host serves them),
   beside the page's own first load and the whole lookup in one file.

    .venv/bin/python benchmarks/bench_addresses.py                  # builds the site into a temporary folder
    .venv/bin/python benchmarks/bench_addresses.py --site site --per-form 300 --output benchmarks/RESULTS-addresses.md

vietnamadminunits runs in build/benchmarks/vietnamadminunits/ (made on first use from
requirements-vietnamadminunits-pandas.txt with --registry-python, a Python 3.12 or newer).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))
sys.path.insert(0, str(REPO / "benchmarks"))

from address_forms import FORMS, address_cases  # noqa: E402
from chromium import launch  # noqa: E402
from compressed_server import CompressedSiteServer  # noqa: E402
from first_load import measure_first_load  # noqa: E402

from site_builder.addresses.convert import AddressMatcher  # noqa: E402

VAU_ENV = REPO / "build" / "benchmarks" / "vietnamadminunits"
QUERIES = (
    "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội",
    "phuc xa",
    "x.nghi tien h.nghi loc nghe an",
    "76 Lê Lợi, Xã Văn Sơn, Huyện Đô Lương, Nghệ An",
    "Thanh Tân Thanh Liêm",
    "xa tan thanh",
)


def vau_python(registry_python: str) -> Path:
    """The environment with vietnamadminunits and pandas, made once."""
    python = VAU_ENV / "bin" / "python"
    if not python.exists():
        subprocess.run([registry_python, "-m", "venv", str(VAU_ENV)], check=True)
        requirements = REPO / "benchmarks" / "requirements-vietnamadminunits-pandas.txt"
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)], check=True, cwd=REPO / "benchmarks"
        )
    return python


def run_vau(python: Path, mode: str, path: Path) -> dict:
    runner = REPO / "benchmarks" / "vietnamadminunits_runner.py"
    done = subprocess.run([str(python), str(runner), mode, str(path)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def right_first(ours: list[tuple[str, str]], cases) -> Counter:
    """How many cases of each form put the expected code first (not ambiguous)."""
    right: Counter = Counter()
    for (form, _, expected), (status, first) in zip(cases, ours, strict=True):
        right[form] += status in ("exact", "likely") and first == expected
    return right


def browser_answers(page, addresses: list[str]) -> tuple[list[tuple[str, str]], float]:
    result = page.evaluate(
        """async (addresses) => {
          const finder = document.getElementById('commune-finder');
          const m = await import(new URL(finder.dataset.root + 'assets/search/commune-lookup.js', document.baseURI).href);
          const all = await m.communeLookup(new URL(finder.dataset.lookup, document.baseURI)).everyUnit();
          const started = performance.now();
          const answers = addresses.map((a) => { const r = all.match(a); return [r.status, r.codes[0] || '']; });
          return { answers, seconds: (performance.now() - started) / 1000 };
        }""",
        addresses,
    )
    return [tuple(a) for a in result["answers"]], result["seconds"]


def accuracy(site: Path, matcher: AddressMatcher, cases, vau: Path, work: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    python = [(m.status, (m.current_codes() or [""])[0]) for m in (matcher.match(a) for _, a, _ in cases)]
    python_seconds = time.perf_counter() - started
    strings = work / "cases.json"
    strings.write_text(json.dumps([(f, a) for f, a, _ in cases], ensure_ascii=False), encoding="utf-8")
    theirs = run_vau(vau, "strings", strings)
    server = CompressedSiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(server.url("communes/"), wait_until="networkidle")
            chromium, chromium_seconds = browser_answers(page, [a for _, a, _ in cases])
            browser.close()
    finally:
        server.close()
    ours, in_browser = right_first(python, cases), right_first(chromium, cases)
    vau_right = Counter(form for (form, _, expected), code in zip(cases, theirs["codes"], strict=True) if code == expected)
    total = Counter(form for form, _, _ in cases)
    lines = [
        "| form | addresses | ours, Python | ours, Chromium | vietnamadminunits |",
        "|---|---:|---:|---:|---:|",
    ]
    for form in FORMS:
        lines.append(
            f"| {form} | {total[form]} | {ours[form] / total[form]:.1%} | {in_browser[form] / total[form]:.1%} | {vau_right[form] / total[form]:.1%} |"
        )
    n = len(cases)
    lines.append(
        f"| **all** | {n} | {sum(ours.values()) / n:.1%} | {sum(in_browser.values()) / n:.1%} | {sum(vau_right.values()) / n:.1%} |"
    )
    lines += [
        "",
        f"Time for the {n} strings: ours {python_seconds:.2f} s in Python, {chromium_seconds:.2f} s in Chromium; "
        f"vietnamadminunits {theirs['seconds']:.2f} s. Same answers in Python and Chromium: {python == chromium}.",
    ]
    return lines


def bulk(site: Path, matcher: AddressMatcher, rows, places, vau: Path, work: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    cases = address_cases(rows, places, per_form=1000, seed=10_000)
    source = work / "addresses-10000.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "address"])
        writer.writerows([f"{n:05d}", address] for n, (_, address, _) in enumerate(cases))
    started = time.perf_counter()
    _, answers = matcher.convert_csv(source.read_bytes(), "address")
    python_seconds = time.perf_counter() - started
    theirs = run_vau(vau, "pandas", source)
    server = CompressedSiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(accept_downloads=True)
            page.goto(server.url("communes/convert/"), wait_until="networkidle")
            page.set_input_files("#convert-file", str(source))
            page.wait_for_function("() => !document.getElementById('convert-run').disabled")
            started = time.perf_counter()
            page.click("#convert-run")
            page.wait_for_selector("#convert-download:not([hidden])", timeout=600_000)
            browser_seconds = time.perf_counter() - started
            browser.close()
    finally:
        server.close()
    return [
        "| converter | rows | seconds | rows per second |",
        "|---|---:|---:|---:|",
        f"| ours, in Chromium (the site's page: lookup files fetched, every row matched, file offered) | {len(cases)} | {browser_seconds:.2f} | {len(cases) / browser_seconds:,.0f} |",
        f"| ours, Python (AddressMatcher.convert_csv, data already loaded) | {len(cases)} | {python_seconds:.2f} | {len(cases) / python_seconds:,.0f} |",
        f"| vietnamadminunits 1.0.4, pandas convert_address_column (read, convert, write) | {theirs['rows']} | {theirs['seconds']:.2f} | {theirs['rows'] / theirs['seconds']:,.0f} |",
        "",
        f"Our answers for the file: {dict(answers)}. vietnamadminunits converts each distinct address once "
        f"(drop_duplicates): {len({a for _, a, _ in cases}):,} of the {len(cases):,} are distinct; ours matches every row.",
    ]


def bytes_per_query(site: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    lookup = site / "communes" / "lookup"
    whole = len(gzip.compress((lookup / "_all.json").read_bytes(), 6))
    lines = ["| query | lookup files | lookup bytes | scripts bytes | total |", "|---|---:|---:|---:|---:|"]
    server = CompressedSiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page_load = measure_first_load(browser, server.url("communes/"), {"width": 1280, "height": 900})
            for query in QUERIES:
                context = browser.new_context()
                page = context.new_page()
                page.goto(server.url("communes/"), wait_until="networkidle")
                responses: list = []
                page.on("response", lambda r, seen=responses: seen.append(r))
                page.fill("#commune-query", query)
                page.wait_for_function("() => document.getElementById('commune-finder').hasAttribute('data-match')")
                page.wait_for_load_state("networkidle")
                data = [
                    (r.url, int(r.all_headers().get("content-length") or len(r.body())))
                    for r in responses
                    if "/communes/lookup/" in r.url
                ]
                ours = [r for r in responses if "/assets/search/" in r.url and r.url.endswith(".js")]  # not Material's bundle
                scripts = sum(int(r.all_headers().get("content-length") or len(r.body())) for r in ours)
                size = sum(n for _, n in data)
                lines.append(f"| {query} | {len(data)} | {size:,} | {scripts:,} | {size + scripts:,} |")
                context.close()
            browser.close()
    finally:
        server.close()
    lines += [
        "",
        f"Floor: the page's own first load, {page_load.total_bytes:,} bytes, before any query. "
        f"For scale: every unit in one file (_all.json, what the bulk conversion fetches) is {whole:,} bytes. "
        "Lookup files are the rules, the places and the shards the query's words may name; scripts are "
        "commune-lookup.js and address-matcher.js, fetched on the first query only.",
    ]
    return lines


def build(folder: Path) -> Path:
    from site_builder.pipeline import BuildPaths, build_site

    paths = BuildPaths.for_project(REPO, site_dir=folder / "site", work_dir=folder / "build")
    build_site(paths, progress=lambda line: None)
    return paths.site_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an existing build to measure (default: build one into a temporary folder)")
    parser.add_argument("--per-form", type=int, default=300, help="strings of each form (default 300)")
    parser.add_argument(
        "--registry-python", default=str(REPO / ".venv-registry" / "bin" / "python"), help="a Python 3.12+ for vietnamadminunits"
    )
    parser.add_argument("--output", type=Path, help="write the Markdown here too")
    args = parser.parse_args(argv)
    from site_builder.dataset.load import load_package
    from site_builder.views.communes import lookup_places, lookup_rows

    dataset, _ = load_package(REPO / "datapackages")
    rows, places = lookup_rows(dataset.provinces, dataset.units), lookup_places(dataset.provinces, dataset.units)
    matcher = AddressMatcher.from_lookup(rows, places)
    vau = vau_python(args.registry_python)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = args.site or build(work)
        cases = address_cases(rows, places, per_form=args.per_form)
        parts = [
            f"## Addresses ({datetime.now(timezone.utc):%Y-%m-%d})",
            "",
            f"### Right first, by form ({args.per_form} strings each, the same for all three)",
            "",
            *accuracy(site, matcher, cases, vau, work),
            "",
            "### Converting 10,000 rows",
            "",
            *bulk(site, matcher, rows, places, vau, work),
            "",
            "### Bytes one query downloads on Find your commune (gzip)",
            "",
            *bytes_per_query(site),
        ]
    text = "\n".join(parts) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
