"""The one reader of `datapackages/`: a package's descriptor and CSV files, read the way a
contributor wrote them, without ever raising on bad input. `validate`, the build's loader and
`site-builder diff` all read through here, so they can never disagree about what a file says.

One dialect, fixed: UTF-8 (a byte-order mark is accepted), comma-separated, `"` quoting, CRLF
or LF line endings. A file in any other form gets a problem that says what it looks like and
how to save it. Rows come with the physical line each starts on (a quoted cell may span
lines), so every problem can name the line a contributor sees in an editor.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.dataset.pinned import read_package_descriptor
from site_builder.dataset.safe_files import MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROWS, UnsafeFile, read_regular_file
from site_builder.errors import Problem

BOM = "\ufeff"
# Other separators a spreadsheet may save with, and how a contributor would recognise them.
OTHER_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
csv.field_size_limit(MAX_CELL_CHARACTERS * 4)  # a longer cell is reported below, not by csv


class CsvDialect(csv.Dialect):
    """The project's one CSV dialect (RFC 4180)."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


@dataclass(frozen=True)
class Table:
    """One CSV as text: header, rows, and the line each logical row starts on."""

    text: str  # decoded, without BOM, CRLF made LF (line numbers unchanged)
    header: list[str]
    rows: list[list[str]]  # data rows, blank ones included (frictionless counts them too)
    start_lines: list[int]  # start_lines[i] = physical line of logical row i + 1 (0 = header)

    def line_of(self, row_number: int | None) -> int | None:
        """Physical line of frictionless's row number (1 = header)."""
        if not row_number or row_number < 1:
            return None
        index = row_number - 1
        return self.start_lines[index] if index < len(self.start_lines) else self.start_lines[-1] if self.start_lines else None

    def records(self) -> list[tuple[int, dict[str, str]]]:
        """(line, row as header -> text) for every non-blank row."""
        return [
            (self.start_lines[i + 1], {name: (row[j] if j < len(row) else "") for j, name in enumerate(self.header)})
            for i, row in enumerate(self.rows)
            if any(cell.strip() for cell in row)
        ]


@dataclass
class Reading:
    problems: list[Problem] = field(default_factory=list)


def decode(data: bytes, shown: str, reading: Reading) -> str | None:
    """UTF-8 text with a byte-order mark removed and CRLF made LF (Excel's way of saving is
    accepted). A lone carriage return is kept: inside a cell it is a control character the
    validator reports; it never silently becomes a line break."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        reading.problems.append(
            Problem(
                shown, None, 'This file is UTF-16 (Excel\'s "Unicode Text"); save it as "CSV UTF-8 (comma delimited)" instead.'
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        reading.problems.append(
            Problem(
                shown,
                line,
                f"This line is not UTF-8 (byte 0x{data[error.start]:02x}); "
                'save the file as "CSV UTF-8" (in Excel: Save As > CSV UTF-8).',
            )
        )
        return None
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n")


def parse_table(text: str, shown: str, reading: Reading) -> Table | None:
    """Rows with their start lines; None with a problem if the file is empty, not comma-separated,
    a quote never closes, or it is beyond the limits."""
    if not text.strip():
        reading.problems.append(Problem(shown, None, "The file is empty; it needs at least the header row."))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), dialect=CsvDialect)
    rows: list[list[str]] = []
    starts: list[int] = []
    previous_end = 0
    try:
        for row in reader:
            starts.append(previous_end + 1)
            rows.append(row)
            previous_end = reader.line_num
            if len(rows) > MAX_ROWS + 1:
                reading.problems.append(
                    Problem(shown, previous_end, f"The file has more than {MAX_ROWS:,} rows, the limit; split the data.")
                )
                return None
    except csv.Error as error:
        start = previous_end + 1
        detail = "a quoted cell is never closed" if "end of data" in str(error) else str(error)
        reading.problems.append(
            Problem(
                shown,
                start,
                f"The row starting here cannot be read: {detail}. "
                'Close the quote (") or double quotes inside a quoted cell ("").',
            )
        )
        return None
    table = Table(text=text, header=rows[0], rows=rows[1:], start_lines=starts)
    return table if _shape_is_readable(table, shown, reading) else None


def _shape_is_readable(table: Table, shown: str, reading: Reading) -> bool:
    """Report a file saved with another separator, and rows or cells beyond the limits."""
    header_line = table.text.split("\n", 1)[0]
    if len(table.header) == 1:
        for separator, name in OTHER_SEPARATORS.items():
            if separator in header_line:
                reading.problems.append(
                    Problem(shown, 1, f'This file is separated by {name}, not commas; save it as "CSV UTF-8 (comma delimited)".')
                )
                return False
    for index, row in enumerate([table.header] + table.rows):
        line = table.start_lines[index]
        if len(row) > MAX_COLUMNS:
            reading.problems.append(Problem(shown, line, f"This row has {len(row)} cells; the limit is {MAX_COLUMNS}."))
            return False
        for position, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARACTERS:
                name = table.header[position] if position < len(table.header) else f"cell {position + 1}"
                reading.problems.append(
                    Problem(
                        shown,
                        line,
                        f"{name} has {len(cell):,} characters; the limit is "
                        f"{MAX_CELL_CHARACTERS:,}. Quote the sentence, not the article.",
                        name,
                    )
                )
                return False
    return True


@dataclass
class PackageFiles:
    """A package as read from disk: the descriptor, each resource's table, the paths to show."""

    descriptor: dict | None
    tables: dict[str, Table]  # resource name -> table, for the resources that could be read
    shown_paths: dict[str, str]  # resource name -> path relative to the project root
    shown_descriptor: str
    problems: list[Problem]  # why a file could not be read as a table; empty when all could
    differences: list[Problem] = field(default_factory=list)  # datapackage.json's schemas unlike the code's (pinned.py)


