"""`site-builder release`: a dated, immutable copy of the data packages in releases/<YYYY-MM-DD>/."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from site_builder.commands.project import project_root
from site_builder.errors import BuildError

EXAMPLE = """\
Validates the data, then copies every package (datapackage.json and its CSVs, byte for byte)
into releases/<DATE>/ with SHA256SUMS, CITATION.cff, CITATION.txt (English and Vietnamese),
CHANGES.txt (the data diff from the previous release, as `site-builder diff` shows it) and
release.json. Commit the folder: the build publishes every release at
data/releases/<DATE>/ and lists them on the data page. A release is never written again.

The date is --date, else SOURCE_DATE_EPOCH, else the day of the last commit (never the clock).

Examples:
  site-builder release                      # dated by the last commit
  site-builder release --date 2025-12-31
  make release
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "release",
        help="write a dated, immutable copy of the data packages into releases/",
        description="Write a dated release of the data packages into releases/<YYYY-MM-DD>/.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the release's day (default: SOURCE_DATE_EPOCH or the last commit)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.dataset.dates import build_date
    from site_builder.pipeline import validate_data
    from site_builder.releases.make import make_release

    root = project_root(args.root)
    if root is None:
        return 2
    data_dir = root / "datapackages"
    problems = validate_data(data_dir)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"site-builder release: {len(problems)} problem(s) in the data; fix them and release again.", file=sys.stderr)
        return 1
    try:
        date = args.date or build_date(root)
        citations, about = release_citations(root, data_dir, date)
        release = make_release(root, data_dir, date, citations, about)
    except BuildError as error:
        print(f"site-builder release: {error}", file=sys.stderr)
        return 1
    figures = release.record["changes"]["figures"]
    print(
        f"Wrote release {release.date} into {release.folder.relative_to(root)}/ ({len(release.files)} files; figures: "
        f"{len(figures['added'])} added, {len(figures['changed'])} changed, {len(figures['removed'])} removed since "
        f"{release.record['previous'] or 'no release'}). Commit it: git add {release.folder.relative_to(root)}"
    )
    return 0


def release_citations(root: Path, data_dir: Path, date: str) -> tuple[dict[str, str], dict]:
    """The release's citation in every edition's language, and what CITATION.cff says of the site."""
    from site_builder.pages.editions import load_editions
    from site_builder.publish.mkdocs_config import read_base_config, repository_url

    descriptor = json.loads((data_dir / "reform" / "datapackage.json").read_text(encoding="utf-8"))
    licence = (descriptor.get("licenses") or [{}])[0]
    editions = load_editions(("en", "vi"))
    citations = {
        e.lang: e.t("release.citation", site=e.t("site.name"), date=date, path=f"/data/releases/{date}/") for e in editions
    }
    about = {
        "site": editions[0].t("site.name"),
        "repository": repository_url(read_base_config(root / "mkdocs.yml")),
        "licence": licence.get("name", "CC-BY-4.0"),
    }
    return citations, about
