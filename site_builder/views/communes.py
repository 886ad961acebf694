"""The commune lookup: every commune-level unit before and since 1 July 2025, with where it is
now, for "Find your commune" and the header search (assets/search/commune-lookup.js).

Names are matched ASCII-folded (`fold`): a reader types "phuc xa" for Phường Phúc Xá and
"da nang" for Đà Nẵng. The lookup is split into shards by the first three letters of the folded
name, so the "Find your commune" page loads only the piece the reader's query needs.
Pure functions: data in, data out; the build writes the shards as JSON.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import Dataset, Province, Units

# The type words a reader may type before a name ("xa tan thanh", "phuong 1"), folded.
TYPE_WORDS = ("xa", "phuong", "thi tran", "dac khu")


@functools.lru_cache(maxsize=1 << 16)  # the lookup folds each of ~20,000 names several times
def fold(text: str) -> str:
    """ASCII-folded, lower case, one space between words: "Phường Phúc Xá" -> "phuong phuc xa".

    đ/Đ become d (they are letters of their own, not d with a mark); every combining mark
    is dropped after Unicode decomposition. assets/search/communes.js folds queries the same way.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return " ".join(re.findall(r"[a-z0-9]+", bare.lower()))


def shard_key(folded_name: str) -> str:
    """The shard a folded name lives in: its first three letters or digits ("phuc xa" -> "phu")."""
    return folded_name.replace(" ", "")[:3] or "_"


@dataclass(frozen=True)
class UnitTarget:
    """A current unit, as a link target: `provinces/<slug>/#unit-<code>`."""

    code: str
    full_name: str
    province_name: str
    province_slug: str

    @property
    def href(self) -> str:
        return f"provinces/{self.province_slug}/#unit-{self.code}"


@dataclass(frozen=True)
class CommuneEntry:
    """One unit a reader may look up, former or current, and the current unit(s) it leads to."""

    era: str  # "current" (since 1 July 2025) or "former" (until 30 June 2025)
    code: str
    name: str
    full_name: str
    type: str
    district: str  # former units: the district's full name; "" for current units
    province_name: str  # the province of the unit's era
    targets: tuple[UnitTarget, ...]

    @property
    def folded(self) -> str:
        return fold(self.full_name)

    @property
    def key(self) -> str:
        return shard_key(fold(self.name))

    def as_row(self) -> list:
        """The compact JSON form: [era, code, full name, type, folded full name, district,
        province, [[target code, target full name, target province slug, target province], ...]]."""
        return [
            self.era[0],
            self.code,
            self.full_name,
            self.type,
            self.folded,
            self.district,
            self.province_name,
            [[t.code, t.full_name, t.province_slug, t.province_name] for t in self.targets],
        ]


def commune_entries(dataset: Dataset) -> tuple[CommuneEntry, ...]:
    """Every current unit, then every former unit, each with its link target(s), in file order."""
    return _entries(dataset.provinces, dataset.units)


def _entries(province_list: tuple[Province, ...], units: Units) -> tuple[CommuneEntry, ...]:
    provinces = {p.id: p for p in province_list}
    targets = {
        u.code: UnitTarget(u.code, u.full_name, _name(provinces, u.province_id), _slug(provinces, u.province_id))
        for u in units.current
    }
    districts = {d.code: d.full_name for d in units.districts}
    went_to: dict[str, list[tuple[bool, str, UnitTarget]]] = defaultdict(list)
    for link in units.links:  # a divided unit's targets: the one that took its main part first
        if link.former_code and link.current_code in targets:
            went_to[link.former_code].append((not link.is_main, link.current_code, targets[link.current_code]))
    current = tuple(
        CommuneEntry("current", u.code, u.name, u.full_name, u.type, "", targets[u.code].province_name, (targets[u.code],))
        for u in units.current
    )
    former = tuple(
        CommuneEntry(
            "former",
            u.code,
            u.name,
            u.full_name,
            u.type,
            districts.get(u.district_code, ""),
            _name(provinces, u.province_id),
            tuple(t for *_, t in sorted(went_to.get(u.code, ()))),
        )
        for u in units.former
    )
    return current + former


@functools.lru_cache(maxsize=2)
def commune_lookup(provinces: tuple[Province, ...], units: Units) -> dict[str, list]:
    """The lookup's shards of these provinces and units. Kept for the next call with equal ones:
    `site-builder serve` rebuilds after every edit, and most edits are to figures, not units.
    Callers only read the result."""
    return commune_shards(_entries(provinces, units))


def commune_shards(entries: tuple[CommuneEntry, ...]) -> dict[str, list]:
    """The lookup split by shard key: {key: [row, ...]}, rows sorted by folded name then code."""
    shards: dict[str, list[CommuneEntry]] = defaultdict(list)
    for entry in entries:
        shards[entry.key].append(entry)
    return {
        key: [e.as_row() for e in sorted(group, key=lambda e: (fold(e.name), e.era, e.code))]
        for key, group in sorted(shards.items())
    }


def _name(provinces: dict[str, Province], province_id: str) -> str:
    province = provinces.get(province_id)
    return province.name_vi if province else ""


def _slug(provinces: dict[str, Province], province_id: str) -> str:
    province = provinces.get(province_id)
    return province.slug if province else ""
