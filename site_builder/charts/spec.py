"""The Vega-Lite spec of a chart request: the template of its kind and layout (compiled once by
Altair, kinds.py) filled with the request's rows and text (template.py). Data inline, no external URL.

Each kind has two halves: its Altair definition in kinds.py (marks, encodings, axes, legends), and
here or beside it, in plain Python, the function that picks a request's layout (which template)
and computes the values of its slots (rows, sort orders, colours, sizes, titles): PLANS.

The bar kinds (stacked bars: stacked.py; tile maps: tile_map.py):
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
from typing import Callable

from site_builder.charts.compiled import Templates
from site_builder.charts.layouts import COLUMN_WIDTH, PALETTE, PLOT_WIDTH, ROW_HEIGHT, BarLayout, ChartConfig
from site_builder.charts.model import KINDS, ChartRequest
from site_builder.charts.stacked import stacked_chart
from site_builder.charts.template import Encoded
from site_builder.charts.tile_map import tile_chart

# This process's compiled templates, kept as long as it runs (`serve` builds many times).
TEMPLATES = Templates()


def chart_spec_json(request: ChartRequest, templates: Templates = TEMPLATES) -> str:
    """The spec of one request as canonical JSON (sorted keys, compact): it identifies the chart."""
    if request.kind not in KINDS:
        raise ValueError(f"Chart {request.chart_id}: unknown kind {request.kind!r}; use one of {', '.join(KINDS)}.")
    if not request.rows:
        raise ValueError(f"Chart {request.chart_id} has no rows; plan a chart only for data that exists.")
    layout, values = PLANS[request.kind](request)
    values["description"] = request.description
    values["config"] = config_json(request.number_symbols, templates)
    return templates[layout].fill(values)


def config_json(number_symbols: tuple[str, str], templates: Templates = TEMPLATES) -> Encoded:
    """The config of a chart in a page whose numbers are written with `number_symbols`."""
    decimal, thousands = number_symbols
    config = templates[ChartConfig(localised=number_symbols != (".", ","))]
    return Encoded(config.fill({"decimal": decimal, "thousands": thousands}))


def chart_spec(request: ChartRequest) -> dict:
    """The spec of one request as a dict (for tests and tools; the build writes chart_spec_json)."""
    return json.loads(chart_spec_json(request))


def bar_chart(request: ChartRequest) -> tuple[BarLayout, dict]:
    """before_after, ranking and series: one bar (or point) per row, its value written beside it."""
    values = [
        {"order": i, "category": r.category, "value": float(r.value), "series": r.series or request.value_title, "note": r.note}
        for i, r in enumerate(request.rows)
    ]
    categories = ordered_categories(request)
    series = list(dict.fromkeys(v["series"] for v in values))  # first-seen order, no duplicates
    horizontal = request.kind in ("before_after", "ranking")
    layout = BarLayout(
        horizontal=horizontal,
        line=not horizontal and len(values) > 2,
        notes=any(r.note for r in request.rows),
        # Whole numbers (counts, ranks) get whole-number ticks: no "2.5 units" on the axis.
        whole_numbers=all(float(r.value).is_integer() for r in request.rows),
        legend=request.kind == "series" and len(series) > 1,
    )
    size = {"height": ROW_HEIGHT * len(values)} if horizontal else {"width": COLUMN_WIDTH * len(categories)}
    return layout, {
        "rows": values,
        "categories": categories,
        "series": series,
        "colours": _colours(len(series)),
        "category_title": request.category_title,
        "value_title": request.value_title,
        **size,
    }


# Each kind's plain half: a request's layout and the values of its template's slots.
PLANS: dict[str, Callable[[ChartRequest], tuple]] = {
    "before_after": bar_chart,
    "ranking": bar_chart,
    "series": bar_chart,
    "stacked": lambda request: stacked_chart(request, PLOT_WIDTH, ROW_HEIGHT),
    "tile_map": tile_chart,
    "tile_groups": tile_chart,
}


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
