"""Every package's resources at one revision: descriptors read, each CSV read into rows.

The CSV files are read by the project's one reader (`site_builder.dataset.reading`), so the
diff sees a file exactly as `validate` and the build do. Nothing here raises on bad data: what
cannot be read becomes a one-line note in the snapshot, shown at the end of the comment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Protocol

from site_builder.dataset.descriptor import MAX_DEPTH, MAX_DESCRIPTOR_BYTES, line_too_deep
from site_builder.dataset.reading import Reading, decode, parse_table
from site_builder.errors import format_problem

# The resource names the comment knows the meaning of; any other resource is counted.
FIGURES, SOURCES, PROVINCES, INDICATORS, UNIT_COUNTS = "figures", "sources", "provinces", "indicators", "unit_counts"
EXTRA_CELLS = "(extra cells)"  # cells past the header's end, kept under a visible name so a change to them shows


class DataFiles(Protocol):
    """Where a snapshot's files come from: a git revision or the working tree (see git_files)."""

    def descriptor_paths(self) -> list[str]: ...

    def read(self, path: str) -> bytes | None: ...


@dataclass(frozen=True)
class Table:
    """One resource's rows at one revision, with the fields that identify a row."""

    package: str
    name: str
    path: str  # repository-relative, for people to read
    fields: tuple[str, ...]
    key: tuple[str, ...]
    rows: tuple[dict[str, str], ...]

    @property
    def id(self) -> str:
        return f"{self.package}/{self.name}"


@dataclass(frozen=True)
class Snapshot:
    """Every resource of every package at one revision, and what could not be read."""

    tables: dict[str, Table] = field(default_factory=dict)
    descriptors: dict[str, str] = field(default_factory=dict)  # package -> its descriptor as canonical JSON
    notes: tuple[str, ...] = ()

    def named(self, resource: str) -> list[Table]:
        return [table for table in self.tables.values() if table.name == resource]


def _parsed_descriptor(data: bytes) -> dict:
    """A descriptor's JSON, refused (ValueError) over the size or depth `validate` reads: a
    pull request's descriptor nested thousands deep would end `json.loads` in a RecursionError."""
    if len(data) > MAX_DESCRIPTOR_BYTES:
        raise ValueError(f"it has {len(data):,} bytes, over the limit of {MAX_DESCRIPTOR_BYTES:,}")
    text = data.decode("utf-8-sig")
    line = line_too_deep(text)
    if line is not None:
        raise ValueError(f"its brackets nest more than {MAX_DEPTH} levels deep at line {line}")
    return json.loads(text)


def read_rows(data: bytes, shown: str, reading: Reading) -> list[dict[str, str]] | None:
    """The non-blank rows of a CSV file as dicts keyed by its header; None when it cannot be read.

    An empty file has no rows. A file that is not UTF-8 or has a quote that never closes is
    None, with the reason (file, line, fix) added to `reading`.
    """
    text = decode(data, shown, reading)
    if text is None:
        return None
    if not text.strip():
        return []
    table = parse_table(text, shown, reading)
    if table is None:
        return None
    width = len(table.header)
    extras = {table.start_lines[i + 1]: row[width:] for i, row in enumerate(table.rows) if len(row) > width}
    rows = []
    for line, row in table.records():
        if line in extras:
            row[EXTRA_CELLS] = ",".join(extras[line])
        rows.append(row)
    return rows


def load_snapshot(files: DataFiles) -> Snapshot:
    """Read every package's descriptor and the CSV of each of its resources."""
    tables: dict[str, Table] = {}
    descriptors: dict[str, str] = {}
    notes: list[str] = []
    for descriptor_path in files.descriptor_paths():
        folder = PurePosixPath(descriptor_path).parent
        package = folder.name
        try:
            descriptor = _parsed_descriptor(files.read(descriptor_path) or b"")
            resources = descriptor["resources"]
            if not isinstance(resources, list):
                raise TypeError("resources is not a list")
        except (ValueError, KeyError, TypeError) as error:
            notes.append(f"{descriptor_path} could not be read ({error}); its package is left out.")
            continue
        descriptors[package] = json.dumps(descriptor, sort_keys=True, ensure_ascii=False)
        for resource in resources:
            table = _load_table(files, folder, package, resource, notes)
            if table is not None:
                tables[table.id] = table
    return Snapshot(tables=tables, descriptors=descriptors, notes=tuple(notes))


def _load_table(files: DataFiles, folder: PurePosixPath, package: str, resource, notes: list[str]) -> Table | None:
    if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
        notes.append(f"{folder}/datapackage.json has a resource without a name; it is left out.")
        return None
    path = resource.get("path")
    if not isinstance(path, str) or "://" in path or ".." in PurePosixPath(path).parts or path.startswith("/"):
        notes.append(f"{package}/{resource['name']} has no local CSV path; it is left out.")
        return None
    schema = _schema(files, folder, resource.get("schema"))
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else [name for name in key if isinstance(name, str)]
    fields = [item.get("name") for item in schema.get("fields", []) if isinstance(item, dict)]
    rows = _read_resource_rows(files, str(folder / path), notes)
    if not fields and rows:
        fields = list(rows[0])
    return Table(
        package=package,
        name=resource["name"],
        path=str(folder / path),
        fields=tuple(name for name in fields if isinstance(name, str)),
        key=tuple(key),
        rows=tuple(rows),
    )


def _schema(files: DataFiles, folder: PurePosixPath, schema) -> dict:
    """A resource's schema, inline or kept in its own file beside the descriptor; {} when there is none."""
    if isinstance(schema, str):
        try:
            schema = json.loads(files.read(str(folder / schema)) or b"")
        except ValueError:
            schema = None
    return schema if isinstance(schema, dict) else {}


def _read_resource_rows(files: DataFiles, path: str, notes: list[str]) -> list[dict[str, str]]:
    """The rows of one resource's CSV; a missing or unreadable file is counted as empty, with a note."""
    data = files.read(path)
    if data is None:
        notes.append(f"{path} is listed in datapackage.json but missing; counted as empty.")
        return []
    reading = Reading()
    rows = read_rows(data, path, reading)
    if rows is None:
        notes.append(f"{format_problem(reading.problems[0])} Counted as empty.")
        return []
    return rows
