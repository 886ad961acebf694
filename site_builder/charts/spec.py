"""The Vega-Lite spec of a chart request. Data inline, no external URL.

Every kind is written as the plain dict Altair gives for its layers: Altair took tens of
milliseconds per chart and 0.4 s to import. Altair stays the reference: tests/test_charts_spec_plain.py
(bars, stacked bars) and tests/test_charts_tile_plain.py (tile maps) hold the Altair code each
dict must equal.

The bar kinds, one layout each (stacked bars: stacked.py; tile maps: tile_map.py):
- before_after: horizontal bars in the order given (labels like "Quang Nam, before" are long,
  and read best on the left), coloured by series;
- ranking: horizontal bars sorted by value, largest first;
- series: values over time, left to right in the order given; a line with points from three
  values on, bars for two.
Every bar carries its value as text, so the static SVG and the PNG read without tooltips.
"""

from __future__ import annotations

import hashlib
import json

from site_builder.charts.model import KINDS, TILE_KINDS, ChartRequest
from site_builder.charts.stacked import stacked_spec
from site_builder.charts.tile_map import tile_spec
from site_builder.charts.typeface import FONT_STACK

# The project's pinned font (typeface.py): vl-convert measures with it and the site serves it,
# so every machine lays out, and every browser draws, the same chart.
FONT = FONT_STACK
PLOT_WIDTH = 420  # horizontal charts: the bars' length; labels take up to LABEL_LIMIT more
LABEL_LIMIT = 220
ROW_HEIGHT = 26  # horizontal charts: one bar and its gap
COLUMN_WIDTH = 90  # series charts: one date, wide enough for "31 December 2024"
PLOT_HEIGHT = 220
VALUE_FORMAT = ",.2~f"  # 1,684 / 76.5: thousands grouped, at most two decimals, no trailing zeros
PALETTE = ["#546e7a", "#b71c1c", "#ff8f00", "#2e7d32", "#6a1b9a", "#0277bd"]
CONFIG = {
    # No ARIA text of Vega's own ("X-axis titled ... for a linear scale", "xc: 4.5; ink: #000"), in
    # English whatever the page's language: the SVG is an image labelled by the figure's caption,
    # our own sentence in the reader's language (request.description), the data table beside it.
    "aria": False,
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 11, "labelLimit": LABEL_LIMIT},
    "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
    "text": {"fontSize": 11},
}


def chart_spec(request: ChartRequest) -> dict:
    """A plain Vega-Lite dict for one request; its sorted-key JSON identifies the chart."""
    if request.kind not in KINDS:
        raise ValueError(f"Chart {request.chart_id}: unknown kind {request.kind!r}; use one of {', '.join(KINDS)}.")
    if not request.rows:
        raise ValueError(f"Chart {request.chart_id} has no rows; plan a chart only for data that exists.")
    if request.kind == "stacked":
        spec = stacked_spec(request, {"width": PLOT_WIDTH, "row_height": ROW_HEIGHT, "format": VALUE_FORMAT})
    elif request.kind in TILE_KINDS:
        spec = tile_spec(request)
    else:
        spec = bar_spec(request)
    spec.pop("$schema", None)  # a URL no one needs to fetch; keep every other host out of the spec
    spec["config"] = CONFIG if request.number_symbols == (".", ",") else {**CONFIG, "locale": number_locale(request)}
    spec["description"] = request.description
    return spec


def bar_spec(request: ChartRequest) -> dict:
    """before_after, ranking and series: one bar (or point) per row, its value written beside it.

    Written as the plain Vega-Lite dict Altair would give for the same layers (tested against
    Altair in tests/test_charts_spec_plain.py): these are most of a big site's charts, and Altair
    takes about 10 ms to build each, a dict a few microseconds."""
    values = [
        {"order": i, "category": r.category, "value": float(r.value), "series": r.series or request.value_title, "note": r.note}
        for i, r in enumerate(request.rows)
    ]
    categories = ordered_categories(request)
    series = list(dict.fromkeys(v["series"] for v in values))  # first-seen order, no duplicates
    tooltip = [
        {"field": "category", "type": "nominal", "title": request.category_title},
        {"field": "value", "type": "quantitative", "title": request.value_title, "format": VALUE_FORMAT},
    ]
    if any(r.note for r in request.rows):
        tooltip.append({"field": "note", "type": "nominal", "title": " "})
    # Whole numbers (counts, ranks) get whole-number ticks: no "2.5 units" on the axis.
    value_axis = {"tickMinStep": 1} if all(float(r.value).is_integer() for r in request.rows) else {}
    color = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "sort": series,
        "scale": {"domain": series, "range": _colours(len(series))},
        "legend": {} if request.kind == "series" and len(series) > 1 else None,
    }
    if request.kind in ("before_after", "ranking"):
        position = {
            "y": {"field": "category", "type": "nominal", "title": request.category_title, "sort": categories},
            "x": {"field": "value", "type": "quantitative", "title": request.value_title, "axis": value_axis},
        }
        marks, label = {"type": "bar"}, {"type": "text", "align": "left", "dx": 3, "baseline": "middle"}
        size = {"width": PLOT_WIDTH, "height": ROW_HEIGHT * len(values)}
    else:
        category_axis = {"labelAngle": 0, "labelLimit": COLUMN_WIDTH}
        position = {
            "x": {
                "field": "category",
                "type": "nominal",
                "title": request.category_title,
                "sort": categories,
                "axis": category_axis,
            },
            "y": {"field": "value", "type": "quantitative", "title": request.value_title, "axis": value_axis},
        }
        marks = {"type": "line", "point": True} if len(values) > 2 else {"type": "bar"}
        label = {"type": "text", "baseline": "bottom", "dy": -4}
        size = {"width": COLUMN_WIDTH * len(categories), "height": PLOT_HEIGHT}
    text = {"field": "value", "type": "quantitative", "format": VALUE_FORMAT}
    return {
        "data": {"values": values},
        "layer": [
            {"mark": marks, "encoding": {**position, "tooltip": tooltip, "color": color}},
            {"mark": label, "encoding": {**position, "tooltip": tooltip, "text": text}},
        ],
        **size,
    }


def number_locale(request: ChartRequest) -> dict:
    """Vega's number format for the page's language: 3.321 and 12,5 in Vietnamese."""
    decimal, thousands = request.number_symbols
    return {"number": {"decimal": decimal, "thousands": thousands, "grouping": [3], "currency": ["", ""]}}


def ordered_categories(request: ChartRequest) -> list[str]:
    """The categories in the order the chart shows them: ranking by value (largest first, ties by
    name), the other kinds as given."""
    rows = request.rows
    if request.kind == "ranking":
        rows = sorted(rows, key=lambda r: (-float(r.value), r.category))
    return list(dict.fromkeys(r.category for r in rows))


def _colours(count: int) -> list[str]:
    # One series (a ranking): the accent colour; before/after: grey then red.
    if count == 1:
        return [PALETTE[1]]
    return [PALETTE[i % len(PALETTE)] for i in range(count)]


def canonical_json(spec: dict) -> str:
    """The spec as compact JSON with sorted keys: the same chart always gives the same text."""
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def spec_key(spec: dict) -> str:
    """Content hash of a spec (first 16 hex digits of SHA-256): identical charts share one set of files."""
    return json_key(canonical_json(spec))


def json_key(spec_json: str) -> str:
    """spec_key of the spec whose canonical JSON is `spec_json`."""
    return hashlib.sha256(spec_json.encode("utf-8")).hexdigest()[:16]
