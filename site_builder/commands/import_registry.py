"""Placeholder: replaced by the real `import_registry` command (work in progress)."""

import sys


def add_parser(subparsers):
    parser = subparsers.add_parser("import-registry", help="(not yet implemented)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    print("site-builder import-registry: not implemented yet", file=sys.stderr)
    return 1