def shown_path(path: Path, root: Path) -> str:
    """`path` relative to the project root, as problems name it (never resolving a link)."""
    try:
        return Path(path).absolute().relative_to(Path(root).absolute()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def read_package_files(folder: Path, root: Path) -> PackageFiles:
    """Read the descriptor and every resource's CSV of the package in `folder`: the resources and
    schemas are the code's (pinned.py), and where datapackage.json differs the differences are
    listed apart, as they do not stop the package being read."""
    reading = Reading()
    shown_descriptor = shown_path(folder / "datapackage.json", root)
    files = PackageFiles(None, {}, {}, shown_descriptor, reading.problems)
    files.descriptor, blocking, files.differences = read_package_descriptor(folder, root, shown_descriptor)
    reading.problems.extend(blocking)
    if files.descriptor is None:
        return files
    for index, resource in enumerate(files.descriptor["resources"]):
        name, path = (resource.get("name"), resource.get("path")) if isinstance(resource, dict) else (None, None)
        if not isinstance(name, str) or not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            reading.problems.append(
                Problem(shown_descriptor, None, f'Resource {index + 1} needs a "name" and a relative "path" inside the package.')
            )
            continue
        file = folder / path
        shown = files.shown_paths[name] = shown_path(file, root)
        table = read_table(file, root, shown, reading, name, shown_descriptor)
        if table is not None:
            files.tables[name] = table
    return files


def read_table(file: Path, root: Path, shown: str, reading: Reading, name: str, shown_descriptor: str) -> Table | None:
    """One resource's CSV as a Table, or None with the problem that prevents it."""
    try:
        data = read_regular_file(file, root)
    except FileNotFoundError:
        reading.problems.append(
            Problem(shown, None, f'The file of resource "{name}" is missing; create it or fix "path" in {shown_descriptor}.')
        )
        return None
    except UnsafeFile as error:
        reading.problems.append(Problem(shown, None, f'The file of resource "{name}" {error}.'))
        return None
    except OSError as error:
        reading.problems.append(Problem(shown, None, f'The file of resource "{name}" cannot be read ({type(error).__name__}).'))
        return None
    text = decode(data, shown, reading)
    return parse_table(text, shown, reading) if text is not None else None
