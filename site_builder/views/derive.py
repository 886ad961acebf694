"""From the loaded model to what the pages show: per-province views, series, national totals,
coverage. Pure functions: data in, data out; nothing here reads files or formats text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import (
    REFORM_DATE,
    Dataset,
    Disagreement,
    Figure,
    Indicator,
    Province,
    Source,
    Succession,
)

# Measures that are the level of something on a date; a series of them can be drawn as bars
# over time or before -> after. Other measures (reduction, rank ...) only chart against themselves.
LEVEL_MEASURES = ("count_before", "count", "count_after")


@dataclass(frozen=True)
class UnitChange:
    """Commune-level units before and after 1 July 2025 (None where the registry has no count)."""

    before: int | None
    after: int | None
    before_as_of: str = ""
    after_as_of: str = ""

    @property
    def reduction(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.before - self.after

    @property
    def percent_reduction(self) -> float | None:
        if self.reduction is None or not self.before:
            return None
        return round(100 * self.reduction / self.before, 1)


@dataclass(frozen=True)
class FigureView:
    """A figure with what a page needs beside it."""

    figure: Figure
    indicator: Indicator
    source: Source
    province: Province  # the unit the figure was reported for
    reported_for: Province | None  # set when shown on a successor's page: the former province
    disagreement_ids: tuple[str, ...] = ()

    @property
    def point_date(self) -> str:
        """The date the number describes: the start for a count before, else the end."""
        if self.figure.measure == "count_before":
            return self.figure.period_start or self.figure.period_end
        return self.figure.period_end


@dataclass(frozen=True)
class FigureGroup:
    """Figures of one province, indicator, area and kind of number: drawn as one chart."""

    province: Province
    indicator: Indicator
    area: str
    family: str  # "level" for counts, else the measure (reduction, rank, percent ...)
    figures: tuple[FigureView, ...]  # in chart order

    @property
    def kind(self) -> str:
        if self.family == "level" and any(v.figure.measure != "count" for v in self.figures):
            return "before_after"
        return "series"


@dataclass(frozen=True)
class ProvinceView:
    province: Province
    units: UnitChange
    predecessors: tuple[Province, ...]  # current provinces: the former ones it was made from
    predecessor_units: tuple[tuple[Province, int | None], ...]
    successor: Province | None  # former provinces: the one it became part of
    succession: Succession | None
    partners: tuple[Province, ...]  # former provinces merged into the same successor
    successor_units: UnitChange | None
    legal_bases: tuple[str, ...]  # the acts that made the change, as the registry names them
    effective: str  # the date of the change ("" when the province had none)
    continued: bool  # territory unchanged across 1 July 2025 (a new id, the same province)
    figures: tuple[FigureView, ...]  # own, then predecessors'; each sorted
    groups: tuple[FigureGroup, ...]  # charted
    key_figures: tuple[FigureView, ...]  # figures in no chart
    disagreements: tuple[Disagreement, ...]

    @property
    def province_ids(self) -> tuple[str, ...]:
        """The ids whose figures this page shows."""
        return (self.province.id,) + tuple(p.id for p in self.predecessors)


@dataclass(frozen=True)
class Comparison:
    """Provinces' values of one measure of an indicator, one per province, largest first."""

    indicator: Indicator
    measure: str
    figures: tuple[FigureView, ...]


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    figures: tuple[FigureView, ...]
    comparisons: tuple[Comparison, ...]
    covered: tuple[Province, ...]  # current provinces with a figure (their own or a predecessor's)
    missing: tuple[Province, ...]


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

    def view(self, province_id: str) -> ProvinceView:
        for view in self.current + self.former:
            if view.province.id == province_id:
                return view
        raise KeyError(province_id)


