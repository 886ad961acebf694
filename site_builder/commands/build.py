"""`site-builder build`: validate the data, then build the whole site into site/ (atomically)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_builder.commands.project import project_root
from site_builder.errors import BuildError

EXAMPLE = """\
Stages: validate, load, derive, docs, charts, downloads, catalogue, pages, sync, config,
(copy), mkdocs (or Zensical), scan, check, search, publish. If any stage fails, site/ stays exactly as it was.
The build date comes from SOURCE_DATE_EPOCH, else the last commit, so the same commit
builds the same bytes.

A rebuild does only what changed since the last build (build/last-build.json): nothing
when no input changed, and only the changed pages when nothing all pages share changed.
--force ignores what earlier builds left and renders everything.

Examples:
  site-builder build
  site-builder build --site-dir /tmp/preview
  site-builder build --site-dir build/test/site --work-dir build/test   # the tests' site (make test)
  site-builder build --data-dir /tmp/data-10x --site-dir /tmp/site-10x
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) site-builder build --force
  site-builder build --engine zensical --site-dir build/zensical/site --work-dir build/zensical/build
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "build",
        help="validate the data and build the site into site/",
        description="Validate the data packages, then generate pages, charts and downloads and build the static site with MkDocs (strict).",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="project folder holding datapackages/, docs/ and mkdocs.yml (default: .)"
    )
    parser.add_argument("--site-dir", type=Path, default=None, help="where to publish the site (default: <root>/site)")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="the data packages to build from (default: <root>/datapackages)"
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="where the build keeps its staging, caches and record (default: <root>/build); one per --site-dir",
    )
    parser.add_argument("--force", action="store_true", help="rebuild everything, ignoring what earlier builds left in build/")
    parser.add_argument("--workers", type=int, default=None, help="processes for chart rendering (default: one per core)")
    parser.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="what renders the generated docs: MkDocs + mkdocs-material (default) or Zensical, from the same docs",
    )
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.pipeline import BuildPaths, ValidationFailed, build_site

    root = project_root(args.root)
    if root is None:
        return 2
    if args.data_dir is not None and not args.data_dir.is_dir():
        print(f"{args.data_dir}: no such folder; --data-dir names a folder holding reform/ and units/.", file=sys.stderr)
        return 2
    paths = BuildPaths.for_project(root, site_dir=args.site_dir, data_dir=args.data_dir, work_dir=getattr(args, "work_dir", None))
    try:
        build_site(
            paths,
            workers=args.workers,
            force=args.force,
            engine=getattr(args, "engine", "mkdocs"),
            progress=lambda line: print(line, flush=True),
        )
    except ValidationFailed as failure:
        for line in failure.lines:
            print(line)
        print(
            f"The data has {len(failure.lines)} problem(s); site/ was left as it was. Fix them and build again.", file=sys.stderr
        )
        return 1
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        print("site/ was left as it was.", file=sys.stderr)
        return 1
    return 0
