"""Per-indicator views: every figure of an indicator, its comparisons across provinces, the
national figures, and which current provinces have no figure for it yet."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import Indicator, Province
from site_builder.views.figures import FigureView, sort_figures
from site_builder.views.provinces import ProvinceView

LEVELS = ("count", "count_after")  # what a province has on a date
CHANGES = ("reduction", "increase")


@dataclass(frozen=True)
class Comparison:
    """Provinces' values of one measure of an indicator, one per province, largest first."""

    indicator: Indicator
    measure: str
    figures: tuple[FigureView, ...]


@dataclass(frozen=True)
class PlaceValues:
    """What one place (a current province, or one of its former provinces) reports for an
    indicator: its latest count, its latest before → after pair and its latest change."""

    place: Province
    latest: FigureView | None
    before: FigureView | None  # the count_before the source of `after` gives for an earlier date
    after: FigureView | None  # the latest count_after (shown as a pair only with its `before`)
    change: FigureView | None  # the latest reduction or increase


@dataclass(frozen=True)
class ComparisonRow:
    """One current province in an indicator's comparison table: its own values, or where it has
    none, each former province's that it was formed from (a gap when neither has any)."""

    province: Province
    places: tuple[PlaceValues, ...]  # the province itself first, when it has values

    @property
    def own(self) -> PlaceValues | None:
        return self.places[0] if self.places and self.places[0].place.id == self.province.id else None

    @property
    def sort_value(self) -> float | None:
        """The number the table sorts by: the latest count of the province itself."""
        own = self.own
        return own.latest.figure.value if own and own.latest else None


@dataclass(frozen=True)
class IndicatorView:
    indicator: Indicator
    figures: tuple[FigureView, ...]
    comparisons: tuple[Comparison, ...]
    covered: tuple[Province, ...]  # current provinces with a figure (their own or a predecessor's)
    missing: tuple[Province, ...]
    national: tuple[FigureView, ...] = ()  # the country's figures (province_id vn)
    rows: tuple[ComparisonRow, ...] = ()  # core indicators: every current province, gaps included


def indicator_view(
    indicator: Indicator, figures: list[FigureView], current: tuple[ProvinceView, ...], former: tuple[ProvinceView, ...] = ()
) -> IndicatorView:
    """All figures of an indicator, the comparisons across provinces, and which provinces lack data."""
    mine = [v for v in figures if v.indicator.id == indicator.id]
    provincial = [v for v in mine if not v.province.is_country]
    compared = [v for v in provincial if v.is_outcome]  # plans and targets are listed, never compared
    by_measure: dict[str, dict[str, FigureView]] = defaultdict(dict)
    # One value per province and measure: the latest whole-province figure.
    for v in sorted(compared, key=lambda v: (v.figure.period_end, v.figure.id)):
        if not v.figure.area:
            by_measure[v.figure.measure][v.province.id] = v
    comparisons = tuple(
        Comparison(
            indicator, measure, tuple(sorted(values.values(), key=lambda v: (-v.figure.value, v.province.slug, v.province.id)))
        )
        for measure, values in sorted(by_measure.items())
        if len(values) >= 2
    )
    reporting = {v.province.id for v in provincial}
    covered = tuple(view.province for view in current if reporting & set(view.province_ids))
    missing = tuple(view.province for view in current if not reporting & set(view.province_ids))
    national = tuple(sort_figures([v for v in mine if v.province.is_country]))
    rows = comparison_rows(compared, current) if indicator.core else ()
    return IndicatorView(indicator, tuple(sort_figures(provincial)), comparisons, covered, missing, national, rows)


def comparison_rows(figures: list[FigureView], current: tuple[ProvinceView, ...]) -> tuple[ComparisonRow, ...]:
    """A row per current province: its own values, else its former provinces' (one each)."""
    whole = defaultdict(list)  # place id -> its whole-province figures
    for v in figures:
        if not v.figure.area:
            whole[v.province.id].append(v)
    rows = []
    for view in current:
        own = place_values(view.province, whole.get(view.province.id, []))
        places = (own,) if own else tuple(filter(None, (place_values(p, whole.get(p.id, [])) for p in view.predecessors)))
        rows.append(ComparisonRow(view.province, places))
    return tuple(rows)


def latest(views: list[FigureView], measures: tuple[str, ...]) -> FigureView | None:
    chosen = [v for v in views if v.figure.measure in measures]
    return max(chosen, key=lambda v: (v.figure.period_end, v.figure.id), default=None)


def place_values(place: Province, views: list[FigureView]) -> PlaceValues | None:
    """The place's latest count, before → after pair and change; None when it has none of them."""
    after = latest(views, ("count_after",))
    before = None
    if after is not None:
        earlier = [
            v for v in views if v.figure.source_id == after.figure.source_id and v.figure.period_end <= after.figure.period_end
        ]
        before = latest(earlier, ("count_before",))
    values = PlaceValues(place, latest(views, LEVELS), before, after, latest(views, CHANGES))
    return values if values.latest or values.before or values.change else None
