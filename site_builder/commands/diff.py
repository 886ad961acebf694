"""`site-builder diff`: the data change between two git revisions, as Markdown for a pull request."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLE = """\
Its first line says whether the change is data only (rows of CSV files in datapackages/) or
lists the files a maintainer must review (schemas, configuration, docs/, workflows, code, locks).
Then it compares every package in datapackages/ row by row (matched by each resource's primary
key): schema changes field by field, figures added, changed and removed by province and
indicator, sources, registry row counts, and the headline totals before and after. Over 60,000
characters it counts instead of listing.
Exit status: 0 written, 2 a revision that cannot be read.

Examples:
  site-builder diff                          # since this branch left main, including uncommitted edits
  site-builder diff origin/main              # against another base
  site-builder diff HEAD~3 --head HEAD       # between two commits, ignoring the working tree
  site-builder diff main --output diff.md    # write the Markdown to a file
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "diff",
        help="the data change since a git revision, as Markdown for a pull-request comment",
        description="Show the data change between BASE and the working tree (or --head REV) as Markdown.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "base", nargs="?", metavar="BASE", help="the revision to compare against (default: `git merge-base HEAD main`)"
    )
    parser.add_argument("--head", metavar="REV", help="compare with this revision instead of the working tree")
    parser.add_argument("--output", type=Path, metavar="FILE", help="write the Markdown to FILE instead of the screen")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder, inside the git repository (default: .)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.review import (
        RevisionError,
        RevisionFiles,
        WorkingTreeFiles,
        load_snapshot,
        render_diff,
    )
    from site_builder.review.git_files import changed_files, merge_base, resolve_revision, short_commit

    root = args.root
    try:
        if args.base is None:
            base = merge_base(root, "HEAD", "main")
            base_label = f"main (where this branch left it, {short_commit(root, base)})"
        else:
            base = resolve_revision(root, args.base)
            base_label = f"{args.base} ({short_commit(root, base)})"
        if args.head is None:
            head, head_files, head_label = None, WorkingTreeFiles(root), "the working tree"
        else:
            head = resolve_revision(root, args.head)
            head_files, head_label = RevisionFiles(root, head), f"{args.head} ({short_commit(root, head)})"
        changed = changed_files(root, base, head)
        markdown = render_diff(
            load_snapshot(RevisionFiles(root, base)), load_snapshot(head_files), base_label, head_label, changed=changed
        )
    except RevisionError as error:
        print(f"site-builder diff: {error}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(markdown)
    else:
        args.output.write_text(markdown, encoding="utf-8")
        print(f"Wrote the data diff ({len(markdown):,} characters) to {args.output}.", file=sys.stderr)
    return 0
