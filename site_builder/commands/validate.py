"""Placeholder: replaced by the real `validate` command (work in progress)."""

import sys


def add_parser(subparsers):
    parser = subparsers.add_parser("validate", help="(not yet implemented)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    print("site-builder validate: not implemented yet", file=sys.stderr)
    return 1
