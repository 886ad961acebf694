"""The only reader of `datapackages/`: the descriptor, every resource's rows, the changelog.

It runs after validation, so a malformed row is not expected here; if one slips through, the
error still names the file, the line and what to fix instead of raising a traceback.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.dataset.model import (
    ChangelogEntry,
    Dataset,
    Disagreement,
    Figure,
    Indicator,
    Province,
    RawPackage,
    Source,
    Succession,
    UnitCount,
)

PACKAGE_NAME = "reform"
TRUE_VALUES = {"true", "True", "TRUE", "1"}


def package_dir(data_root: Path) -> Path:
    """The folder of the `reform` package inside a `datapackages/` folder."""
    return data_root / PACKAGE_NAME


def load_package(data_root: Path) -> tuple[Dataset, RawPackage]:
    """Read the reform package under `data_root` (the `datapackages/` folder).

    Returns the typed model and the raw package (parsed descriptor, rows as str dicts in file
    order with the schema's column order) that the downloads are written from.
    """
    folder = package_dir(data_root)
    descriptor_path = folder / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise BuildError(f"{descriptor_path}: cannot read the package descriptor ({error}); run `site-builder validate`.") from None
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in descriptor.get("resources", []):
        tables[resource["name"]] = _read_rows(folder / resource["path"], resource)
    dataset = Dataset(
        sources=_typed(tables, folder, "sources", _source),
        provinces=_typed(tables, folder, "provinces", _province),
        successions=_typed(tables, folder, "successions", _succession),
        unit_counts=_typed(tables, folder, "unit_counts", _unit_count),
        indicators=_typed(tables, folder, "indicators", _indicator),
        figures=_typed(tables, folder, "figures", _figure),
        disagreements=_typed(tables, folder, "disagreements", _disagreement),
        changelog=parse_changelog(_read_text(folder / "CHANGELOG.md")),
    )
    return dataset, RawPackage(descriptor=descriptor, tables=tables)


def _read_rows(path: Path, resource: dict) -> list[dict[str, str]]:
    columns = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [{name: (row.get(name) or "") for name in columns} for row in reader]
    except FileNotFoundError:
        raise BuildError(f"{path}: the file of resource '{resource['name']}' is missing; create it with the header row from datapackage.json.") from None
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BuildError(f"{path}: cannot be read as UTF-8 CSV ({error}); run `site-builder validate`.") from None
    return rows


def _typed(tables, folder: Path, name: str, convert):
    rows = tables.get(name, [])
    typed = []
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        try:
            typed.append(convert(row))
        except (ValueError, KeyError) as error:
            raise BuildError(f"{folder / (name + '.csv')}:{line}: {error}; run `site-builder validate` to see how to fix it.") from None
    return tuple(typed)


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


def _number(text: str) -> float | None:
    return float(text) if text.strip() else None


def _source(row: dict[str, str]) -> Source:
    return Source(**{k: row.get(k, "") for k in Source.__dataclass_fields__})


def _province(row: dict[str, str]) -> Province:
    return Province(**{k: row.get(k, "") for k in Province.__dataclass_fields__})


def _succession(row: dict[str, str]) -> Succession:
    return Succession(
        predecessor_id=row["predecessor_id"],
        successor_id=row["successor_id"],
        effective=row["effective"],
        kind=row["kind"],
        unit_share=_number(row.get("unit_share", "")),
        legal_basis=row.get("legal_basis", ""),
        source_id=row.get("source_id", ""),
    )


def _unit_count(row: dict[str, str]) -> UnitCount:
    return UnitCount(
        province_id=row["province_id"],
        as_of=row["as_of"],
        districts=_int(row.get("districts", "")),
        communes=_int(row["communes"]) or 0,
        wards=_int(row["wards"]) or 0,
        townships=_int(row.get("townships", "")),
        special_zones=_int(row.get("special_zones", "")),
        total=int(row["total"]),
        source_id=row.get("source_id", ""),
    )


def _indicator(row: dict[str, str]) -> Indicator:
    flag = row.get("fewer_is_streamlined", "").strip()
    return Indicator(
        id=row["id"],
        name_en=row["name_en"],
        name_vi=row.get("name_vi", ""),
        unit=row.get("unit", ""),
        level=row.get("level", ""),
        definition=row.get("definition", ""),
        fewer_is_streamlined=(flag in TRUE_VALUES) if flag else None,
    )


def _figure(row: dict[str, str]) -> Figure:
    return Figure(
        id=row["id"],
        province_id=row["province_id"],
        area=row.get("area", ""),
        indicator_id=row["indicator_id"],
        measure=row["measure"],
        value=float(row["value"]),
        qualifier=row.get("qualifier", "") or "exact",
        period_start=row.get("period_start", ""),
        period_end=row.get("period_end", ""),
        source_id=row["source_id"],
        quote=row.get("quote", ""),
        quote_en=row.get("quote_en", ""),
        notes=row.get("notes", ""),
    )


def _disagreement(row: dict[str, str]) -> Disagreement:
    return Disagreement(
        id=row["id"],
        province_id=row["province_id"],
        indicator_id=row["indicator_id"],
        figure_ids=tuple(row.get("figure_ids", "").split()),
        stated_value=_number(row.get("stated_value", "")),
        registry_value=_number(row.get("registry_value", "")),
        registry_source_id=row.get("registry_source_id", ""),
        explanation=row.get("explanation", ""),
    )


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def parse_changelog(text: str) -> tuple[ChangelogEntry, ...]:
    """Entries of a changelog written as `## heading` lines each followed by `- item` lines.

    The text is kept as plain text (the pages escape it); other Markdown is not interpreted,
    so a contributed line cannot inject markup or links.
    """
    entries: list[ChangelogEntry] = []
    heading: str | None = None
    items: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            if heading is not None:
                entries.append(ChangelogEntry(heading, tuple(items)))
            heading, items = stripped[3:].strip(), []
        elif heading is not None and stripped.startswith(("- ", "* ")):
            items.append(stripped[2:].strip())
        elif heading is not None and stripped and items and line.startswith((" ", "\t")):
            items[-1] = f"{items[-1]} {stripped}"  # a wrapped item continues on an indented line
    if heading is not None:
        entries.append(ChangelogEntry(heading, tuple(items)))
    return tuple(entries)
