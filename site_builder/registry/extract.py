"""Print what the registry packages say, as one JSON document on stdout.

Runs with the registry environment's Python (`.venv-registry/bin/python`, Python >= 3.12), never
imported by the site builder: vietnam-provinces is GPL, so we run it as a tool and copy none of
its files. Only codes, names, types, areas and counts leave this script; the geocoded coordinates that
vietnamadminunits carries are never selected or printed (their terms forbid publishing them).

    .venv-registry/bin/python site_builder/registry/extract.py > registry.json
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections import Counter, defaultdict
from importlib import metadata

# Modules beside this script (it runs as a file, so sys.path[0] is its folder).
import extract_units
from packages import PACKAGES


def admin_units_database() -> sqlite3.Connection:
    import vietnamadminunits

    path = os.path.join(os.path.dirname(vietnamadminunits.__file__), "data", "dataset.db")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def old_provinces(db: sqlite3.Connection) -> list[dict]:
    """The 63 provinces before 1 July 2025 with their districts and commune-level units (vietnamadminunits)."""
    provinces: dict[str, dict] = {}
    districts: dict[str, set] = defaultdict(set)
    units: dict[str, Counter] = defaultdict(Counter)
    rows = db.execute("SELECT provinceCode, province, districtCode, wardCode, wardType FROM admin_units_legacy")
    for code, name, district, ward, ward_type in rows:
        provinces[code] = {"code": code, "name": name}
        districts[code].add(district)
        if ward:  # a few island districts have no commune-level unit
            units[code][ward_type] += 1
    return [
        {
            **provinces[code],
            "districts": len(districts[code]),
            "communes": units[code]["Xã"],
            "wards": units[code]["Phường"],
            "townships": units[code]["Thị trấn"],
        }
        for code in sorted(provinces)
    ]


def new_province_types(db: sqlite3.Connection) -> dict[str, str]:
    """Full names of the 34 provinces as of 1 July 2025 (vietnamadminunits), which carry the type."""
    return dict(db.execute("SELECT DISTINCT provinceCode, province FROM admin_units"))


def new_provinces(names_on_reform_day: dict[str, str]) -> list[dict]:
    """The 34 provinces since 1 July 2025 with their commune-level units (vietnam-provinces)."""
    from vietnam_provinces import Province, Ward

    kinds = {"xã": "communes", "phường": "wards", "đặc khu": "special_zones"}
    counts: dict[str, Counter] = defaultdict(Counter)
    for ward in Ward.iter_all():
        counts[f"{int(ward.province_code):02d}"][kinds[ward.division_type.value]] += 1
    result = []
    for province in Province.iter_all():
        code = f"{int(province.code):02d}"
        result.append(
            {
                "code": code,
                "name": province.name,
                "name_on_reform_day": names_on_reform_day.get(code, ""),
                "division_type": province.division_type.value,
                **{column: counts[code][column] for column in kinds.values()},
            }
        )
    return sorted(result, key=lambda p: p["code"])


def ward_conversion() -> list[dict]:
    """vietnam-provinces' official old -> new table of commune-level units, by code.

    transform.py applies the committed corrections to it and counts the flows between provinces.
    """
    from vietnam_provinces import _ward_conversion_2025 as conversion

    return [
        {
            "code": f"{entry.old_ward.code:05d}",
            "district": f"{entry.old_ward.district_code:03d}",
            "province": f"{entry.old_ward.province_code:02d}",
            "partly": entry.old_ward.is_partly_merged,
            "new": [{"code": f"{ward.code:05d}", "province": f"{ward.province_code:02d}"} for ward in entry.new_wards],
        }
        for _, entry in sorted(conversion.OLD_TO_NEW.items())
    ]


def province_table() -> dict[str, list[str]]:
    """The package's province-level old -> new table, kept to report where it differs from the units."""
    from vietnam_provinces import _province_conversion_2025 as conversion

    return {
        f"{code:02d}": [f"{p.code:02d}" for p in entry.new_provinces] for code, entry in sorted(conversion.OLD_TO_NEW.items())
    }


def main() -> int:
    db = admin_units_database()
    document = {
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "old_provinces": old_provinces(db),
        "new_provinces": new_provinces(new_province_types(db)),
        "ward_conversion": ward_conversion(),
        "province_table": province_table(),
        "units": extract_units.extract(db),
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
