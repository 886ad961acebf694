"""The key figures of a province's (or the country's) page: one per indicator, its latest figure,
in the order a reader looks for them (by theme, the core indicators first).

Only the place's own whole-province figures: a former province's (shown on its successor's page)
or a district's figure is in the table and the charts, never a key figure of the province. A plan
or a target is a key figure only for an indicator with no result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.vocabulary import LEVEL_MEASURES
from site_builder.views.figures import FigureView

# indicators.csv `theme`, in the order of the page: the territory first (the merger itself).
THEME_ORDER = ("territory", "agencies", "party", "public-services", "staff", "procedures", "other")
# Which of an indicator's figures of the same date a tile shows: the level before the change.
TILE_MEASURES = ("count_after", "count", "count_before", "percent", "rank", "duration", "reduction", "increase")
CHANGES = ("reduction", "increase")
# The indicator the registry's unit counts measure: a page that shows them has its tile already.
REGISTRY_INDICATOR = "commune-level-units"


@dataclass(frozen=True)
class KeyFigure:
    """One indicator's tile: its latest figure, and the change a source gives for the same date."""

    figure: FigureView
    change: FigureView | None = None  # a reduction or increase beside a level of the same date


def key_figures(figures: tuple[FigureView, ...], skip: frozenset[str] = frozenset()) -> tuple[KeyFigure, ...]:
    """One key figure per indicator of the place's own whole-province figures (`skip`: indicator
    ids the page shows otherwise), ordered by theme, core first, then name."""
    by_indicator: dict[str, list[FigureView]] = defaultdict(list)
    for view in figures:
        if view.reported_for is None and not view.figure.area and view.indicator.id not in skip:
            by_indicator[view.indicator.id].append(view)
    tiles = [tile(views) for views in by_indicator.values()]
    return tuple(sorted(tiles, key=lambda k: tile_order(k.figure)))


def tile(views: list[FigureView]) -> KeyFigure:
    """The latest figure of one indicator (results before plans), with its same-date change."""
    outcomes = [v for v in views if v.is_outcome] or views
    latest = max(outcomes, key=_recency)
    change = None
    if latest.figure.measure in LEVEL_MEASURES:
        same_date = [v for v in outcomes if v.figure.measure in CHANGES and v.figure.period_end == latest.figure.period_end]
        change = max(same_date, key=lambda v: (v.figure.source_id == latest.figure.source_id, v.figure.id), default=None)
    return KeyFigure(latest, change)


def _recency(view: FigureView) -> tuple:
    """Latest date first; on one date, a level before a change; then a stable order."""
    rank = TILE_MEASURES.index(view.figure.measure) if view.figure.measure in TILE_MEASURES else len(TILE_MEASURES)
    return (view.figure.period_end, -rank, view.figure.id)


def tile_order(view: FigureView) -> tuple:
    indicator = view.indicator
    theme = THEME_ORDER.index(indicator.theme) if indicator.theme in THEME_ORDER else len(THEME_ORDER)
    return (theme, not indicator.core, indicator.name_en.lower(), indicator.id)
