"""From the registry JSON (extract.py, "units") to the rows of the units package: districts and
commune-level units on 30 June 2025, units since 1 July 2025, and which current unit(s) each former
unit went to. Pure functions: data in, rows out. Every row comes from vietnamadminunits; the
comparison with vietnam-provinces is in compare.py.

A unit's type is read from its name's type word, which vietnam-provinces confirms where
vietnamadminunits' type column contradicts the name (four current units).
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.registry.compare import disagreement_rows
from site_builder.registry.corrections import Correction
from site_builder.registry.errors import RegistryError

# Type words as the names start with them, longest first so "Thị xã" is not read as "Xã".
DISTRICT_TYPES = {"Thành phố": "city", "Thị xã": "town", "Quận": "urban_district", "Huyện": "rural_district"}
BEFORE_TYPES = {"Thị trấn": "township", "Phường": "ward", "Xã": "commune"}
AFTER_TYPES = {"Đặc khu": "special_zone", "Phường": "ward", "Xã": "commune"}

DISTRICT_COLUMNS = ["code", "name", "full_name", "type", "province_id"]
BEFORE_COLUMNS = ["code", "name", "full_name", "type", "district_code", "province_id"]
AFTER_COLUMNS = ["code", "name", "full_name", "type", "province_id", "area_km2"]
CHANGE_COLUMNS = ["former_code", "former_district_code", "current_code", "divided", "is_main"]


@dataclass(frozen=True)
class UnitTables:
    districts: list[dict[str, str]]
    units_before: list[dict[str, str]]
    units_after: list[dict[str, str]]
    unit_changes: list[dict[str, str]]
    registry_disagreements: list[dict[str, str]]


def split_unit_name(full_name: str, types: dict[str, str]) -> tuple[str, str, str]:
    """'Thành Phố Bắc Kạn' -> ('Bắc Kạn', 'Thành phố Bắc Kạn', 'city'): the name without its type
    word, the full name with the type word as the law writes it, and our type."""
    for word, kind in types.items():
        if full_name.casefold().startswith(word.casefold() + " "):
            name = full_name[len(word) + 1 :].strip()
            return name, f"{word} {name}", kind
    raise RegistryError(
        f"'{full_name}' starts with none of {', '.join(types)}; the registry's naming changed, "
        f"add the type word to site_builder/registry/units.py."
    )


def district_rows(districts: list[dict]) -> list[dict[str, str]]:
    rows = []
    for district in districts:
        name, full_name, kind = split_unit_name(district["name"], DISTRICT_TYPES)
        rows.append(
            {
                "code": district["code"],
                "name": name,
                "full_name": full_name,
                "type": kind,
                "province_id": f"p63-{district['province']}",
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def before_rows(units: list[dict]) -> list[dict[str, str]]:
    rows = []
    for unit in units:
        name, full_name, kind = split_unit_name(unit["name"], BEFORE_TYPES)
        rows.append(
            {
                "code": unit["code"],
                "name": name,
                "full_name": full_name,
                "type": kind,
                "district_code": unit["district"],
                "province_id": f"p63-{unit['province']}",
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def area_text(area: float | None) -> str:
    """The registry's area as written (shortest decimal form), empty when it has none."""
    if area is None:
        return ""
    text = repr(float(area))
    return text[:-2] if text.endswith(".0") else text


def after_rows(units: list[dict]) -> list[dict[str, str]]:
    rows = []
    for unit in units:
        name, full_name, kind = split_unit_name(unit["name"], AFTER_TYPES)
        rows.append(
            {
                "code": unit["code"],
                "name": name,
                "full_name": full_name,
                "type": kind,
                "province_id": f"p34-{unit['province']}",
                "area_km2": area_text(unit["area_km2"]),
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def change_rows(changes: list[dict]) -> list[dict[str, str]]:
    """One row per former unit and current unit it went to. A former unit with one successor is not
    divided and that successor is its main one; for a divided unit the registry marks the main part
    (its default successor), or is_main stays empty."""
    successors: dict[tuple[str, str], list[dict]] = {}
    for change in changes:
        successors.setdefault((change["old"], change["old_district"]), []).append(change)
    rows = []
    for (old, district), targets in successors.items():
        divided = len({t["new"] for t in targets}) > 1
        for target in targets:
            main = "true" if not divided else "" if target["main"] is None else str(bool(target["main"])).lower()
            rows.append(
                {
                    "former_code": old,
                    "former_district_code": "" if old else district,
                    "current_code": target["new"],
                    "divided": str(divided).lower(),
                    "is_main": main,
                }
            )
    return sorted(rows, key=lambda r: (r["former_code"], r["former_district_code"], r["current_code"]))


def check_changes_cover_units(changes: list[dict[str, str]], before: list[dict[str, str]], after: list[dict[str, str]]) -> None:
    """Every former unit went somewhere, and every current unit came from somewhere."""
    former = {row["former_code"] for row in changes}
    current = {row["current_code"] for row in changes}
    lost = [row["code"] for row in before if row["code"] not in former]
    orphans = [row["code"] for row in after if row["code"] not in current]
    if lost or orphans:
        raise RegistryError(
            f"vietnamadminunits' old -> new table leaves former units {' '.join(lost[:10]) or '-'} without a "
            f"successor and current units {' '.join(orphans[:10]) or '-'} without a predecessor; "
            f"check the registry package version."
        )


def build_unit_tables(registry: dict, corrections: list[Correction]) -> UnitTables:
    """The units package's tables from the registry document; RegistryError with a fix on bad input."""
    try:
        units = registry["units"]
        districts = district_rows(units["districts"])
        before = before_rows(units["before"])
        after = after_rows(units["after"])
        changes = change_rows(units["changes"])
        check_changes_cover_units(changes, before, after)
        disagreements = disagreement_rows(registry, corrections)
    except KeyError as error:
        raise RegistryError(f"The registry output lacks the field {error}; extract.py and units.py disagree.") from None
    return UnitTables(districts, before, after, changes, disagreements)
