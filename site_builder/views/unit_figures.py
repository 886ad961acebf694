"""Figures derived from the units package alone for one province's territory: units by type
before and after 1 July 2025, districts abolished, area where known, mean areas where they can
be computed, and the largest merger. Pages show them apart from the figures of published sources.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import District, FormerUnit
from site_builder.views.unit_views import CurrentUnitView

# The order units are listed and counted in: the schema's enum order.
FORMER_TYPES = ("commune", "ward", "township")
CURRENT_TYPES = ("commune", "ward", "special_zone")


@dataclass(frozen=True)
class TypeCount:
    type: str
    count: int


@dataclass(frozen=True)
class UnitFigures:
    """Figures derived from the registry for one province's territory: before and after 1 July 2025.

    For a former province "after" counts the current units that took in all or part of its units.
    Areas are the registry's areas of current units; "before" means are given only where the
    territory before and after is the same set of units and every area is known."""

    before: tuple[TypeCount, ...]
    after: tuple[TypeCount, ...]
    districts: int  # district-level units abolished
    area_km2: float | None  # sum of the known areas of the units after; None if none is known
    area_known: int  # units after with an area
    mean_area_after: float | None
    mean_area_before: float | None
    same_territory: bool  # the units after cover exactly the units before (no unit shared with another province)
    largest_merger: CurrentUnitView | None  # the unit after with the most predecessors

    def type_rows(self) -> tuple[tuple[str, int | None, int | None], ...]:
        """(type, count before, count after) for every type of either side; None where a type
        did not exist on that side (townships after, special zones before)."""
        before = {c.type: c.count for c in self.before}
        after = {c.type: c.count for c in self.after}
        types = list(before) + [t for t in after if t not in before]
        return tuple((t, before.get(t), after.get(t)) for t in types)

    @property
    def before_total(self) -> int:
        return sum(c.count for c in self.before)

    @property
    def after_total(self) -> int:
        return sum(c.count for c in self.after)


def unit_figures(
    links_from: dict, former: list[FormerUnit], districts: list[District], after: tuple[CurrentUnitView, ...], own: bool
) -> UnitFigures:
    """Counts, areas and the largest merger of a territory: its former units and districts, and
    the current units `after`. `own`: the units after are the province's own (a current
    province); otherwise their area is its area only when they cover the same territory."""
    same = _same_territory(links_from, former, districts, after)
    areas = [v.unit.area_km2 for v in after if v.unit.area_km2 is not None] if own or same else []
    area = round(sum(areas), 2) if areas else None
    complete = bool(after) and len(areas) == len(after)
    largest = max(after, key=lambda v: len(v.predecessors), default=None)  # first in list order on a tie
    return UnitFigures(
        before=_counts((u.type for u in former), FORMER_TYPES),
        after=_counts((v.unit.type for v in after), CURRENT_TYPES),
        districts=len(districts),
        area_km2=area,
        area_known=len(areas),
        mean_area_after=round(area / len(after), 2) if complete else None,
        mean_area_before=round(area / len(former), 2) if complete and same and former else None,
        same_territory=same,
        largest_merger=largest if largest is not None and len(largest.predecessors) > 1 else None,
    )


def _same_territory(
    links_from: dict, former: list[FormerUnit], districts: list[District], after: tuple[CurrentUnitView, ...]
) -> bool:
    """True when the units after were formed only from these units before, and these went only to them."""
    sources = {u.code for u in former} | {d.code for d in districts}
    codes = {v.unit.code for v in after}
    into_ok = all((p.unit.code if p.unit else p.district.code) in sources for v in after for p in v.predecessors)
    out_ok = all(link.current_code in codes for s in sources for link in links_from.get(s, ()))
    return into_ok and out_ok


def _counts(types, order: tuple[str, ...]) -> tuple[TypeCount, ...]:
    counted: dict[str, int] = defaultdict(int)
    for unit_type in types:
        counted[unit_type] += 1
    return tuple(TypeCount(t, counted.get(t, 0)) for t in order) + tuple(
        TypeCount(t, n) for t, n in sorted(counted.items()) if t not in order
    )
