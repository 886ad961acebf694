"""DuckDB reads a large CSV once and finds its suspect rows: those a predicate does not clear
(predicates.py), and those a rule across rows could fault (a repeated primary key, a foreign key
not found, two figures that may be one, a before / reduction / after group that must add up).

The CSV is read with the project's dialect and strict quoting; a row with another number of
cells, a broken quote or blank lines (which DuckDB would skip) make the scan give up (None), and
the exact path takes the file. Physical lines are counted as reading.py counts them: the header
is line 1 and each row starts after the newlines of the rows before it, quoted ones included.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

import duckdb

from site_builder.dataset.safe_files import MAX_CELL_CHARACTERS
from site_builder.dataset.vocabulary import BALANCE_MEASURES
from site_builder.validate.checks.duplicate_figures import FIGURE_KEY
from site_builder.validate.checks.partial_dates import PERIOD_FIELDS
from site_builder.validate.columnar import predicates
from site_builder.validate.columnar.predicates import column, literal
from site_builder.validate.columnar.prescan import LargeFile

MEMORY_LIMIT = "600MB"  # DuckDB spills to a temporary folder beyond it
# DuckDB downloads an extension it lacks (httpfs for an http:// path) unless told not to:
# validation never opens a network connection.
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False, "allow_community_extensions": False}
GROUP = ("province_id", "indicator_id", "area", "period_start", "period_end")  # figures_add_up.py


@dataclass(frozen=True)
class Suspects:
    """A scanned table: its rows, and the DuckDB connection holding `numbered` (every row's
    index, line and kept cells) and `suspect` (the indexes the exact rules must see)."""

    rows: int
    connection: duckdb.DuckDBPyConnection  # holds the `scan` table until the caller closes it


def _read_csv(large: LargeFile, names: list[str]) -> str:
    """The CSV's data rows as columns c0, c1 ...; a row of more bytes than a cell may have
    characters is an error (then the exact path checks its cells against the limit)."""
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(names))) + "}"
    return (
        f"read_csv({literal(str(large.path))}, header = false, skip = 1, auto_detect = false, delim = ',', "
        f"quote = '\"', escape = '\"', new_line = '\\n', columns = {columns}, strict_mode = true, "
        f"null_padding = false, ignore_errors = false, max_line_size = {MAX_CELL_CHARACTERS})"
    )


def _newlines(names: list[str]) -> str:
    return " + ".join(
        f"(CASE WHEN contains({column(n)}, chr(10)) THEN length({column(n)}) - length(replace({column(n)}, chr(10), '')) ELSE 0 END)"
        for n in names
    )


def _row_clear(fields: list[dict], references: dict[str, set[str]], is_figures: bool) -> str:
    """The row-local predicates of stage one (period bounds are left to stage two)."""
    clear = []
    for field in fields:
        known = references.get(field["name"])
        predicate = predicates.field_clear(field, known, implied=is_figures and field["name"] == "value")
        clear += [predicate] if predicate else []
        if is_figures and field["name"] in FIGURE_KEY and predicates.is_free_text(field, known):
            clear.append(predicates.single_spaced(field["name"]))  # its key is text_key(cell): see reduced.py
    if is_figures:
        clear += predicates.figure_clear()
    return " AND ".join(f"({c})" for c in clear) or "true"


def _stage_one(large: LargeFile, fields: list[dict], references: dict[str, set[str]], is_figures: bool, kept: list[str]) -> str:
    """Every cell read once: the row-local predicates and the cells kept for later."""
    names = [f["name"] for f in fields]
    return (
        f"CREATE TABLE scan AS SELECT {', '.join(column(n) for n in kept)}, "
        f"coalesce(({_row_clear(fields, references, is_figures)}), false) AS clear FROM ({_cells(large, names)})"
    )


def _cells(large: LargeFile, names: list[str]) -> str:
    renamed = ", ".join(f"coalesce(c{i}, '') AS {column(n)}" for i, n in enumerate(names))
    return f"SELECT {renamed} FROM {_read_csv(large, names)}"


def _line_numbers(connection: duckdb.DuckDBPyConnection, large: LargeFile, names: list[str], rows: int) -> bool:
    """Create `numbered` (scan with each row's index and first line); False if the physical lines
    do not add up (blank lines, which DuckDB skips). Newlines inside cells are only counted, in a
    second read, when the file has more lines than rows."""
    if 1 + rows == large.lines:
        connection.execute("CREATE TEMP VIEW numbered AS SELECT rowid AS idx, 2 + rowid AS line, 0 AS newlines, * FROM scan")
        return True
    connection.execute(f"CREATE TEMP TABLE breaks AS SELECT {_newlines(names)} AS newlines FROM ({_cells(large, names)})")
    if 1 + rows + connection.execute("SELECT coalesce(sum(newlines), 0) FROM breaks").fetchone()[0] != large.lines:
        return False
    connection.execute(
        "CREATE TEMP TABLE numbered AS SELECT scan.rowid AS idx, "
        "2 + scan.rowid + sum(newlines) OVER (ORDER BY scan.rowid ROWS UNBOUNDED PRECEDING) - newlines AS line, "
        "newlines, scan.* FROM scan POSITIONAL JOIN breaks"
    )
    return True


def _suspect_queries(
    fields: list[dict], primary_key: list[str], foreign: dict[str, str], today: str, is_figures: bool
) -> list[str]:
    """Queries of row indexes (`idx`) that the exact rules must see."""
    queries = ["SELECT idx FROM numbered WHERE NOT clear"]
    periods = predicates.period_clear(fields, today, lifetimes=is_figures)
    if periods:
        joined = "LEFT JOIN lifetimes ON lifetimes.id = days.province_id" if is_figures else ""
        queries.append(
            f"SELECT idx FROM (SELECT *, {predicates.period_days(fields)} FROM numbered) AS days {joined} WHERE NOT ({periods})"
        )
    if primary_key:
        queries.append(_repeated(primary_key))
    for name, table in foreign.items():
        queries.append(f"SELECT idx FROM numbered WHERE {column(name)} <> '' AND {column(name)} NOT IN (SELECT v FROM {table})")
    if is_figures:
        queries.append(_repeated([n for n in FIGURE_KEY if n != "value"], value_as_number=True))
        group = ", ".join(column(n) for n in GROUP)
        has_all = " AND ".join(f"bool_or(measure = {literal(m)})" for m in BALANCE_MEASURES)
        measures = ", ".join(literal(m) for m in BALANCE_MEASURES)
        queries.append(
            f"SELECT idx FROM numbered JOIN (SELECT {group} FROM numbered WHERE measure IN ({measures}) "
            f"GROUP BY {group} HAVING {has_all}) USING ({group}) WHERE measure IN ({measures})"
        )
    return queries


def _repeated(names: list[str], value_as_number: bool = False) -> str:
    """Rows whose cells `names` (and value, read as a number) repeat another row's."""
    keys = [column(n) for n in names]
    same = [f"numbered.{column(n)} IS NOT DISTINCT FROM k.{column(n)}" for n in names]
    if value_as_number:
        keys.append("try_cast(value AS DOUBLE) AS number")
        same.append("try_cast(numbered.value AS DOUBLE) IS NOT DISTINCT FROM k.number")
    return (
        f"SELECT idx FROM numbered JOIN (SELECT {', '.join(keys)} FROM numbered GROUP BY ALL HAVING count(*) > 1) AS k "
        f"ON {' AND '.join(same)}"
    )


def find_suspects(
    large: LargeFile,
    fields: list[dict],
    primary_key: list[str],
    references: dict[str, set[str]],
    today: str,
    lifetimes: dict[str, tuple[str, str]] | None,
) -> Suspects | None:
    """The suspect rows of `large` (see the module's docstring), or None if DuckDB cannot read it
    exactly as reading.py would. `references`: field -> the values its foreign key accepts;
    `lifetimes` (figures only): province id -> (first day, last day) ISO dates."""
    names = [f["name"] for f in fields]
    is_figures = lifetimes is not None
    kept = set(primary_key) | set(references) | set(PERIOD_FIELDS) | (set(FIGURE_KEY) if is_figures else set())
    kept = [n for n in names if n in kept]
    connection = duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "temp_directory": tempfile.gettempdir(), **OFFLINE})
    try:
        # A row DuckDB cannot read strictly raises; blank lines make the lines not add up: either
        # way the exact path reads the file and says what is wrong.
        connection.execute(_stage_one(large, fields, references, is_figures, kept))
        rows = connection.execute("SELECT count(*) FROM scan").fetchone()[0]
        if not _line_numbers(connection, large, names, rows):
            connection.close()
            return None
        _mark_suspects(connection, fields, primary_key, references, today, lifetimes)
    except duckdb.Error:
        connection.close()
        return None
    return Suspects(rows, connection)


