"""`site-builder import-registry`: regenerate the registry parts of the data from the registry
packages: provinces.csv, successions.csv and unit_counts.csv of the reform package (recording the
package versions in its sources.csv), and the whole units package."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

EXAMPLE = """\
The registry packages (vietnam-provinces, vietnamadminunits) need Python >= 3.12 and live in
their own environment, .venv-registry (`make import-registry` creates it). They run as a tool;
nothing of theirs is copied. Corrections of registry data are stated, with their reason and legal
basis, in site_builder/registry/corrections.csv.

Examples:
  site-builder import-registry
  site-builder import-registry --check          # exit 1 if the committed files differ from a fresh import
  site-builder import-registry --registry-python ~/.pyenv/versions/3.12.1/envs/reg/bin/python --out /tmp/registry
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "import-registry",
        help="regenerate provinces, successions, unit counts and the units package from the registry packages",
        description="Run the registry packages, then write provinces.csv, successions.csv and unit_counts.csv into "
        "<out>/reform (recording the package versions in its sources.csv) and the units package into <out>/units.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--registry-python",
        type=Path,
        default=None,
        help="Python of the registry environment (default: $REGISTRY_PYTHON, else .venv-registry/bin/python)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("datapackages"),
        help="folder holding the packages reform/ and units/ (default: datapackages); missing subfolders are created",
    )
    parser.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing them")
    parser.set_defaults(run=run)
    return parser


def import_files(python: Path, out: Path) -> dict[Path, str]:
    """Path -> text of every file the import writes; prints what it found and corrected."""
    from site_builder.registry.run import run_extractor, table_files, unit_files, with_versions
    from site_builder.registry.transform import build_tables
    from site_builder.registry.units import build_unit_tables

    print(f"Running the registry packages with {python} ...", flush=True)
    registry = run_extractor(python)
    versions = ", ".join(f"{name} {version}" for name, version in sorted(registry["packages"].items()))
    units = registry["units"]
    print(
        f"  {versions}: {len(registry['old_provinces'])} provinces, {len(units['districts'])} districts and "
        f"{len(units['before'])} commune-level units before 1 July 2025; {len(registry['new_provinces'])} provinces "
        f"and {len(units['after'])} commune-level units after"
    )
    tables = build_tables(registry)
    for correction in tables.corrections:
        print(f"  corrected: {correction.summary()}")
    for difference in tables.table_differences:
        print(f"  note: {difference}")
    unit_tables = build_unit_tables(registry, tables.corrections)
    kinds = Counter(row["kind"] for row in unit_tables.registry_disagreements)
    print(
        f"  {sum(kinds.values())} disagreements between the registry packages about units"
        + "".join(f"\n    {kind}: {count}" for kind, count in sorted(kinds.items()))
    )
    files = {out / "reform" / name: text for name, text in table_files(tables).items()}
    files.update({out / "units" / name: text for name, text in unit_files(unit_tables).items()})
    sources = out / "reform" / "sources.csv"
    if sources.is_file():
        files[sources] = with_versions(sources.read_text(encoding="utf-8"), registry["packages"])
    return files


def run(args) -> int:
    from site_builder.atomic_files import write_atomically
    from site_builder.registry.errors import RegistryError
    from site_builder.registry.run import default_registry_python, differing_files

    python = args.registry_python or default_registry_python(Path.cwd())
    out: Path = args.out
    if not out.is_dir():
        print(f"{out}: no such folder; pass --out with the folder that holds the packages (datapackages).", file=sys.stderr)
        return 2
    try:
        files = import_files(python, out)
    except RegistryError as error:
        print(f"Import failed: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = differing_files(files)
        for path in stale:
            print(f"{path}: differs from a fresh import; run `site-builder import-registry` and commit the result.")
        if not stale:
            print(f"The {len(files)} registry files in {out} match a fresh import.")
        return 1 if stale else 0
    for path, text in sorted(files.items()):
        write_atomically(path, text.encode("utf-8"))
        print(f"  wrote {path} ({text.count(chr(10)) - 1} rows)" if path.suffix == ".csv" else f"  wrote {path}")
    return 0
