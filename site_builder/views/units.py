"""What became of each commune: the units package seen from one province.

A current province (p34-..) lists its commune-level units, each with the former units (or
parts of them) it was formed from; a former province (p63-..) lists its units by district, each
with the current unit(s) it went to. Both carry figures derived from the registry alone (counts
by type, districts abolished, area where known, the largest merger), kept apart from the
figures of published sources.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import District, FormerUnit, Province, UnitLink, Units
from site_builder.errors import BuildError
from site_builder.views.unit_figures import CURRENT_TYPES, FORMER_TYPES, TypeCount, UnitFigures, unit_figures
from site_builder.views.unit_views import CurrentUnitView, Destination, DistrictView, FormerUnitView, Predecessor

__all__ = [
    "CurrentUnitView",
    "Destination",
    "DistrictView",
    "FormerUnitView",
    "Predecessor",
    "ProvinceUnits",
    "TypeCount",
    "UnitFigures",
    "UnitIndex",
    "index_units",
    "name_key",
    "province_units",
]


@functools.lru_cache(maxsize=1 << 16)  # ~13,000 distinct names are sorted by, 38,000 times a build
def name_key(name: str) -> tuple[str, str]:
    """Sort key of a Vietnamese name: letters without diacritics first (đ as d), then the name."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D")) if not unicodedata.combining(c)
    )
    return stripped.casefold(), name


@dataclass(frozen=True)
class ProvinceUnits:
    """One province page's units: current units (current provinces) or districts (former ones)."""

    figures: UnitFigures
    current: tuple[CurrentUnitView, ...] = ()
    districts: tuple[DistrictView, ...] = ()
    several_provinces: bool = False  # predecessors come from more than one former province

    @property
    def link_count(self) -> int:
        """Links between a unit before and a unit after shown on the page (the rows of its CSV)."""
        return sum(len(v.predecessors) for v in self.current) + sum(len(u.destinations) for d in self.districts for u in d.units)

    @property
    def former_count(self) -> int:
        return sum(d.unit_count for d in self.districts)


@dataclass(frozen=True)
class UnitIndex:
    """The units package indexed by code and province, with every current unit's view."""

    units: Units
    districts: dict  # code -> District
    former_of: dict  # province id -> [FormerUnit]
    districts_of: dict  # province id -> [District]
    current_of: dict  # province id -> [CurrentUnitView], sorted by type then name
    current_view: dict  # code -> CurrentUnitView
    links_from: dict  # former code (or district code of an island district) -> [UnitLink]


def _link_source(link: UnitLink) -> str:
    return link.former_code or link.former_district_code


def index_units(units: Units, provinces: dict) -> UnitIndex:
    """Index the units package once; `provinces` is the reform package's id -> Province."""
    districts = {d.code: d for d in units.districts}
    former = {f.code: f for f in units.former}
    links_into: dict[str, list[UnitLink]] = defaultdict(list)
    links_from: dict[str, list[UnitLink]] = defaultdict(list)
    for link in units.links:
        links_into[link.current_code].append(link)
        links_from[_link_source(link)].append(link)
    current_view = {}
    for unit in units.current:
        preds = [_predecessor(link, former, districts, provinces) for link in links_into.get(unit.code, ())]
        preds.sort(key=lambda p: (p.province.slug, name_key(p.district.name), name_key(p.unit.name if p.unit else "")))
        current_view[unit.code] = CurrentUnitView(
            unit, _province(provinces, unit.province_id, "units_after", unit.code), tuple(preds)
        )
    current_of: dict[str, list[CurrentUnitView]] = defaultdict(list)
    for view in sorted(
        current_view.values(), key=lambda v: (_type_rank(v.unit.type, CURRENT_TYPES), name_key(v.unit.name), v.unit.code)
    ):
        current_of[view.unit.province_id].append(view)
    former_of: dict[str, list[FormerUnit]] = defaultdict(list)
    for unit in units.former:
        former_of[unit.province_id].append(unit)
    districts_of: dict[str, list[District]] = defaultdict(list)
    for district in units.districts:
        districts_of[district.province_id].append(district)
    return UnitIndex(units, districts, former_of, districts_of, current_of, current_view, links_from)


def _predecessor(link: UnitLink, former: dict, districts: dict, provinces: dict) -> Predecessor:
    unit = former.get(link.former_code) if link.former_code else None
    district = districts[unit.district_code if unit else link.former_district_code]
    province = _province(provinces, district.province_id, "districts", district.code)
    return Predecessor(unit, district, province, bool(link.divided), link.is_main)


def _province(provinces: dict, province_id: str, resource: str, code: str) -> Province:
    try:
        return provinces[province_id]
    except KeyError:
        raise BuildError(
            f"datapackages/units/{resource}.csv: {code} belongs to {province_id}, which is not in "
            "reform/provinces.csv; run `site-builder validate` and fix the province id."
        ) from None


def _type_rank(unit_type: str, order: tuple[str, ...]) -> int:
    return order.index(unit_type) if unit_type in order else len(order)


def province_units(index: UnitIndex, province: Province, predecessor_ids: tuple[str, ...] = ()) -> ProvinceUnits | None:
    """The units of one province's page, or None when the units package has none for it.

    `predecessor_ids`: a current province's former provinces (whose units were before it)."""
    if province.is_current:
        current = tuple(index.current_of.get(province.id, ()))
        if not current:
            return None
        former = [u for pid in predecessor_ids for u in index.former_of.get(pid, ())]
        districts = [d for pid in predecessor_ids for d in index.districts_of.get(pid, ())]
        figures = unit_figures(index.links_from, former, districts, current, own=True)
        several = len({p.province.id for v in current for p in v.predecessors}) > 1
        return ProvinceUnits(figures, current=current, several_provinces=several)
    groups = district_views(index, province.id)
    if not groups:
        return None
    reached = {d.unit.unit.code: d.unit for g in groups for u in g.units for d in u.destinations}
    after = tuple(
        sorted(reached.values(), key=lambda v: (_type_rank(v.unit.type, CURRENT_TYPES), name_key(v.unit.name), v.unit.code))
    )
    figures = unit_figures(
        index.links_from, index.former_of.get(province.id, []), index.districts_of.get(province.id, []), after, own=False
    )
    return ProvinceUnits(figures, districts=groups)


def district_views(index: UnitIndex, province_id: str) -> tuple[DistrictView, ...]:
    """A former province's districts by name, each with its units by type then name and where they went."""
    by_district: dict[str, list[FormerUnit]] = defaultdict(list)
    for unit in index.former_of.get(province_id, ()):
        by_district[unit.district_code].append(unit)
    groups = []
    for district in sorted(index.districts_of.get(province_id, ()), key=lambda d: (name_key(d.name), d.code)):
        units = sorted(
            by_district.get(district.code, ()), key=lambda u: (_type_rank(u.type, FORMER_TYPES), name_key(u.name), u.code)
        )
        views = [FormerUnitView(u, district, _destinations(index, u.code)) for u in units]
        if not units and index.links_from.get(district.code):  # an island district with no commune-level unit
            views.append(FormerUnitView(None, district, _destinations(index, district.code)))
        groups.append(DistrictView(district, tuple(views)))
    return tuple(groups)


def _destinations(index: UnitIndex, source: str) -> tuple[Destination, ...]:
    links = sorted(index.links_from.get(source, ()), key=lambda link: (link.is_main is not True, link.current_code))
    return tuple(Destination(index.current_view[link.current_code], bool(link.divided), link.is_main) for link in links)
