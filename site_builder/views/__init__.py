"""From the loaded model to what the pages show: per-province and per-indicator views,
national totals, coverage. Pure functions: data in, data out; nothing here reads files or
formats text.

- figures.py: a figure with its indicator, source and province; table order; chart groups
- provinces.py: units before/after, lineage and figures of each province page
- indicators.py: an indicator's figures and comparisons across provinces
- national.py: headline national figures and the coverage matrix
- units.py: each province's commune-level units before and after, with predecessors
- unit_figures.py: figures derived from the units package for one province (kept apart from sources)
- communes.py: the "Find your commune" lookup of every unit, names folded for matching
- units.py: each province's commune-level units before and since 1 July 2025, and where each went
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from site_builder.dataset.model import Dataset, Indicator, Province, Units
from site_builder.views.figures import FigureGroup, FigureView
from site_builder.views.indicators import Comparison, IndicatorView, indicator_view
from site_builder.views.national import CoverageRow, NationalFigures, coverage, national_figures
from site_builder.views.provinces import ProvinceView, UnitChange, index_dataset, province_view
from site_builder.views.units import CurrentUnitView, FormerUnitView, ProvinceUnits, index_units, province_units

__all__ = [
    "Comparison",
    "CoverageRow",
    "CurrentUnitView",
    "FigureGroup",
    "FigureView",
    "FormerUnitView",
    "IndicatorView",
    "NationalFigures",
    "ProvinceUnits",
    "ProvinceView",
    "Site",
    "UnitChange",
    "derive_site",
]


@dataclass(frozen=True)
class Site:
    """Everything the pages and charts are made from."""

    dataset: Dataset
    provinces: dict  # id -> Province
    sources: dict  # id -> Source
    indicators: tuple[Indicator, ...]  # sorted by English name
    current: tuple[ProvinceView, ...]  # sorted by slug
    former: tuple[ProvinceView, ...]
    indicator_views: tuple[IndicatorView, ...]
    national: NationalFigures
    coverage_current: tuple[CoverageRow, ...]
    coverage_former: tuple[CoverageRow, ...]
    country: ProvinceView | None = None  # the national figures (province_id vn), when there are any

    def view(self, province_id: str) -> ProvinceView:
        for view in self.current + self.former:
            if view.province.id == province_id:
                return view
        raise KeyError(province_id)


@functools.lru_cache(maxsize=2)
def units_by_province(
    units: Units, provinces: tuple[Province, ...], predecessors: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict[str, ProvinceUnits | None]:
    """Each province's units (`predecessors`: each province's former provinces), kept for the
    next call with equal arguments: `site-builder serve` rebuilds after every edit, and most
    edits are to figures, not units. Callers only read the result."""
    by_id = {p.id: p for p in provinces}
    index = index_units(units, by_id)
    return {pid: province_units(index, by_id[pid], ids) for pid, ids in predecessors}


def derive_site(dataset: Dataset) -> Site:
    """Build every view the site shows from a validated dataset."""
    lookups = index_dataset(dataset)
    views = {p.id: province_view(lookups, p) for p in dataset.provinces}
    predecessors = tuple((pid, tuple(q.id for q in view.predecessors)) for pid, view in views.items())
    communes = units_by_province(dataset.units, dataset.provinces, predecessors)
    views = {pid: replace(view, communes=communes[pid]) for pid, view in views.items()}
    by_slug = sorted(dataset.provinces, key=lambda p: (p.slug, p.id))
    current = tuple(views[p.id] for p in by_slug if p.is_current)
    former = tuple(views[p.id] for p in by_slug if not p.is_current)
    indicators = tuple(sorted(lookups.indicators.values(), key=lambda i: (i.name_en.lower(), i.id)))
    every_figure = [lookups.figure_view(f) for f in dataset.figures]
    return Site(
        dataset=dataset,
        provinces=lookups.provinces,
        sources=lookups.sources,
        indicators=indicators,
        current=current,
        former=former,
        indicator_views=tuple(indicator_view(i, every_figure, current, former) for i in indicators),
        national=national_figures(dataset, lookups.own_units),
        coverage_current=coverage(current, indicators, lookups.own_units),
        coverage_former=coverage(former, indicators, lookups.own_units),
        country=province_view(lookups, dataset.country) if dataset.country else None,
    )
