"""From the registry JSON (extract.py) to the rows of provinces.csv, successions.csv and
unit_counts.csv. Pure functions: data in, rows out (the committed corrections and English names
are read from their CSVs beside this module when not passed in).

Identity across eras: the same GSO code means different provinces before and after the reform
(old 15 = Yên Bái, new 15 = Lào Cai), so ids carry the era: `p63-15`, `p34-15`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from site_builder.dataset.vocabulary import LAST_DAY_BEFORE_REFORM, REFORM_DATE
from site_builder.registry.corrections import Correction, apply_corrections, read_corrections
from site_builder.registry.errors import RegistryError
from site_builder.registry.packages import ADMIN_UNITS, PROVINCES

LEGAL_BASIS = "Resolution 202/2025/QH15"
SOURCE_OLD = ADMIN_UNITS.source_id
SOURCE_NEW = PROVINCES.source_id
NAMES_EN = Path(__file__).with_name("province_names_en.csv")
TYPE_WORDS = {"Thành phố": "city", "Tỉnh": "province"}

PROVINCE_COLUMNS = ["id", "gso_code", "name_vi", "name_en", "slug", "type", "valid_from", "valid_to", "source_id"]
SUCCESSION_COLUMNS = ["predecessor_id", "successor_id", "effective", "kind", "unit_share", "legal_basis", "source_id"]
UNIT_COUNT_COLUMNS = [
    "province_id",
    "as_of",
    "districts",
    "communes",
    "wards",
    "townships",
    "special_zones",
    "total",
    "source_id",
]


@dataclass(frozen=True)
class Tables:
    provinces: list[dict[str, str]]
    successions: list[dict[str, str]]
    unit_counts: list[dict[str, str]]
    table_differences: list[str]  # where the package's province table disagrees with the units
    corrections: list[Correction]  # applied to the registry data before the tables were made


def split_type(full_name: str) -> tuple[str, str]:
    """'Thành phố Hà Nội' -> ('Hà Nội', 'city'); 'Tỉnh Bà Rịa - Vũng Tàu' -> ('Bà Rịa - Vũng Tàu', 'province')."""
    for word, kind in TYPE_WORDS.items():
        if full_name.startswith(word + " "):
            return full_name[len(word) + 1 :].strip(), kind
    raise RegistryError(
        f"'{full_name}' does not start with 'Tỉnh' or 'Thành phố'; the registry's naming changed, update split_type()."
    )


def slugify(name: str) -> str:
    """Vietnamese short name -> slug: no diacritics, đ -> d, lower case, hyphenated ('Bà Rịa - Vũng Tàu' -> 'ba-ria-vung-tau')."""
    text = name.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_english_names(path: Path = NAMES_EN) -> dict[tuple[str, str], str]:
    """(era, code) -> English name, from the hand-curated CSV (no package has English names)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["era"], row["gso_code"]): row["name_en"] for row in csv.DictReader(handle)}


def english_name(names: dict[tuple[str, str], str], era: str, code: str, name_vi: str) -> str:
    try:
        return names[(era, code)]
    except KeyError:
        raise RegistryError(
            f"No English name for {name_vi} ({era}, code {code}): add a row '{era},{code},<English name>' to {NAMES_EN.name}."
        ) from None


# The whole country, the place of national figures (province_id vn): no NSO code, no era.
COUNTRY = {
    "id": "vn",
    "gso_code": "",
    "name_vi": "Việt Nam",
    "name_en": "Vietnam",
    "slug": "vietnam",
    "type": "country",
    "valid_from": "",
    "valid_to": "",
    "source_id": SOURCE_NEW,
}


def province_rows(registry: dict, names: dict[tuple[str, str], str]) -> list[dict[str, str]]:
    """The 63 former and 34 current provinces by id, then the country."""
    rows = []
    for old in registry["old_provinces"]:
        name_vi, kind = split_type(old["name"])
        rows.append(
            {
                "id": f"p63-{old['code']}",
                "gso_code": old["code"],
                "name_vi": name_vi,
                "name_en": english_name(names, "p63", old["code"], name_vi),
                "slug": slugify(name_vi),
                "type": kind,
                "valid_from": "",
                "valid_to": LAST_DAY_BEFORE_REFORM,
                "source_id": SOURCE_OLD,
            }
        )
    for new in registry["new_provinces"]:
        # Name and type as on 1 July 2025 (later upgrades to city status are not modelled yet).
        name_vi, kind = split_type(new["name_on_reform_day"] or new["name"])
        rows.append(
            {
                "id": f"p34-{new['code']}",
                "gso_code": new["code"],
                "name_vi": name_vi,
                "name_en": english_name(names, "p34", new["code"], name_vi),
                "slug": slugify(name_vi),
                "type": kind,
                "valid_from": REFORM_DATE,
                "valid_to": "",
                "source_id": SOURCE_NEW,
            }
        )
    return sorted(rows, key=lambda r: r["id"]) + [COUNTRY]


