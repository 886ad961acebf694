"""`site-builder serve`: a preview on 127.0.0.1 that rebuilds what changed and reloads the page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_builder.commands.project import project_root

EXAMPLE = """\
Builds a preview into build/preview/site/ (English alone unless --languages says otherwise,
without the search index), serves it on http://127.0.0.1:PORT/, and watches the data, docs/,
mkdocs.yml and the builder's templates: after a change it rebuilds only what changed and the
open page reloads itself. Then the data is validated and any problem is printed here.

Examples:
  site-builder serve
  site-builder serve --port 8001 --languages en,vi
  make serve
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "serve",
        help="preview the site on 127.0.0.1, rebuilt on every change",
        description="Build a preview of the site and serve it locally; rebuild and reload on every change.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000; 0: any free port)")
    parser.add_argument("--languages", default="en", help="editions to preview, comma-separated (default: en)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.pages.editions import EDITION_FOLDERS
    from site_builder.preview.loop import preview_paths, serve

    root = project_root(args.root)
    if root is None:
        return 2
    languages = tuple(lang.strip() for lang in args.languages.split(",") if lang.strip())
    unknown = [lang for lang in languages if lang not in EDITION_FOLDERS]
    if unknown or "en" not in languages:
        print(
            f"--languages: choose among {', '.join(EDITION_FOLDERS)}, English included (got {args.languages!r}).", file=sys.stderr
        )
        return 2
    try:
        return serve(preview_paths(root), args.port, languages, say=lambda line: print(line, flush=True))
    except OSError as error:
        print(f"Cannot serve on 127.0.0.1:{args.port}: {error.strerror or error}; choose another --port.", file=sys.stderr)
        return 1
