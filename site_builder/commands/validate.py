"""`site-builder validate`: check every data package; one line per problem."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

EXAMPLE = """\
Each problem is printed as  datapackages/<package>/<file>.csv:<line>: <what is wrong and how to fix it>
Exit status: 0 no problems, 1 problems found, 2 no datapackages/ folder.

Examples:
  site-builder validate
  site-builder validate --format github     # GitHub Actions annotations on the pull request
  site-builder validate --root ../checkout
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "validate",
        help="check every data package (schemas, keys, our rules)",
        description="Validate every data package in datapackages/ with frictionless and the project's rules.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding datapackages/ (default: .)")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.validate import format_problem, validate_with_summary

    data_dir = args.root / "datapackages"
    if not data_dir.is_dir():
        print(f"{data_dir}: no such folder; run from the project root or pass --root.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    problems, summary = validate_with_summary(data_dir)
    for problem in problems:
        print(format_problem(problem, args.format))
    seconds = time.perf_counter() - started
    packages = f"{summary.packages} package{'s' if summary.packages != 1 else ''}"
    read = f"{packages}, {summary.resources} resource{'s' if summary.resources != 1 else ''}, {summary.rows} rows"
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        print(f"Checked {read} in {seconds:.1f} s: {count}. Fix them and run `site-builder validate` again.", file=sys.stderr)
        return 1
    print(f"Checked {read} in {seconds:.1f} s: no problems.", file=sys.stderr)
    return 0
