"""Placeholder: replaced by the real `build` command (work in progress)."""

import sys


def add_parser(subparsers):
    parser = subparsers.add_parser("build", help="(not yet implemented)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    print("site-builder build: not implemented yet", file=sys.stderr)
    return 1
