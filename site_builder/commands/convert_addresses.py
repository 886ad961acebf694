"""`site-builder convert-addresses`: a CSV file of addresses converted to the current units, as
the site's bulk conversion (communes/convert/) does in the browser."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXAMPLE = """\
Adds five columns after the file's own: current_code, current_name, current_province,
match (exact, likely, ambiguous, not_found) and candidates (codes, best first). The output is
UTF-8 with a byte-order mark, CRLF and the input's delimiter; cells that start like a formula
get an apostrophe. Summary on standard error; exit status 0, or 1 if the file cannot be read.

Examples:
  site-builder convert-addresses customers.csv --column address -o customers-2025.csv
  site-builder convert-addresses "danh sach.csv" -o out.csv        # the address column found by its name
  site-builder convert-addresses in.csv --column "Địa chỉ" > out.csv
"""


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "convert-addresses",
        help="convert a CSV file of addresses to the current communes, wards and special zones",
        description="Read every address of a CSV file and add the current commune-level unit it is in since 1 July 2025.",
        epilog=EXAMPLE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", type=Path, help="the CSV file (UTF-8; comma, semicolon or tab)")
    parser.add_argument("--column", help="name of the address column (default: the first whose name looks like one)")
    parser.add_argument("-o", "--output", type=Path, help="where to write the converted CSV (default: standard output)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder holding datapackages/ (default: .)")
    parser.set_defaults(run=run)
    return parser


def run(args) -> int:
    from site_builder.addresses.convert import AddressMatcher
    from site_builder.addresses.table import TableError

    if not args.input.is_file():
        print(f"{args.input}: no such file; give the path of a CSV file.", file=sys.stderr)
        return 1
    data_dir = args.root / "datapackages"
    if not data_dir.is_dir():
        print(f"{data_dir}: no such folder; run from the project root or pass --root.", file=sys.stderr)
        return 1
    matcher = AddressMatcher.from_data(data_dir)
    try:
        converted, answers = matcher.convert_csv(args.input.read_bytes(), args.column)
    except TableError as error:
        print(f"{args.input}: {error}", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_bytes(converted)
    else:
        sys.stdout.buffer.write(converted)
    counts = ", ".join(f"{answers[s]} {s.replace('_', ' ')}" for s in ("exact", "likely", "ambiguous", "not_found"))
    where = args.output or "standard output"
    print(f"Converted {sum(answers.values())} rows into {where}: {counts}.", file=sys.stderr)
    return 0