def derive_site(dataset: Dataset) -> Site:
    """Build every view the site shows from a validated dataset."""
    provinces = {p.id: p for p in dataset.provinces}
    sources = {s.id: s for s in dataset.sources}
    indicators = {i.id: i for i in dataset.indicators}
    succession_of = {s.predecessor_id: s for s in dataset.successions}
    predecessors_of: dict[str, list[Province]] = defaultdict(list)
    for s in dataset.successions:
        if s.predecessor_id in provinces:
            predecessors_of[s.successor_id].append(provinces[s.predecessor_id])
    disputed: dict[str, list[str]] = defaultdict(list)
    for d in dataset.disagreements:
        for figure_id in d.figure_ids:
            disputed[figure_id].append(d.id)

    own_units = {pid: unit_change_of(dataset, pid) for pid in provinces}
    figures_by_province: dict[str, list[Figure]] = defaultdict(list)
    for f in dataset.figures:
        figures_by_province[f.province_id].append(f)

    def figure_view(f: Figure, reported_for: Province | None) -> FigureView:
        return FigureView(
            figure=f,
            indicator=indicators[f.indicator_id],
            source=sources[f.source_id],
            province=provinces[f.province_id],
            reported_for=reported_for,
            disagreement_ids=tuple(sorted(disputed.get(f.id, ()))),
        )

    def successor_units(pid: str) -> UnitChange:
        preds = sorted(predecessors_of.get(pid, ()), key=lambda p: p.slug)
        befores = [own_units[p.id] for p in preds]
        before = None if not befores or any(u.before is None for u in befores) else sum(u.before for u in befores)
        as_of = max((u.before_as_of for u in befores), default="")
        own = own_units[pid]
        return UnitChange(before=before, after=own.after, before_as_of=as_of, after_as_of=own.after_as_of)

    views: dict[str, ProvinceView] = {}
    for pid, province in provinces.items():
        preds = tuple(sorted(predecessors_of.get(pid, ()), key=lambda p: p.slug)) if province.is_current else ()
        succession = succession_of.get(pid)
        successor = provinces.get(succession.successor_id) if succession else None
        partners = ()
        if successor is not None:
            partners = tuple(p for p in sorted(predecessors_of.get(successor.id, ()), key=lambda p: p.slug) if p.id != pid)
        own = [figure_view(f, None) for f in figures_by_province.get(pid, ())]
        inherited = [figure_view(f, pred) for pred in preds for f in figures_by_province.get(pred.id, ())]
        figures = tuple(sort_figures(own) + sort_figures(inherited))
        groups, singles = group_figures(figures)
        ids = {pid} | {p.id for p in preds}
        changes = [succession_of[p.id] for p in preds if p.id in succession_of] if province.is_current else ([succession] if succession else [])
        views[pid] = ProvinceView(
            province=province,
            units=successor_units(pid) if province.is_current else own_units[pid],
            predecessors=preds,
            predecessor_units=tuple((p, own_units[p.id].before) for p in preds),
            successor=successor,
            succession=succession,
            partners=partners,
            successor_units=successor_units(successor.id) if successor is not None else None,
            legal_bases=tuple(sorted({c.legal_basis for c in changes if c.legal_basis})),
            effective=min((c.effective for c in changes), default=""),
            continued=bool(changes) and all(c.kind == "continued" for c in changes),
            figures=figures,
            groups=groups,
            key_figures=singles,
            disagreements=tuple(sorted((d for d in dataset.disagreements if d.province_id in ids), key=lambda d: d.id)),
        )

    by_slug = sorted(provinces.values(), key=lambda p: (p.slug, p.id))
    current = tuple(views[p.id] for p in by_slug if p.is_current)
    former = tuple(views[p.id] for p in by_slug if not p.is_current)
    sorted_indicators = tuple(sorted(indicators.values(), key=lambda i: (i.name_en.lower(), i.id)))
    all_views = [figure_view(f, None) for f in dataset.figures]
    return Site(
        dataset=dataset,
        provinces=provinces,
        sources=sources,
        indicators=sorted_indicators,
        current=current,
        former=former,
        indicator_views=tuple(indicator_view(i, all_views, current) for i in sorted_indicators),
        national=national_figures(dataset, own_units),
        coverage_current=coverage(current, sorted_indicators, own_units),
        coverage_former=coverage(former, sorted_indicators, own_units),
    )


def unit_change_of(dataset: Dataset, province_id: str) -> UnitChange:
    """The registry's last count before 1 July 2025 and first count since, for one province."""
    counts = sorted((c for c in dataset.unit_counts if c.province_id == province_id), key=lambda c: c.as_of)
    before = [c for c in counts if c.as_of < REFORM_DATE]
    after = [c for c in counts if c.as_of >= REFORM_DATE]
    return UnitChange(
        before=before[-1].total if before else None,
        after=after[0].total if after else None,
        before_as_of=before[-1].as_of if before else "",
        after_as_of=after[0].as_of if after else "",
    )


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


