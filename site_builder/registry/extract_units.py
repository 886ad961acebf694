"""The commune-level units before and since 1 July 2025 and both packages' old -> new tables, for
extract.py (runs in the registry environment; see there).

Nothing here selects a latitude, longitude, bounds or geocoded address: vietnamadminunits' entries
of divided units carry coordinates next to the keys we read, and only the keys are copied.
"""

from __future__ import annotations

import json
import os
import sqlite3


def districts_and_units(db: sqlite3.Connection) -> tuple[list[dict], list[dict]]:
    """The 696 districts and 10,035 commune-level units on 30 June 2025 (vietnamadminunits)."""
    districts, units = {}, []
    rows = db.execute(
        "SELECT provinceCode, districtCode, district, districtType, wardCode, ward, wardType "
        "FROM admin_units_legacy ORDER BY districtCode, wardCode"
    )
    for province, district, district_name, district_type, code, name, kind in rows:
        districts[district] = {"code": district, "name": district_name, "type": district_type, "province": province}
        if code:  # the five island districts without a commune-level unit have an empty ward
            units.append({"code": code, "name": name, "type": kind, "district": district, "province": province})
    return sorted(districts.values(), key=lambda d: d["code"]), units


def current_units(db: sqlite3.Connection) -> list[dict]:
    """The 3,321 commune-level units since 1 July 2025 with their area (vietnamadminunits)."""
    rows = db.execute("SELECT wardCode, ward, wardType, provinceCode, wardAreaKm2 FROM admin_units ORDER BY wardCode")
    return [
        {"code": code, "name": name, "type": kind, "province": province, "area_km2": area}
        for code, name, kind, province, area in rows
    ]


def changes(db: sqlite3.Connection) -> list[dict]:
    """vietnamadminunits' old -> new table, by code instead of its name keys.

    Keys of former units are '<province key>_<district key>_<ward key>' (the ward key is empty for
    the island districts); keys of current units are a ward key within a current province.
    Each row: old (unit code, or "" with old_district for an island district), new, main
    (true/false for a divided unit as the package marks its default successor, None otherwise).
    """
    old_codes = {
        f"{p}_{d}_{w or ''}": (code or "", district)
        for p, d, w, code, district in db.execute(
            "SELECT provinceKey, districtKey, wardKey, wardCode, districtCode FROM admin_units_legacy"
        )
    }
    new_codes = {(p, w): code for p, w, code in db.execute("SELECT provinceKey, wardKey, wardCode FROM admin_units")}
    import vietnamadminunits

    path = os.path.join(os.path.dirname(vietnamadminunits.__file__), "data", "converter_2025.json")
    with open(path, encoding="utf-8") as handle:
        table = json.load(handle)
    rows = []

    def add(old_key: str, province_key: str, ward_key: str, main: bool | None) -> None:
        if old_key not in old_codes or (province_key, ward_key) not in new_codes:
            raise SystemExit(
                f"vietnamadminunits' converter names {old_key} -> {province_key}/{ward_key}, "
                f"which its own unit lists do not have."
            )
        old, district = old_codes[old_key]
        rows.append({"old": old, "old_district": district, "new": new_codes[(province_key, ward_key)], "main": main})

    for province_key, wards in table["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                add(old_key, province_key, ward_key, None)
    for province_key, olds in table["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            for part in parts:
                add(old_key, province_key, part["newWardKey"], bool(part["isDefaultNewWard"]))
    return sorted(rows, key=lambda r: (r["old"], r["old_district"], r["new"]))


def current_units_elsewhere() -> list[dict]:
    """The current units as vietnam-provinces lists them, to compare names, types and provinces."""
    from vietnam_provinces import Ward

    return sorted(
        (
            {
                "code": f"{int(w.code):05d}",
                "name": w.name,
                "type": w.division_type.value,
                "province": f"{int(w.province_code):02d}",
            }
            for w in Ward.iter_all()
        ),
        key=lambda w: w["code"],
    )


def extract(db: sqlite3.Connection) -> dict:
    districts, before = districts_and_units(db)
    return {
        "districts": districts,
        "before": before,
        "after": current_units(db),
        "changes": changes(db),
        "after_in_vietnam_provinces": current_units_elsewhere(),
    }
