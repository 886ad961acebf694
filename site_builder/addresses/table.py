"""A spreadsheet of addresses converted row by row: the CSV rules of the bulk conversion
(communes/convert/, assets/search/address-csv.js) and of `site-builder convert-addresses`.

In: UTF-8 with or without a byte-order mark; comma, semicolon or tab, whichever the header line
has most of. Out: every input column unchanged and in order, then OUTPUT_COLUMNS; UTF-8 with a
byte-order mark, CRLF, the input's delimiter, and every cell that starts like a formula behind
an apostrophe (downloads/csv_files.formula_safe), so Excel shows it as text.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from site_builder.addresses.index import TARGETS
from site_builder.addresses.rules import Rules
from site_builder.downloads.csv_files import formula_safe

OUTPUT_COLUMNS = ("current_code", "current_name", "current_province", "match", "candidates")
BOM = "\ufeff"


class TableError(ValueError):
    """A file that cannot be read as a table of addresses; the message says why and what to do."""


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    delimiter: str


def read_table(data: bytes, rules: Rules) -> Table:
    """The header and rows of a CSV file's bytes, or TableError with the fix."""
    limit = rules.csv["max_bytes"]
    if not data.strip():
        raise TableError("The file is empty: choose a CSV file with a header line and one address per row.")
    if len(data) > limit:
        raise TableError(
            f"The file has {len(data):,} bytes, more than the {limit:,} this converter reads: split it into smaller files."
        )
    if data.startswith(b"PK\x03\x04"):
        raise TableError("This is a spreadsheet workbook (.xlsx or .ods), not CSV: save it as “CSV UTF-8” and choose that file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            f"The file is not UTF-8 text (byte {error.start + 1} cannot be read): save it as “CSV UTF-8” and choose it again."
        ) from None
    if "\x00" in text:
        raise TableError("The file holds binary data, not text: choose a CSV file.")
    delimiter = detect_delimiter(text, rules)
    rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if any(cell.strip() for cell in row)]
    if not rows:
        raise TableError("The file has no rows: it needs a header line and one address per row.")
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) > len(header):
            raise TableError(
                f"Row {number} has {len(row)} cells but the header has {len(header)}: quote cells that contain "
                f"the delimiter ({_delimiter_name(delimiter)}), or add the missing column names to the header."
            )
    return Table(header, [row + [""] * (len(header) - len(row)) for row in body], delimiter)


def detect_delimiter(text: str, rules: Rules) -> str:
    """The delimiter the first line has most of, outside quotes (a comma when none)."""
    counts = {d: 0 for d in rules.csv["delimiters"]}
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts.values())
    return next(d for d in rules.csv["delimiters"] if counts[d] == best) if best else ","


def address_column(header: list[str], rules: Rules) -> int | None:
    """The first column whose name looks like an address ("Địa chỉ", "address"), if any."""
    wanted = [tuple(rules.name_words(name)) for name in rules.address_headers]
    for index, name in enumerate(header):
        words = rules.name_words(name)
        for phrase in wanted:
            if any(words[i : i + len(phrase)] == phrase for i in range(len(words))):
                return index
    return None


def output_cells(match, places) -> list[str]:
    """The five cells OUTPUT_COLUMNS add for one address's match (matcher.AddressMatch)."""
    codes = " ".join(match.current_codes())
    best = match.best
    if best is None or not best.row[TARGETS]:
        return ["", "", "", match.status, codes]
    code, name, province_id = best.row[TARGETS][0][0], best.row[TARGETS][0][1], best.row[TARGETS][0][2]
    province = places.provinces.get(province_id, [province_id, province_id])[1]
    return [code, name, province, match.status, codes]


def write_table(header: list[str], rows: list[list[str]], delimiter: str) -> bytes:
    """The converted table as bytes: BOM, CRLF, the input's delimiter, formula-safe cells."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in [header, *rows]:
        writer.writerow([formula_safe(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab"}.get(delimiter, delimiter)
