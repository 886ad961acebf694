"""Per-indicator views: every figure of an indicator, its comparisons across provinces, and
which current provinces have no figure for it yet."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import Indicator, Province
from site_builder.views.figures import FigureView, sort_figures
from site_builder.views.provinces import ProvinceView


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


def indicator_view(indicator: Indicator, figures: list[FigureView], current: tuple[ProvinceView, ...]) -> IndicatorView:
    """All figures of an indicator, the comparisons across provinces, and which provinces lack data."""
    mine = [v for v in figures if v.indicator.id == indicator.id]
    by_measure: dict[str, dict[str, FigureView]] = defaultdict(dict)
    # One value per province and measure: the latest whole-province figure.
    for v in sorted(mine, key=lambda v: (v.figure.period_end, v.figure.id)):
        if not v.figure.area:
            by_measure[v.figure.measure][v.province.id] = v
    comparisons = tuple(
        Comparison(
            indicator, measure, tuple(sorted(values.values(), key=lambda v: (-v.figure.value, v.province.slug, v.province.id)))
        )
        for measure, values in sorted(by_measure.items())
        if len(values) >= 2
    )
    reporting = {v.province.id for v in mine}
    covered = tuple(view.province for view in current if reporting & set(view.province_ids))
    missing = tuple(view.province for view in current if not reporting & set(view.province_ids))
    return IndicatorView(indicator, tuple(sort_figures(mine)), comparisons, covered, missing)