def unit_flows(ward_conversion: list[dict]) -> dict[str, dict[str, float]]:
    """old province -> new province -> how many old commune-level units went there, from the
    old -> new table of units. A unit split across several new units counts 1/n towards each."""
    flows: dict[str, dict[str, float]] = defaultdict(dict)
    for entry in ward_conversion:
        for new in entry["new"]:
            targets = flows[entry["province"]]
            targets[new["province"]] = targets.get(new["province"], 0.0) + 1 / len(entry["new"])
    return flows


def succession_rows(registry: dict) -> tuple[list[dict[str, str]], list[str]]:
    """Each old province's successor is the new province that received most of its units.

    The package's province table is not trusted on its own (the official table has a few
    wrong codes); where it disagrees with the units, the difference is reported.
    """
    flows = unit_flows(registry["ward_conversion"])
    old_codes = [p["code"] for p in registry["old_provinces"]]
    new_codes = {p["code"] for p in registry["new_provinces"]}
    missing = [code for code in old_codes if code not in flows]
    if missing:
        raise RegistryError(
            f"The conversion table has no unit of the old provinces {', '.join(missing)}; check the registry package version."
        )
    successor = {}
    for code in old_codes:
        targets = flows[code]
        new = min(targets, key=lambda target: (-targets[target], target))
        if new not in new_codes:
            raise RegistryError(f"Old province {code} sends most units to unknown new province {new}.")
        successor[code] = (new, targets[new] / sum(targets.values()))
    senders = defaultdict(set)
    for old, targets in flows.items():
        for new in targets:
            senders[new].add(old)
    rows = []
    for code in old_codes:
        new, share = successor[code]
        whole = len(flows[code]) == 1 and senders[new] == {code}
        rows.append(
            {
                "predecessor_id": f"p63-{code}",
                "successor_id": f"p34-{new}",
                "effective": REFORM_DATE,
                "kind": "continued" if whole else "merged",
                "unit_share": f"{share:.4f}".rstrip("0").rstrip("."),
                "legal_basis": LEGAL_BASIS,
                "source_id": SOURCE_NEW,
            }
        )
    differences = [
        f"old {code}: the package's province table says {'/'.join(table)}, most units went to {successor[code][0]}"
        for code, table in sorted(registry.get("province_table", {}).items())
        if code in successor and table != [successor[code][0]]
    ]
    return rows, differences


def unit_count_rows(registry: dict) -> list[dict[str, str]]:
    rows = []
    for old in registry["old_provinces"]:
        total = old["communes"] + old["wards"] + old["townships"]
        rows.append(
            {
                "province_id": f"p63-{old['code']}",
                "as_of": LAST_DAY_BEFORE_REFORM,
                "districts": str(old["districts"]),
                "communes": str(old["communes"]),
                "wards": str(old["wards"]),
                "townships": str(old["townships"]),
                "special_zones": "",
                "total": str(total),
                "source_id": SOURCE_OLD,
            }
        )
    for new in registry["new_provinces"]:
        total = new["communes"] + new["wards"] + new["special_zones"]
        rows.append(
            {
                "province_id": f"p34-{new['code']}",
                "as_of": REFORM_DATE,
                "districts": "",
                "communes": str(new["communes"]),
                "wards": str(new["wards"]),
                "townships": "",
                "special_zones": str(new["special_zones"]),
                "total": str(total),
                "source_id": SOURCE_NEW,
            }
        )
    return sorted(rows, key=lambda r: (r["province_id"], r["as_of"]))


def build_tables(
    registry: dict, names: dict[tuple[str, str], str] | None = None, corrections: list[Correction] | None = None
) -> Tables:
    """All three tables from the registry document, after the committed corrections; raises
    RegistryError with a fix on bad input."""
    corrections = read_corrections() if corrections is None else corrections
    try:
        registry = apply_corrections(registry, corrections)
        provinces = province_rows(registry, read_english_names() if names is None else names)
        successions, differences = succession_rows(registry)
        counts = unit_count_rows(registry)
    except KeyError as error:
        raise RegistryError(f"The registry output lacks the field {error}; extract.py and transform.py disagree.") from None
    return Tables(provinces, successions, counts, differences, corrections)
