"""Validation of a large table in a columnar engine (DuckDB), reporting exactly what the
frictionless pass reports. Frictionless's Table Schema stays the contract and its error report
the format: DuckDB reads the CSV once and clears the rows no check could fault; the few rows left
(the *suspects*) are cut out with their line numbers and go through the same frictionless pass
and our rules as a small table, beside the package's other tables read as before. So every
problem is written by the exact code; DuckDB only proves the other rows clean. The file is read
as dataset/large_csv.py says (its shape, DuckDB's read_csv, the suspects' text): nothing here
opens a data file.

- checks/characters.py (beside the rules it is derived from): which characters need no rule, as RE2 classes
- predicates.py: SQL that clears a row: frictionless's constraints, and each rule's own form (RULE.columnar)
- scan.py: DuckDB reads the file and finds the suspects (row-local and across rows)
- reduced.py: the suspects' text as a small Table with their physical lines

Only `figures` goes this way, and only from MIN_BYTES on: it is the table that grows, and every
rule that looks at it declares its SQL form beside its row check (checks/rule.py), and
tests/test_validate_rule_registry.py makes each rule's fault on the real data with MIN_BYTES at 0. Anything unusual (a carriage
return, blank lines, a row with another number of cells, a schema feature not modelled) sends
the package to the exact path, which reports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from site_builder.dataset.large_csv import file_size, prescan
from site_builder.dataset.reading import Table
from site_builder.validate.checks.figure_lifetime import lifetime
from site_builder.validate.columnar import predicates, reduced, scan

# Below this size a table is validated by the exact path alone (it takes well under a second).
MIN_BYTES = 1024 * 1024
RESOURCE = "figures"


@dataclass(frozen=True)
class LargeTable:
    """A large resource validated through DuckDB: its suspect rows as a Table, the rows it has,
    and the context values the rules would have taken from the whole table."""

    name: str
    suspects: Table
    rows: int
    context: dict


def candidate(folder: Path, root: Path, descriptor: dict) -> dict | None:
    """The resource of `descriptor` worth the columnar engine (large `figures` whose schema the
    predicates model), or None."""
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict) or resource.get("name") != RESOURCE or not isinstance(resource.get("path"), str):
            continue
        schema = resource.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
            return None
        if predicates.unsupported(schema["fields"], schema.get("missingValues")) is not None:
            return None
        path = Path(resource["path"])
        if path.is_absolute() or ".." in path.parts or file_size(folder / path, root) < MIN_BYTES:
            return None
        return resource
    return None


def lifetimes(provinces: Table | None) -> dict[str, tuple[str, str]]:
    """Province id -> (first, last day) as figure_lifetime.py reads valid_from and valid_to."""
    found = {}
    for _, row in provinces.records() if provinces is not None else []:
        first, last = lifetime(row.get("valid_from", ""), row.get("valid_to", ""))
        found[row.get("id", "")] = (first.isoformat(), last.isoformat())
    return found


def references(resource: dict, tables: dict[str, Table], descriptor: dict) -> dict[str, set[str]] | None:
    """Field -> the values its foreign key accepts (what frictionless's lookup holds), or None
    when a key is not one string field of another table read here."""
    schemas = {r.get("name"): r.get("schema") or {} for r in descriptor["resources"] if isinstance(r, dict)}
    found = {}
    for key in resource["schema"].get("foreignKeys", []):
        fields, target = key.get("fields"), key.get("reference", {})
        fields, target_fields = [fields] if isinstance(fields, str) else fields, target.get("fields")
        target_fields = [target_fields] if isinstance(target_fields, str) else target_fields
        table = tables.get(target.get("resource"))
        if len(fields or []) != 1 or len(target_fields or []) != 1 or table is None:
            return None
        target_schema = schemas.get(target["resource"], {})
        field = {f.get("name"): f for f in target_schema.get("fields", [])}.get(target_fields[0], {})
        if field.get("type", "string") != "string" or field.get("format", "default") != "default":
            return None
        if table.header != [f.get("name") for f in target_schema.get("fields", [])]:
            return None
        position = table.header.index(target_fields[0])
        found[fields[0]] = {row[position] for row in table.rows if position < len(row) and row[position] != ""}
    return found


def validate_large(
    folder: Path, root: Path, resource: dict, tables: dict[str, Table], descriptor: dict, shown: str, today: dt.date
) -> LargeTable | None:
    """The large resource's suspects and context, or None to validate the package the exact way."""
    schema = resource["schema"]
    fields = schema["fields"]
    found = references(resource, tables, descriptor)
    large = prescan(folder / resource["path"], root, [f.get("name") for f in fields]) if found is not None else None
    if large is None:
        return None
    primary_key = schema.get("primaryKey") or []
    primary_key = [primary_key] if isinstance(primary_key, str) else primary_key
    try:
        return _scan(large, fields, primary_key, found, tables, shown, today)
    except duckdb.Error:
        return None  # a query DuckDB refuses (a schema pattern RE2 cannot compile ...): the exact path


def _scan(large, fields: list[dict], primary_key: list[str], found: dict, tables: dict, shown: str, today: dt.date):
    """Scan, cut out the suspects and gather the context the rules take from the whole table."""
    scanned = scan.find_suspects(large, fields, primary_key, found, today.isoformat(), lifetimes(tables.get("provinces")))
    if scanned is None:
        return None
    try:
        reduced.add_key_partners(scanned.connection)
        suspects = reduced.suspect_table(large, scan.suspect_rows(scanned.connection), shown)
        context = {**predicates.whole_table_context(scanned.connection, tables), "row_counts": {RESOURCE: scanned.rows}}
    finally:
        scanned.connection.close()
    return LargeTable(RESOURCE, suspects, scanned.rows, context) if suspects is not None else None