def sort_figures(views: list[FigureView]) -> list[FigureView]:
    """Table order: province, indicator name, area, date, measure, id."""
    measure_order = {m: i for i, m in enumerate(("count_before", "count", "count_after", "reduction", "increase", "percent", "rank", "duration"))}
    return sorted(
        views,
        key=lambda v: (
            v.province.slug,
            v.indicator.name_en.lower(),
            v.figure.area,
            v.point_date,
            measure_order.get(v.figure.measure, 99),
            v.figure.id,
        ),
    )


def family_of(measure: str) -> str:
    return "level" if measure in LEVEL_MEASURES else measure


def group_figures(figures: tuple[FigureView, ...]) -> tuple[tuple[FigureGroup, ...], tuple[FigureView, ...]]:
    """Split a page's figures into charts (two or more comparable values) and single figures.

    Comparable: same reporting province, indicator, area and kind of number, so a former
    province's count is never drawn as if it were its successor's, nor a city's as the province's.
    """
    buckets: dict[tuple, list[FigureView]] = defaultdict(list)
    for view in figures:
        f = view.figure
        buckets[(f.province_id, f.indicator_id, f.area, family_of(f.measure))].append(view)
    groups: list[FigureGroup] = []
    singles: list[FigureView] = []
    for key in sorted(buckets, key=lambda k: (k[0], buckets[k][0].indicator.name_en.lower(), k[1], k[2], k[3])):
        members = buckets[key]
        distinct_points = {(chart_order(v), v.figure.value) for v in members}
        if len(distinct_points) >= 2:
            ordered = tuple(sorted(members, key=lambda v: (chart_order(v), v.figure.value, v.figure.id)))
            first = ordered[0]
            groups.append(FigureGroup(first.province, first.indicator, key[2], key[3], ordered))
        else:
            singles.extend(members)
    # Keep the page's order (own figures first, then each predecessor's), not the bucket order.
    single_ids = {id(v) for v in singles}
    return tuple(groups), tuple(v for v in figures if id(v) in single_ids)


def chart_order(view: FigureView) -> tuple:
    """Where a value stands on a chart's axis: by date, a count before its period first."""
    rank = {"count_before": 0, "count": 1, "count_after": 2}.get(view.figure.measure, 1)
    return (view.point_date, rank, view.figure.period_start)


def indicator_view(indicator: Indicator, figures: list[FigureView], current: tuple[ProvinceView, ...]) -> IndicatorView:
    """All figures of an indicator, the comparisons across provinces, and which provinces lack data."""
    mine = [v for v in figures if v.indicator.id == indicator.id]
    by_measure: dict[str, dict[str, FigureView]] = defaultdict(dict)
    # One value per province and measure: the latest whole-province figure.
    for v in sorted(mine, key=lambda v: (v.figure.period_end, v.figure.id)):
        if not v.figure.area:
            by_measure[v.figure.measure][v.province.id] = v
    comparisons = tuple(
        Comparison(indicator, measure, tuple(sorted(values.values(), key=lambda v: (-v.figure.value, v.province.slug, v.province.id))))
        for measure, values in sorted(by_measure.items())
        if len(values) >= 2
    )
    reporting = {v.province.id for v in mine}
    covered = tuple(view.province for view in current if reporting & set(view.province_ids))
    missing = tuple(view.province for view in current if not reporting & set(view.province_ids))
    return IndicatorView(indicator, tuple(sort_figures(mine)), comparisons, covered, missing)


def coverage(views: tuple[ProvinceView, ...], indicators: tuple[Indicator, ...], units: dict[str, UnitChange]) -> tuple[CoverageRow, ...]:
    """Per province, how many figures it has for each indicator (a successor counts its predecessors')."""
    rows = []
    for view in views:
        counts = tuple(sum(1 for v in view.figures if v.indicator.id == i.id) for i in indicators)
        u = units[view.province.id]
        rows.append(CoverageRow(view.province, counts, u.before is not None or u.after is not None))
    return tuple(rows)
