"""The one reader of `datapackages/`: a package's descriptor and CSV files, read the way a
contributor wrote them, without ever raising on bad input. `validate` and the build's loader
both read through here, so they can never disagree about what a file says.

Produces the rows as text with the physical line each row starts on (a quoted cell may span
lines), so every problem can name the line a contributor sees in an editor.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from site_builder.errors import Problem

BOM = "\ufeff"


@dataclass(frozen=True)
class Table:
    """One CSV as text: header, rows, and the line each logical row starts on."""

    text: str  # decoded, without BOM, line endings normalised to LF (line numbers unchanged)
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
            for i, row in enumerate(self.rows) if any(cell.strip() for cell in row)
        ]


@dataclass
class Reading:
    problems: list[Problem] = field(default_factory=list)


def read_descriptor(path: Path, shown: str, reading: Reading) -> dict | None:
    """The parsed datapackage.json, or None with a problem naming the line of a syntax error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        reading.problems.append(Problem(shown, None, "The package descriptor is missing; every folder in datapackages/ needs a datapackage.json."))
        return None
    except (OSError, UnicodeDecodeError) as error:
        reading.problems.append(Problem(shown, None, f"Cannot read the descriptor ({error}); save it as UTF-8."))
        return None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        reading.problems.append(Problem(shown, error.lineno, f"Not valid JSON: {error.msg} (column {error.colno}). "
                                        "Check for a missing comma, quote or bracket."))
        return None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        reading.problems.append(Problem(shown, None, "The descriptor must be a JSON object with a \"resources\" list."))
        return None
    return descriptor


def decode(data: bytes, shown: str, reading: Reading) -> str | None:
    """UTF-8 text with a byte-order mark removed and CRLF made LF (Excel's way of saving is accepted)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        reading.problems.append(Problem(shown, line, f"This line is not UTF-8 (byte 0x{data[error.start]:02x}); "
                                        "save the file as \"CSV UTF-8\" (in Excel: Save As > CSV UTF-8)."))
        return None
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_table(text: str, shown: str, reading: Reading) -> Table | None:
    """Rows with their start lines; None with a problem if the file is empty or a quote never closes."""
    if not text.strip():
        reading.problems.append(Problem(shown, None, "The file is empty; it needs at least the header row."))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []
    previous_end = 0
    try:
        for row in reader:
            starts.append(previous_end + 1)
            rows.append(row)
            previous_end = reader.line_num
    except csv.Error as error:
        start = previous_end + 1
        detail = "a quoted cell is never closed" if "end of data" in str(error) else str(error)
        reading.problems.append(Problem(shown, start, f"The row starting here cannot be read: {detail}. "
                                        "Close the quote (\") or double quotes inside a quoted cell (\"\")."))
        return None
    return Table(text=text, header=rows[0], rows=rows[1:], start_lines=starts)


@dataclass
class PackageFiles:
    """A package as read from disk: the descriptor, each resource's table, the paths to show."""

    descriptor: dict | None
    tables: dict[str, Table]  # resource name -> table, for the resources that could be read
    shown_paths: dict[str, str]  # resource name -> path relative to the project root
    shown_descriptor: str
    problems: list[Problem]  # why a file could not be read as a table; empty when all could


def shown_path(path: Path, root: Path) -> str:
    """`path` relative to the project root, as problems name it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_package_files(folder: Path, root: Path) -> PackageFiles:
    """Read the descriptor and every resource's CSV of the package in `folder`."""
    reading = Reading()
    shown_descriptor = shown_path(folder / "datapackage.json", root)
    files = PackageFiles(None, {}, {}, shown_descriptor, reading.problems)
    files.descriptor = read_descriptor(folder / "datapackage.json", shown_descriptor, reading)
    if files.descriptor is None:
        return files
    for index, resource in enumerate(files.descriptor["resources"]):
        name, path = (resource.get("name"), resource.get("path")) if isinstance(resource, dict) else (None, None)
        if not isinstance(name, str) or not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            reading.problems.append(Problem(shown_descriptor, None, f"Resource {index + 1} needs a \"name\" and a relative \"path\" inside the package."))
            continue
        file = folder / path
        shown = files.shown_paths[name] = shown_path(file, root)
        try:
            data = file.read_bytes()
        except OSError:
            reading.problems.append(Problem(shown, None, f"The file of resource \"{name}\" is missing; create it or fix \"path\" in {shown_descriptor}."))
            continue
        text = decode(data, shown, reading)
        table = parse_table(text, shown, reading) if text is not None else None
        if table is not None:
            files.tables[name] = table
    return files
