"""The suspect rows of a large CSV as a small Table for the exact rules: their text exactly as
in the file, each with the physical line it starts on, so every problem names the right line.

Before the text is cut out, the suspects gain their partners under duplicate_figures.py's
comparison: a clean row that text_keys makes equal to a suspect one (the suspect's area typed
with two spaces, its value as 11.0) is a duplicate the exact rule must see both halves of.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from site_builder.dataset.large_csv import LargeFile, rows_text
from site_builder.dataset.reading import Reading, Table, parse_table
from site_builder.validate.checks.duplicate_figures import FIGURE_KEY
from site_builder.validate.checks.text_keys import number_key, text_key
from site_builder.validate.columnar.predicates import column

TEXT_KEY = [n for n in FIGURE_KEY if n != "value"]


def add_key_partners(connection: duckdb.DuckDBPyConnection) -> None:
    """Make suspect every row whose cells equal a suspect figure's key as text_key and
    number_key read it (clean rows' cells are their own keys: see predicates.single_spaced)."""
    cells = ", ".join(column(n) for n in FIGURE_KEY)
    keys = set()
    for row in connection.execute(f"SELECT {cells} FROM numbered WHERE idx IN (SELECT idx FROM suspect)").fetchall():
        named = dict(zip(FIGURE_KEY, row, strict=True))
        value = number_key(named["value"])
        if isinstance(value, Decimal):  # a non-number matches no clean row's value
            keys.add(tuple(text_key(named[n]) for n in TEXT_KEY) + (float(value),))
    if not keys:
        return
    connection.execute(f"CREATE TEMP TABLE partner_keys ({', '.join(f'{column(n)} VARCHAR' for n in TEXT_KEY)}, v DOUBLE)")
    connection.executemany(f"INSERT INTO partner_keys VALUES ({', '.join('?' for _ in TEXT_KEY)}, ?)", sorted(keys))
    same = " AND ".join(f"numbered.{column(n)} = partner_keys.{column(n)}" for n in TEXT_KEY)
    connection.execute(
        f"INSERT INTO suspect SELECT numbered.idx FROM numbered JOIN partner_keys ON {same} "
        f"AND try_cast(numbered.value AS DOUBLE) = partner_keys.v WHERE numbered.idx NOT IN (SELECT idx FROM suspect)"
    )


def existing(connection: duckdb.DuckDBPyConnection, name: str, values: set[str]) -> set[str]:
    """Which of `values` the column `name` holds (the figure ids disagreements.csv names)."""
    if not values:
        return set()
    connection.execute("CREATE TEMP TABLE asked (v VARCHAR)")
    connection.executemany("INSERT INTO asked VALUES (?)", [(v,) for v in sorted(values)])
    found = connection.execute(f"SELECT DISTINCT {column(name)} FROM numbered WHERE {column(name)} IN (SELECT v FROM asked)")
    return {row[0] for row in found.fetchall()}


def suspect_table(large: LargeFile, suspects: list[tuple[int, int, int]], shown: str) -> Table | None:
    """A Table of the header and the suspect rows (idx, line, lines spanned) of `large`; None if
    they do not parse back as as many rows (never expected)."""
    text = rows_text(large, suspects)
    table = parse_table(text, shown, Reading())
    if table is None or len(table.rows) != len(suspects):
        return None
    return Table(text=text, header=table.header, rows=table.rows, start_lines=[1] + [line for _, line, _ in suspects])
