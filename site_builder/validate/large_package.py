"""Validate a package with a large figures table: the other tables read as always, the large one
through the columnar engine (validate/columnar/), then the same frictionless pass and rules as
package.py runs, over the small tables and the large table's suspect rows.

Returns None whenever the columnar engine does not apply, and the package is then validated by
package.validate_package alone; so what is reported never depends on which path ran.
"""

from __future__ import annotations

from pathlib import Path

from site_builder.dataset.pinned import read_package_descriptor
from site_builder.dataset.reading import Reading, Table, read_table, shown_path
from site_builder.errors import Problem
from site_builder.validate import columnar
from site_builder.validate.checks.partial_dates import current_day
from site_builder.validate.package import frictionless_problems


def _read_others(folder: Path, root: Path, descriptor: dict, large_name: str, shown_descriptor: str):
    """Every resource's table but the large one, and every resource's shown path; None if any
    resource cannot be read (the exact path reports why)."""
    reading = Reading()
    tables: dict[str, Table] = {}
    shown_paths: dict[str, str] = {}
    for resource in descriptor["resources"]:
        name, path = (resource.get("name"), resource.get("path")) if isinstance(resource, dict) else (None, None)
        if not isinstance(name, str) or not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            return None
        shown_paths[name] = shown_path(folder / path, root)
        if name != large_name:
            table = read_table(folder / path, root, shown_paths[name], reading, name, shown_descriptor)
            if table is not None:
                tables[name] = table
    return None if reading.problems else (tables, shown_paths)


def validate_large_package(
    folder: Path, root: Path, reform_provinces: Table | None = None
) -> tuple[list[Problem], dict[str, Table], int] | None:
    """As package.validate_package (problems, tables read, rows), for a package with a large
    figures table; the tables returned hold that one's suspect rows only. None: not such a package."""
    shown_descriptor = shown_path(folder / "datapackage.json", root)
    descriptor, problems, differences = read_package_descriptor(folder, root, shown_descriptor)
    resource = columnar.candidate(folder, root, descriptor) if descriptor is not None and not problems else None
    if resource is None:
        return None
    read = _read_others(folder, root, descriptor, resource["name"], shown_descriptor)
    if read is None:
        return None
    tables, shown_paths = read
    today = current_day()
    large = columnar.validate_large(folder, root, resource, tables, descriptor, shown_paths[resource["name"]], today)
    if large is None:
        return None
    tables[large.name] = large.suspects
    tables = {r["name"]: tables[r["name"]] for r in descriptor["resources"]}  # in the descriptor's order
    found = frictionless_problems(descriptor, tables, shown_paths, shown_descriptor, reform_provinces, today, large.context)
    rows = sum(len(t.rows) for name, t in tables.items() if name != large.name) + large.rows
    return differences + found, tables, rows
