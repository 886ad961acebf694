"""The commune lookup's data: every commune-level unit before and since 1 July 2025 with where it
is now, and the provinces and districts, for "Find your commune", the header search, the bulk
conversion and `site-builder convert-addresses` (all through site_builder/addresses).

Rows are split into shards by the first letters of their name's key (the rules' `shard`), so
the lookup fetches only the pieces a query needs; all.json holds every row for the bulk
conversion. The row form is described in addresses/index.py. Pure functions: data in, data out.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict

from site_builder.addresses.index import NAME, shard_names
from site_builder.addresses.rules import RULES_FILE, load_rules
from site_builder.dataset.model import Province, Units


@functools.lru_cache(maxsize=1 << 16)  # the search index folds each of ~20,000 words
def fold(text: str) -> str:
    """ASCII-folded, lower case, one space between words: "Phường Phúc Xá" -> "phuong phuc xa".

    đ/Đ become d (they are letters of their own, not d with a mark); every combining mark
    is dropped after Unicode decomposition (publish/html_scan.py folds the search index with it).
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return " ".join(re.findall(r"[a-z0-9]+", bare.lower()))


def lookup_rows(provinces: tuple[Province, ...], units: Units) -> list[list]:
    """Every current unit, then every former unit, as lookup rows (addresses/index.py), in file order."""
    districts = {d.code: d for d in units.districts}
    current = {u.code: u for u in units.current}
    went_to: dict[str, list] = defaultdict(list)  # former code -> [(not main, code)]
    came_from: dict[str, list] = defaultdict(list)  # current code -> [(district code, province id)]
    former_by_code = {u.code: u for u in units.former}
    for link in units.links:
        if link.current_code not in current:
            continue
        if link.former_code:
            went_to[link.former_code].append((not link.is_main, link.current_code))
            unit = former_by_code.get(link.former_code)
            if unit:
                came_from[link.current_code].append((unit.district_code, unit.province_id))
        elif link.former_district_code in districts:  # an island district without communes
            came_from[link.current_code].append((link.former_district_code, districts[link.former_district_code].province_id))

    def target(code: str, main: bool) -> list:
        unit = current[code]
        return [code, unit.full_name, unit.province_id, 1 if main else 0]

    rows = []
    for u in units.current:
        origins = came_from.get(u.code, [])
        rows.append(
            [
                "c",
                u.code,
                u.name,
                u.full_name,
                u.type,
                "",
                u.province_id,
                [target(u.code, True)],
                sorted({d for d, _ in origins}),
                _unique([u.province_id] + sorted({p for _, p in origins})),
            ]
        )
    for u in units.former:
        targets = [target(code, not other) for other, code in sorted(went_to.get(u.code, ()))]
        rows.append(
            [
                "f",
                u.code,
                u.name,
                u.full_name,
                u.type,
                u.district_code,
                u.province_id,
                targets,
                [u.district_code],
                _unique([u.province_id] + [t[2] for t in targets]),
            ]
        )
    return rows


def lookup_places(provinces: tuple[Province, ...], units: Units) -> dict:
    """Provinces of both eras and the districts of 30 June 2025, as the matcher reads them."""
    return {
        "provinces": [[p.id, p.name_vi, p.slug, p.type] for p in provinces],
        "districts": [[d.code, d.name, d.type, d.province_id] for d in units.districts],
        # A district's full name is its type word and its name ("Quận" "Ba Đình"): not repeated 696 times.
        "district_words": {d.type: d.full_name[: -len(d.name) - 1] for d in units.districts},
    }


def lookup_shards(rows: list[list]) -> dict[str, list]:
    """The rows split by shard (addresses/index.py `shard_names`): {shard: rows sorted by name key, era, code}."""
    rules = load_rules()
    keys = [rules.key(row[NAME]) for row in rows]
    names = shard_names(keys, rules)
    shards: dict[str, list] = defaultdict(list)
    for row, key in zip(rows, keys, strict=True):
        shards[names[key]].append(row)
    return {key: sorted(group, key=lambda r: (rules.key(r[NAME]), r[0], r[1])) for key, group in sorted(shards.items())}


@functools.lru_cache(maxsize=2)
def commune_lookup(provinces: tuple[Province, ...], units: Units) -> dict[str, object]:
    """The lookup's files by name (without .json): each shard, and "_all", "_places", "_rules".
    Kept for the next call with equal provinces and units: `site-builder serve` rebuilds after
    every edit, and most edits are to figures, not units. Callers only read the result."""
    rows = lookup_rows(provinces, units)
    files: dict[str, object] = dict(lookup_shards(rows))
    files["_all"] = rows
    files["_places"] = lookup_places(provinces, units)
    files["_rules"] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return files


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
