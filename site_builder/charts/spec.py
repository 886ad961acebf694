"""The Vega-Lite spec of a chart request, built with Altair. Data inline, no external URL."""

from __future__ import annotations

import hashlib
import json

import altair as alt

from site_builder.charts.model import KINDS, ChartRequest

FONT = "DejaVu Sans"  # installed with the system (fonts-dejavu-core); no web font is fetched
BAR_WIDTH = 56
ROW_HEIGHT = 20
PALETTE = ["#b71c1c", "#ff8f00", "#546e7a", "#2e7d32", "#6a1b9a", "#0277bd"]
CONFIG = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": 220},
    "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
}


def chart_spec(request: ChartRequest) -> dict:
    """A plain Vega-Lite dict (sorted-key JSON of it identifies the chart)."""
    if request.kind not in KINDS:
        raise ValueError(f"Chart {request.chart_id}: unknown kind {request.kind!r}; use one of {', '.join(KINDS)}.")
    values = [
        {"order": i, "category": r.category, "value": r.value, "series": r.series or request.value_title, "note": r.note}
        for i, r in enumerate(request.rows)
    ]
    data = alt.Data(values=values)
    tooltip = [
        alt.Tooltip("category:N", title=request.category_title),
        alt.Tooltip("value:Q", title=request.value_title, format=",.4~f"),
        alt.Tooltip("note:N", title=" "),
    ]
    series = sorted({v["series"] for v in values}, key=[v["series"] for v in values].index)
    color = alt.Color("series:N", title=None, sort=series, scale=alt.Scale(domain=series, range=PALETTE[: len(series)]),
                      legend=alt.Legend() if len(series) > 1 else None)
    if request.kind == "ranking":
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("category:N", title=request.category_title, sort=alt.EncodingSortField("value", order="descending")),
            x=alt.X("value:Q", title=request.value_title),
            color=color,
            tooltip=tooltip,
        ).properties(width=420, height=max(ROW_HEIGHT * len(values), 60))
    else:
        x = alt.X("category:N", title=request.category_title, sort=alt.EncodingSortField("order"),
                  axis=alt.Axis(labelAngle=0, labelLimit=160))
        y = alt.Y("value:Q", title=request.value_title)
        base = alt.Chart(data).encode(x=x, y=y, tooltip=tooltip)
        if request.kind == "series" and len(values) > 2:
            chart = base.mark_line(point=True, color=PALETTE[0])
        else:
            chart = base.mark_bar().encode(color=color)
        chart = chart.properties(width=max(BAR_WIDTH * len(values), 200), height=220)
    spec = chart.to_dict()
    spec.pop("$schema", None)  # a URL we never fetch; keep the spec free of other hosts
    spec["config"] = CONFIG
    spec["description"] = request.description
    return spec


def spec_key(spec: dict) -> str:
    """Content hash of a spec: identical charts share one set of files."""
    canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