def _mark_suspects(connection, fields, primary_key, references, today, lifetimes) -> None:
    """The `suspect` table: the union of the row-local and the across-rows suspects."""
    foreign = {}
    for index, (name, values) in enumerate(references.items()):
        foreign[name] = f"reference_{index}"
        connection.execute(f"CREATE TEMP TABLE reference_{index} (v VARCHAR)")
        connection.executemany(f"INSERT INTO reference_{index} VALUES (?)", [(v,) for v in sorted(values)])
    if lifetimes is not None:
        connection.execute("CREATE TEMP TABLE lifetimes (id VARCHAR, first DATE, last DATE)")
        connection.executemany("INSERT INTO lifetimes VALUES (?, ?, ?)", [(k, *v) for k, v in sorted(lifetimes.items())])
    union = " UNION ".join(_suspect_queries(fields, primary_key, foreign, today, lifetimes is not None))
    connection.execute(f"CREATE TEMP TABLE suspect AS SELECT DISTINCT idx FROM ({union})")


def suspect_rows(connection: duckdb.DuckDBPyConnection) -> list[tuple[int, int, int]]:
    """(row index, first physical line, lines it spans) of every suspect row, in file order."""
    return connection.execute(
        "SELECT idx, line, newlines + 1 FROM numbered WHERE idx IN (SELECT idx FROM suspect) ORDER BY idx"
    ).fetchall()
