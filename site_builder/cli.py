"""The `site-builder` command line: a thin layer over the library, one module per command."""

from __future__ import annotations

import argparse
import sys

from site_builder.commands import build, convert_addresses, diff, import_registry, release, serve, validate

COMMANDS = (validate, build, serve, import_registry, diff, convert_addresses, release)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-builder",
        description="Validate the reform data packages and build the static site.",
        epilog="Examples:\n  site-builder validate\n  site-builder build\n  site-builder serve\n  site-builder import-registry\n  site-builder release",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
