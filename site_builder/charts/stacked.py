"""Stacked horizontal bars: one bar per category (in the order given), one segment per series.

The segments' positions are computed here, not by Vega's stack transform, so the spec says
exactly where each segment and each label goes: a segment's value is written inside it when it
fits, in black or white for contrast, and each bar's total at its end, so the static SVG and the
PNG read without tooltips.
"""

from __future__ import annotations

from site_builder.charts.colours import TYPE_PALETTE, ink_on
from site_builder.charts.model import ChartRequest

CHARACTER_WIDTH = 7  # px of one digit at the axis font size (11 px DejaVu Sans), with margin
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


def _segment_tooltip(request: ChartRequest, config: dict, segments: list[dict]) -> list:
    """A segment's tooltip: its category, series and value, and its note when any segment has one."""
    import altair as alt

    tooltip = [
        alt.Tooltip(field="category", type="nominal", title=request.category_title),
        alt.Tooltip(field="series", type="nominal", title=request.series_title or " "),
        alt.Tooltip(field="value", type="quantitative", title=request.value_title, format=config["format"]),
    ]
    if any(v["note"] for v in segments):
        tooltip.append(alt.Tooltip(field="note", type="nominal", title=" "))
    return tooltip


def stacked_chart(request: ChartRequest, config: dict):
    """The Altair chart of a `stacked` request (config: the plot sizes and number format of spec.py).

    One dataset for all layers (segments, then one record per bar's total), given to the layer
    once: Altair copies a subchart's data on every layer operation, which made specs slow."""
    import altair as alt

    segments, bar_totals, domain = stacked_values(request, config["width"])
    categories = list(dict.fromkeys(r.category for r in request.rows))
    present = [s for s in domain if any(v["series"] == s and v["value"] for v in segments)]
    longest = max(t["total"] for t in bar_totals) or 1.0
    y = alt.Y(field="category", type="nominal", title=request.category_title, sort=categories)
    x_scale = alt.Scale(domain=[0, longest], nice=False)
    tooltip = _segment_tooltip(request, config, segments)
    segment = "datum.total === null"
    bars = (
        alt.Chart()
        .transform_filter(segment)
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(
            y=y,
            x=alt.X(field="start", type="quantitative", title=request.value_title, scale=x_scale, axis=alt.Axis(tickMinStep=1)),
            x2=alt.X2(field="end"),
            color=alt.Color(
                field="series",
                type="nominal",
                title=request.series_title or None,
                sort=domain,
                scale=alt.Scale(domain=domain, range=[TYPE_PALETTE[i % len(TYPE_PALETTE)] for i in range(len(domain))]),
                legend=alt.Legend(values=present),
            ),
            tooltip=tooltip,
        )
    )
    inside = (
        alt.Chart()
        .transform_filter(segment)
        .mark_text(baseline="middle")
        .encode(
            y=y,
            x=alt.X(field="middle", type="quantitative", scale=x_scale),
            text=alt.Text(field="label", type="nominal"),
            color=alt.Color(field="ink", type="nominal", scale=None),
            tooltip=tooltip,
        )
    )
    ends = (
        alt.Chart()
        .transform_filter("datum.total !== null")
        .mark_text(align="left", dx=3, baseline="middle", fontWeight="bold")
        .encode(
            y=y,
            x=alt.X(field="total", type="quantitative", scale=x_scale),
            text=alt.Text(field="total", type="quantitative", format=config["format"]),
        )
    )
    return alt.layer(bars, inside, ends, data=alt.Data(values=segments + bar_totals)).properties(
        width=config["width"], height=config["row_height"] * len(categories)
    )
