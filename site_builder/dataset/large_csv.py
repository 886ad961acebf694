"""A large CSV as validate/columnar/ reads it, exactly as reading.py would: the only reading of
such a file outside reading.py, kept here so nothing but dataset/ reads `datapackages/`.

- prescan: is the file in the simple shape? One streaming pass over the bytes (bounded memory):
  a regular file inside the repository within the size limit, UTF-8, LF line endings only (no
  carriage return anywhere), no NUL byte, a header that is exactly the schema's field names on
  one line. Anything else returns None, and the file is validated by the exact path, which
  reports what is wrong with it.
- duckdb_rows: the SQL with which DuckDB reads its data rows, in the project's dialect
- rows_text: the text of some of its rows (the suspects), as the file has them
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from site_builder.dataset.reading import CsvDialect
from site_builder.dataset.safe_files import MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, link_on_the_way

CHUNK = 8 * 1024 * 1024
BOM = codecs.BOM_UTF8
# Blanks between a delimiter and a quote: DuckDB drops them (`1, "x"` reads as x, `"x" ,` as x),
# where Python's csv keeps ` "x"` or refuses the row. Inside a quoted cell this only costs speed.
SPACED_QUOTE = re.compile(rb'[,\n][ \t]+"|"[ \t]+(?:[,\n]|\Z)')


@dataclass(frozen=True)
class LargeFile:
    """A CSV in the simple shape: where its data starts and how many physical lines it has."""

    path: Path
    header: list[str]
    data_offset: int  # byte offset of the first data row (after the BOM and the header line)
    lines: int  # physical lines, as reading.py numbers them (the last one may lack its newline)


def _regular_size(path: Path, root: Path) -> int | None:
    """The size of `path` if it is a regular file inside `root` reached through no link."""
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    if not path.is_relative_to(root) or link_on_the_way(path, root) is not None:
        return None
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def file_size(path: Path, root: Path) -> int:
    """Bytes of a data file (0 if it is not a regular file: the exact path says why)."""
    return _regular_size(path, root) or 0


def _spaced_quote(window: bytes) -> bool:
    """A quote with blanks between it and a delimiter (see SPACED_QUOTE); substring tests first."""
    if not any(pair in window for pair in (b' "', b'" ', b'\t"', b'"\t')):
        return False
    return SPACED_QUOTE.search(window) is not None


def prescan(path: Path, root: Path, field_names: list[str]) -> LargeFile | None:
    """The file's shape if the columnar engine can read it exactly, else None."""
    size = _regular_size(path, root)
    if size is None or size > MAX_FILE_BYTES:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    newlines, first, last, tail = 0, b"", b"", b""
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            if not first:
                first = chunk[: 1024 * 1024]
            if b"\r" in chunk or b"\x00" in chunk:
                return None  # CRLF, a lone CR or NUL: reading.py's conversions and csv's rules, via the exact path
            if _spaced_quote(tail + chunk):
                return None
            tail = chunk[max(chunk.rfind(b","), chunk.rfind(b"\n"), 0) :]  # a blank run may cross chunks
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    body = first[len(BOM) :] if first.startswith(BOM) else first
    end = body.find(b"\n")
    if end < 0 or b'"' in body[:end]:
        return None  # a header spanning lines or quoted: the exact path
    header = next(csv.reader([body[:end].decode("utf-8")], dialect=CsvDialect))
    lines = newlines + (0 if last == b"\n" else 1)
    if header != field_names or len(header) > MAX_COLUMNS or lines > MAX_ROWS:
        return None
    return LargeFile(Path(path), header, len(first) - len(body) + end + 1, lines)


def duckdb_rows(large: LargeFile, names: list[str]) -> str:
    """DuckDB's read_csv of the file's data rows as columns c0, c1 ... (strict quoting, no
    guessing); a row of more bytes than a cell may have characters is an error (then the exact
    path checks its cells against the limit)."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    path = "'" + str(large.path).replace("'", "''") + "'"
    return (
        f"read_csv({path}, header = false, skip = 1, auto_detect = false, delim = ',', "
        f"quote = '\"', escape = '\"', new_line = '\\n', columns = {columns}, strict_mode = true, "
        f"null_padding = false, ignore_errors = false, max_line_size = {MAX_CELL_CHARACTERS})"
    )


def rows_text(large: LargeFile, rows: list[tuple[int, int, int]]) -> str:
    """The header and the rows (index, first physical line, lines spanned; in file order) as
    the file has them, each ending in a newline."""
    wanted = iter(rows)
    current = next(wanted, None)
    header, parts = "", []
    with open(large.path, encoding="utf-8-sig", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1:
                header = line
                continue
            if current is None:
                break
            if number >= current[1]:
                parts.append(line)
                if number == current[1] + current[2] - 1:
                    current = next(wanted, None)
    return header + "".join(p if p.endswith("\n") else p + "\n" for p in parts)
