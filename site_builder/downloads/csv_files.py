"""CSV bytes for downloads: UTF-8 for programs, UTF-8 with BOM and CRLF for Excel."""

from __future__ import annotations

import csv
import io
import re

from site_builder.dataset.vocabulary import FORMULA_START

BOM = "\ufeff"
# A formula character right after a line break inside a cell.
LINE_START_FORMULA = re.compile("(\r\n|\r|\n)(?=[" + re.escape("".join(FORMULA_START)) + "])")


def formula_safe(text: str) -> str:
    """'=1+1' -> "'=1+1": a cell starting like a formula is shown as text by Excel and LibreOffice.

    A line inside the cell that starts like a formula gets the apostrophe too, so that no line
    of the file starts with a formula even where a reader splits a cell at its line breaks.
    """
    if "\n" in text or "\r" in text:  # most cells are one line: no search for line starts
        text = LINE_START_FORMULA.sub(lambda m: m.group(1) + "'", text)
    return "'" + text if text.startswith(FORMULA_START) else text


def _is_number(text: str) -> bool:
    # A negative number is data, not a formula: keep "-3" as it is in numeric columns.
    try:
        float(text)
    except ValueError:
        return False
    return True


def table_csv(
    rows: list[dict[str, str]], columns: list[str], numeric: frozenset[str] = frozenset(), excel: bool = False
) -> bytes:
    """One table as CSV bytes. `numeric` columns keep negative numbers; other cells are made formula-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column, "") or ""
            cells.append(value if column in numeric and _is_number(value) else formula_safe(value))
        writer.writerow(cells)
    text = out.getvalue()
    return ((BOM if excel else "") + text).encode("utf-8")


def figures_csv(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    """One province's figures as a UTF-8, formula-safe CSV."""
    return table_csv(rows, columns, numeric=frozenset({"value"}))
