"""data/provinces/<id>-units.csv: a province's commune-level units and what became of them, one
row per (former unit, current unit) link, as a formula-safe UTF-8 CSV.

A current province's file lists its units since 1 July 2025, each with the former units it was
formed from; a former province's file lists its units of 30 June 2025 by district, each with
the unit(s) it went to. Both have the same columns, so the files can be stacked.
"""

from __future__ import annotations

from pathlib import Path

from site_builder.dataset.model import District, FormerUnit
from site_builder.downloads.csv_files import table_csv
from site_builder.downloads.package import DATA_FOLDER, Download, write_download
from site_builder.downloads.province_files import FOLDER
from site_builder.incremental import per_object
from site_builder.views.units import CurrentUnitView, ProvinceUnits

UNIT_COLUMNS = [
    "current_code",
    "current_name",
    "current_type",
    "current_province_id",
    "area_km2",
    "former_code",
    "former_name",
    "former_type",
    "former_district_code",
    "former_district_name",
    "former_district_type",
    "former_province_id",
    "divided",
    "is_main",
]
NUMERIC = frozenset({"area_km2"})


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def _row(
    current: CurrentUnitView, former: FormerUnit | None, district: District, divided: bool, is_main: bool | None
) -> dict[str, str]:
    unit = current.unit
    return {
        "current_code": unit.code,
        "current_name": unit.name,
        "current_type": unit.type,
        "current_province_id": unit.province_id,
        "area_km2": "" if unit.area_km2 is None else f"{unit.area_km2:.10g}",
        "former_code": former.code if former else "",
        "former_name": former.name if former else "",
        "former_type": former.type if former else "",
        "former_district_code": district.code,
        "former_district_name": district.name,
        "former_district_type": district.type,
        "former_province_id": district.province_id,
        "divided": _flag(divided),
        "is_main": _flag(is_main),
    }


def unit_rows(units: ProvinceUnits) -> list[dict[str, str]]:
    """The rows of one province's file, in the order its page lists the units."""
    rows = [_row(view, p.unit, p.district, p.divided, p.is_main) for view in units.current for p in view.predecessors]
    rows += [
        _row(d.unit, former.unit, former.district, d.divided, d.is_main)
        for group in units.districts
        for former in group.units
        for d in former.destinations
    ]
    return rows


# Once per ProvinceUnits object: while the units do not change, `site-builder serve` rebuilds
# get the very same objects, and writing the 97 files' rows again took a quarter of a second.
@per_object
def unit_csv(units: ProvinceUnits) -> bytes:
    """One province's units as CSV bytes (UTF-8, formula-safe text cells)."""
    return table_csv(unit_rows(units), UNIT_COLUMNS, numeric=NUMERIC)


def write_unit_files(province_units: dict[str, ProvinceUnits], docs_dir: Path) -> dict[str, Download]:
    """Write data/provinces/<id>-units.csv for every province with units; province id -> the file."""
    folder = Path(docs_dir) / DATA_FOLDER / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return {
        province_id: write_download(
            folder,
            f"{province_id}-units.csv",
            unit_csv(units),
            "Commune-level units of one province and their predecessors or successors (UTF-8 CSV)",
            "csv",
            "unit_changes",
        )
        for province_id, units in province_units.items()
    }
