"""Stacked horizontal bars: one bar per category (in the order given), one segment per series.

The segments' positions are computed here, not by Vega's stack transform, so the spec says
exactly where each segment and each label goes: a segment's value is written inside it when it
fits, in black or white for contrast, and each bar's total at its end, so the static SVG and the
PNG read without tooltips.
"""

from __future__ import annotations

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


def stacked_spec(request: ChartRequest, config: dict) -> dict:
    """The Vega-Lite dict of a `stacked` request (config: the plot sizes and number format of spec.py).

    Written as the plain dict Altair gives for the same layers (tested against Altair in
    tests/test_charts_spec_plain.py): Altair took about 35 ms to build each, most of a clean
    build's chart time in the main process, a dict a few microseconds. One dataset serves all
    layers: the segments, then one record per bar's total."""
    segments, bar_totals, domain = stacked_values(request, config["width"])
    categories = list(dict.fromkeys(r.category for r in request.rows))
    present = [s for s in domain if any(v["series"] == s and v["value"] for v in segments)]
    longest = max(t["total"] for t in bar_totals) or 1.0
    y = {"field": "category", "type": "nominal", "title": request.category_title, "sort": categories}
    x_scale = {"domain": [0, longest], "nice": False}
    tooltip = [
        {"field": "category", "type": "nominal", "title": request.category_title},
        {"field": "series", "type": "nominal", "title": request.series_title or " "},
        {"field": "value", "type": "quantitative", "title": request.value_title, "format": config["format"]},
    ]
    if any(v["note"] for v in segments):
        tooltip.append({"field": "note", "type": "nominal", "title": " "})
    segment, total = [{"filter": "datum.total === null"}], [{"filter": "datum.total !== null"}]
    colour = {
        "field": "series",
        "type": "nominal",
        "title": request.series_title or None,
        "sort": domain,
        "scale": {"domain": domain, "range": [TYPE_PALETTE[i % len(TYPE_PALETTE)] for i in range(len(domain))]},
        "legend": {"values": present},
    }
    bars = {
        "mark": {"type": "bar", "stroke": "#ffffff", "strokeWidth": 1},
        "encoding": {
            "y": y,
            "x": {
                "field": "start",
                "type": "quantitative",
                "title": request.value_title,
                "scale": x_scale,
                "axis": {"tickMinStep": 1},
            },
            "x2": {"field": "end"},
            "color": colour,
            "tooltip": tooltip,
        },
        "transform": segment,
    }
    inside = {
        "mark": {"type": "text", "baseline": "middle"},
        "encoding": {
            "y": y,
            "x": {"field": "middle", "type": "quantitative", "scale": x_scale},
            "text": {"field": "label", "type": "nominal"},
            "color": {"field": "ink", "type": "nominal", "scale": None},
            "tooltip": tooltip,
        },
        "transform": segment,
    }
    ends = {
        "mark": {"type": "text", "align": "left", "dx": 3, "baseline": "middle", "fontWeight": "bold"},
        "encoding": {
            "y": y,
            "x": {"field": "total", "type": "quantitative", "scale": x_scale},
            "text": {"field": "total", "type": "quantitative", "format": config["format"]},
        },
        "transform": total,
    }
    return {
        "layer": [bars, inside, ends],
        "data": {"values": segments + bar_totals},
        "width": config["width"],
        "height": config["row_height"] * len(categories),
    }
