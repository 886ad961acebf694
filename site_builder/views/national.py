"""National headline figures and the coverage matrix (figures per province and indicator)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.dataset.model import Dataset, Indicator, Province
from site_builder.dataset.vocabulary import REFORM_DATE
from site_builder.views.provinces import ProvinceView, UnitChange


@dataclass(frozen=True)
class NationalFigures:
    provinces_before: int
    provinces_after: int
    units_before: int
    units_after: int
    units_before_as_of: str
    units_after_as_of: str
    districts_before: int | None  # None when the registry lacks a district count for some province


@dataclass(frozen=True)
class CoverageRow:
    province: Province
    counts: tuple[int, ...]  # figures per indicator, in the order of Site.indicators
    has_unit_counts: bool

    @property
    def total(self) -> int:
        return sum(self.counts)


def national_figures(dataset: Dataset, units: dict[str, UnitChange]) -> NationalFigures:
    """Counts of provinces and commune-level units on each side of the reform, from the data."""
    former = [p for p in dataset.provinces if not p.is_current]
    current = [p for p in dataset.provinces if p.is_current]
    last_before: dict = {}
    for c in sorted(dataset.unit_counts, key=lambda c: c.as_of):
        if c.as_of < REFORM_DATE:
            last_before[c.province_id] = c
    districts = [last_before[p.id].districts if p.id in last_before else None for p in former]
    return NationalFigures(
        provinces_before=len(former),
        provinces_after=len(current),
        units_before=sum(units[p.id].before or 0 for p in former),
        units_after=sum(units[p.id].after or 0 for p in current),
        units_before_as_of=max((units[p.id].before_as_of for p in former), default=""),
        units_after_as_of=min((units[p.id].after_as_of for p in current if units[p.id].after_as_of), default=""),
        districts_before=sum(districts) if districts and None not in districts else None,
    )


def coverage(
    views: tuple[ProvinceView, ...], indicators: tuple[Indicator, ...], units: dict[str, UnitChange]
) -> tuple[CoverageRow, ...]:
    """Per province, how many figures it has for each indicator (a successor counts its predecessors')."""
    rows = []
    for view in views:
        counts = tuple(sum(1 for v in view.figures if v.indicator.id == i.id) for i in indicators)
        u = units[view.province.id]
        rows.append(CoverageRow(view.province, counts, u.before is not None or u.after is not None))
    return tuple(rows)
