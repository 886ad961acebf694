"""Figures as pages show them: each with its indicator, source and province, in table order,
and grouped into charts where two or more values of one kind can be compared."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import Figure, Indicator, Province, Source
from site_builder.dataset.vocabulary import LEVEL_MEASURES, MEASURES, OUTCOMES


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
    def is_outcome(self) -> bool:
        """A result or a running total: what charts and comparisons show (never a plan or a target)."""
        return self.figure.status in OUTCOMES

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


MEASURE_ORDER = {m: i for i, m in enumerate(MEASURES)}


def sort_figures(views: list[FigureView]) -> list[FigureView]:
    """Table order: province, indicator name, area, date, measure, id."""
    return sorted(
        views,
        key=lambda v: (
            v.province.slug,
            v.indicator.name_en.lower(),
            v.figure.area,
            v.point_date,
            MEASURE_ORDER.get(v.figure.measure, 99),
            v.figure.id,
        ),
    )


def family_of(measure: str) -> str:
    return "level" if measure in LEVEL_MEASURES else measure


def chart_order(view: FigureView) -> tuple:
    """Where a value stands on a chart's axis: by date, a count before its period first."""
    rank = {m: i for i, m in enumerate(LEVEL_MEASURES)}.get(view.figure.measure, 1)
    return (view.point_date, rank, view.figure.period_start)


def group_figures(figures: tuple[FigureView, ...]) -> tuple[tuple[FigureGroup, ...], tuple[FigureView, ...]]:
    """Split a page's figures into charts (two or more comparable values) and single figures.

    Comparable: same reporting province, indicator, area and kind of number, so a former
    province's count is never drawn as if it were its successor's, nor a city's as the province's.
    A plan or a target is never drawn beside results: it stays a single figure, labelled as such.
    """
    buckets: dict[tuple, list[FigureView]] = defaultdict(list)
    for view in figures:
        f = view.figure
        if view.is_outcome:
            buckets[(f.province_id, f.indicator_id, f.area, family_of(f.measure), f.status)].append(view)
        else:
            buckets[("plan", f.id)].append(view)
    groups: list[FigureGroup] = []
    singles: list[FigureView] = []
    for key in sorted(buckets, key=lambda k: (buckets[k][0].figure.province_id, buckets[k][0].indicator.name_en.lower(), k)):
        members = buckets[key]
        distinct_points = {(chart_order(v), v.figure.value) for v in members}
        if key[0] != "plan" and len(distinct_points) >= 2:
            ordered = tuple(sorted(members, key=lambda v: (chart_order(v), v.figure.value, v.figure.id)))
            first = ordered[0]
            groups.append(
                FigureGroup(first.province, first.indicator, first.figure.area, family_of(first.figure.measure), ordered)
            )
        else:
            singles.extend(members)
    # Keep the page's order (own figures first, then each predecessor's), not the bucket order.
    single_ids = {id(v) for v in singles}
    return tuple(groups), tuple(v for v in figures if id(v) in single_ids)
