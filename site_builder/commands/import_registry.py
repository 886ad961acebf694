"""`site-builder import-registry`: regenerate provinces.csv, successions.csv and unit_counts.csv
from the registry packages, recording their versions in sources.csv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLE = """\
The registry packages (vietnam-provinces, vietnamadminunits) need Python >= 3.12 and live in
their own environment, .venv-registry (`make import-registry` creates it). They run as a tool;
nothing of theirs is copied.

Examples:
  site-builder import-registry
  site-builder import-registry --check          # exit 1 if the committed CSVs differ from a fresh import
  site-builder import-registry --registry-python ~/.pyenv/versions/3.12.1/envs/reg/bin/python --out /tmp/registry
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "import-registry",
        help="regenerate provinces, successions and unit counts from the registry packages",
        description="Run the registry packages, then write provinces.csv, successions.csv and unit_counts.csv "
                    "and record the package versions in sources.csv.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--registry-python", type=Path, default=None,
                        help="Python of the registry environment (default: $REGISTRY_PYTHON, else .venv-registry/bin/python)")
    parser.add_argument("--out", type=Path, default=Path("datapackages/reform"),
                        help="folder to write the CSVs into (default: datapackages/reform)")
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing them")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.registry.run import (
        default_registry_python, differing_files, run_extractor, table_files, with_versions, write_atomically,
    )
    from site_builder.registry.transform import RegistryError, build_tables

    python = args.registry_python or default_registry_python(Path.cwd())
    out: Path = args.out
    if not out.is_dir():
        print(f"{out}: no such folder; pass --out with an existing folder.", file=sys.stderr)
        return 2
    try:
        print(f"Running the registry packages with {python} ...", flush=True)
        registry = run_extractor(python)
        versions = ", ".join(f"{name} {version}" for name, version in sorted(registry["packages"].items()))
        print(f"  {versions}: {len(registry['old_provinces'])} provinces before 1 July 2025, {len(registry['new_provinces'])} after")
        tables = build_tables(registry)
    except RegistryError as error:
        print(f"Import failed: {error}", file=sys.stderr)
        return 2
    for difference in tables.table_differences:
        print(f"  note: {difference}")
    files = table_files(tables)
    sources = out / "sources.csv"
    if sources.is_file():
        files["sources.csv"] = with_versions(sources.read_text(encoding="utf-8"), registry["packages"])
    if args.check:
        stale = differing_files(files, out)
        for name in stale:
            print(f"{out / name}: differs from a fresh import; run `site-builder import-registry` and commit the result.")
        if not stale:
            print(f"{', '.join(sorted(files))} in {out} match a fresh import.")
        return 1 if stale else 0
    for name, text in sorted(files.items()):
        write_atomically(out / name, text)
        print(f"  wrote {out / name} ({text.count(chr(10)) - 1} rows)")
    return 0
