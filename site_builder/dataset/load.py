"""Load the reform package for the build: read it through `dataset.reading` (the reader
`validate` uses), type every cell by the package's schema, and make the model's records.

It runs after validation, so a malformed row is not expected here; if one slips through, the
error still names the file, the line and what to fix instead of raising a traceback.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from site_builder.dataset.changelog import parse_changelog
from site_builder.dataset.model import (
    CurrentUnit,
    Dataset,
    Disagreement,
    District,
    Figure,
    FormerUnit,
    Indicator,
    Province,
    RawPackage,
    Source,
    Succession,
    UnitCount,
    UnitLink,
    UnitResolution,
    Units,
)
from site_builder.dataset.reading import read_package_files
from site_builder.dataset.safe_files import MAX_CELL_CHARACTERS, UnsafeFile, read_regular_file
from site_builder.dataset.schema_types import typed_row
from site_builder.dataset.vocabulary import REFORM_PACKAGE, UNITS_PACKAGE
from site_builder.errors import BuildError, format_problem
from site_builder.incremental import digest_files

# Resource name -> the record type of one row, per package.
UNIT_RECORDS = {"districts": District, "units_before": FormerUnit, "units_after": CurrentUnit, "unit_changes": UnitLink}
RECORDS = {
    "sources": Source,
    "provinces": Province,
    "successions": Succession,
    "unit_counts": UnitCount,
    "indicators": Indicator,
    "figures": Figure,
    "disagreements": Disagreement,
    "unit_resolutions": UnitResolution,
}


def package_dir(data_root: Path) -> Path:
    """The folder of the `reform` package inside a `datapackages/` folder."""
    return data_root / REFORM_PACKAGE


def load_package(data_root: Path, digests: dict[Path, str] | None = None) -> tuple[Dataset, RawPackage]:
    """Read the packages under `data_root` (the `datapackages/` folder): the reform package, and
    the units package where there is one.

    Returns the typed model and the raw reform package (parsed descriptor, rows as str dicts in
    file order with the schema's column order) that the downloads are written from; the units
    package's raw form is in its `others`. `digests`: incremental.digest_folders of `data_root`
    when the caller has it (else each package folder is hashed here).
    """
    digests = digests or {}
    records, raw = read_records(package_dir(data_root), data_root.parent, RECORDS, digests.get(package_dir(data_root)))
    folder = package_dir(data_root)
    changelog = folder / "CHANGELOG.md"
    others = {}
    units = Units()
    if (data_root / UNITS_PACKAGE / "datapackage.json").is_file():
        unit_records, others[UNITS_PACKAGE] = read_records(
            data_root / UNITS_PACKAGE, data_root.parent, UNIT_RECORDS, digests.get(data_root / UNITS_PACKAGE)
        )
        units = Units(
            districts=unit_records["districts"],
            former=unit_records["units_before"],
            current=unit_records["units_after"],
            links=unit_records["unit_changes"],
        )
    # The country shares provinces.csv (figures name it as their place) but is no province.
    records = dict(records)  # the reading is kept for the next load: leave it whole
    places = records.pop("provinces")
    dataset = Dataset(
        **records,
        provinces=tuple(p for p in places if not p.is_country),
        country=next((p for p in places if p.is_country), None),
        changelog=parse_changelog(read_changelog(changelog, data_root.parent)),
        units=units,
    )
    return dataset, RawPackage(descriptor=raw.descriptor, tables=raw.tables, others=others)


def read_changelog(path: Path, root: Path) -> str:
    """CHANGELOG.md's text ("" when there is none), read as the data files are: a regular file
    inside the repository (a link to a file elsewhere would publish it), UTF-8."""
    try:
        return read_regular_file(path, root, limit=MAX_CELL_CHARACTERS * 100).decode("utf-8")
    except FileNotFoundError:
        return ""
    except (UnsafeFile, OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path.relative_to(root).as_posix()}: cannot be read ({error}); make it a UTF-8 text file.") from None


# The last reading of each package folder, with the hash of its files: `site-builder serve`
# loads the data after every edit, and the units package (10,000 rows, a quarter of a second)
# rarely changes. Callers only read what it returns.
_LAST_READ: dict[Path, tuple[tuple, tuple[dict[str, tuple], RawPackage]]] = {}


def read_records(folder: Path, root: Path, record_types: dict, digest: str | None = None) -> tuple[dict[str, tuple], RawPackage]:
    """One package's records by resource name (every name of `record_types`, empty if the
    package lacks it) and its raw rows; the same objects as last time when no file changed
    (`digest`: the folder's digest_files, when the caller has it)."""
    key = (digest or digest_files(folder), root, tuple(record_types.items()))
    kept = _LAST_READ.get(folder)
    if kept is not None and kept[0] == key:
        return kept[1]
    result = _read_records(folder, root, record_types)
    _LAST_READ[folder] = (key, result)
    return result


def _read_records(folder: Path, root: Path, record_types: dict) -> tuple[dict[str, tuple], RawPackage]:
    files = read_package_files(folder, root)
    if files.problems or files.differences or files.descriptor is None:
        shown = "".join(f"\n  {format_problem(p)}" for p in (files.problems + files.differences)[:10])
        raise BuildError(f"{files.shown_descriptor}: the package cannot be read; run `site-builder validate`.{shown}")
    tables: dict[str, list[dict[str, str]]] = {}
    records: dict[str, tuple] = {name: () for name in record_types}
    for resource in files.descriptor.get("resources", []):
        name, schema_fields = resource["name"], resource.get("schema", {}).get("fields", [])
        rows = files.tables[name].records()
        tables[name] = [{f["name"]: row.get(f["name"], "") for f in schema_fields} for _, row in rows]
        if name in record_types:
            records[name] = _records(record_types[name], schema_fields, rows, files.shown_paths[name])
    return records, RawPackage(descriptor=files.descriptor, tables=tables)


def _records(record_type, schema_fields: list[dict], rows, shown: str) -> tuple:
    """One record per row; the record takes the schema fields it declares."""
    names = {f.name for f in fields(record_type)}
    wanted = [f for f in schema_fields if f["name"] in names]
    records = []
    for line, row in rows:
        try:
            records.append(record_type(**typed_row(wanted, row)))
        except (ValueError, TypeError) as error:
            raise BuildError(f"{shown}:{line}: {error}; run `site-builder validate` to see how to fix it.") from None
    return tuple(records)
