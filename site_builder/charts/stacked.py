"""Stacked horizontal bars: one bar per category (in the order given), one segment per series.

The segments' positions are computed here, not by Vega's stack transform, so the spec says
exactly where each segment and each label goes: a segment's value is written inside it when it
fits, in black or white for contrast, and each bar's total at its end, so the static SVG and the
PNG read without tooltips.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.charts.colours import TYPE_PALETTE, ink_on
from site_builder.charts.model import ChartRequest

CHARACTER_WIDTH = 7  # px of one digit at 11 px: DejaVu Sans' (the charts' Noto Sans' is 6.3), so it fits either
LABEL_PADDING = 8


def stacked_values(request: ChartRequest, plot_width: int) -> tuple[list[dict], list[dict], list[str]]:
    """Segments and bar totals as inline data, and the colour domain."""
    domain = list(request.series_domain) or list(dict.fromkeys(r.series for r in request.rows))
    colours = {s: TYPE_PALETTE[i % len(TYPE_PALETTE)] for i, s in enumerate(domain)}
    totals: dict[str, float] = {}
    for r in request.rows:
        totals[r.category] = totals.get(r.category, 0.0) + float(r.value)
    longest = max(totals.values()) or 1.0
    segments, start = [], dict.fromkeys(totals, 0.0)
    for r in request.rows:
        value = float(r.value)
        begin, end = start[r.category], start[r.category] + value
        start[r.category] = end
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
        fits = value / longest * plot_width >= len(text) * CHARACTER_WIDTH + LABEL_PADDING
        segments.append(
            {
                "category": r.category,
                "series": r.series,
                "value": value,
                "note": r.note,
                "start": begin,
                "end": end,
                "middle": (begin + end) / 2,
                "label": text if fits and value else "",
                "ink": ink_on(colours.get(r.series, TYPE_PALETTE[0])),
                "total": None,
            }
        )
    bar_totals = [{"category": c, "total": t} for c, t in totals.items()]
    return segments, bar_totals, domain


@dataclass(frozen=True)
class StackedLayout:
    """What shapes a stacked chart's template (kinds.stacked_bars); everything else is a slot."""

    notes: bool  # a segment has a note: the tooltip shows it

    @classmethod
    def every(cls) -> list["StackedLayout"]:
        return [cls(False), cls(True)]


def stacked_chart(request: ChartRequest, plot_width: int, row_height: int) -> tuple[StackedLayout, dict]:
    """The layout of a `stacked` request and the values of its slots. One dataset serves all
    layers: the segments, then one record per bar's total."""
    segments, bar_totals, domain = stacked_values(request, plot_width)
    categories = list(dict.fromkeys(r.category for r in request.rows))
    return StackedLayout(notes=any(v["note"] for v in segments)), {
        "rows": segments + bar_totals,
        "categories": categories,
        "longest": max(t["total"] for t in bar_totals) or 1.0,
        "series": domain,
        "colours": [TYPE_PALETTE[i % len(TYPE_PALETTE)] for i in range(len(domain))],
        "present": [s for s in domain if any(v["series"] == s and v["value"] for v in segments)],
        "category_title": request.category_title,
        "value_title": request.value_title,
        "series_legend_title": request.series_title or None,
        "series_tooltip_title": request.series_title or " ",
        "height": row_height * len(categories),
    }
