"""Charts: Vega-Lite specs from chart requests, rendered once per distinct spec to static SVG
(inline, so charts show without JavaScript and in print), the spec JSON (made interactive in the
browser by assets/charts.js, which also makes the chart's PNG there) and the chart's data as CSV.

The site build plans the requests (site_builder/pages/chart_plan.py); this package only draws.
Charts the plan defers (past the first few of a page) get their spec and CSV only: the reader's
browser draws them when they are opened.

- model.py: ChartRequest, ChartRow, RenderedChart; chart text cleaned of undrawable characters
- kinds.py: every chart kind defined once in Altair (the only module that imports it), with slots
  for each chart's rows and text; the config all charts share
- template.py: a kind's spec compiled once per layout (Altair's to_dict), filled per chart as JSON
- compiled.py: this process's compiled templates by layout (Altair imported on first use only)
- layouts.py: what shapes a template (sizes, number format, font, the bar kinds' layouts), shared
  by kinds.py and spec.py
- spec.py: the spec of a request: its kind's layout and slot values (bars, series here), filled in
- stacked.py: stacked bars (units by type before and after): segments, layout, slot values
- tile_map.py, tile_grid.py (+ tile_grid.csv): the tile maps' squares and their hand-placed grid
- colours.py: palettes and the contrast that picks text colour
- render.py: each distinct spec drawn once, over processes, cached by request and by spec; the
  drawing runs while the pages render (ChartDrawing: placeholders, then the SVGs)
- workers.py: the drawing processes, started beside validation when every chart is to draw
- cache.py: the cache folder across builds (drawn SVGs, each request's spec, compiled templates)
- assets.py: the lazy loader charts.js, the Vega bundle (cached per vl-convert version), the
  charts' font files and their stylesheet
- typeface.py (+ fonts/): the pinned font vl-convert measures with and the site serves; no
  system font is consulted
"""

from site_builder.charts.assets import PageAssets, write_chart_assets
from site_builder.charts.model import ChartRequest, ChartRow, RenderedChart
from site_builder.charts.render import ChartDrawing, render_charts, start_charts
from site_builder.charts.workers import ChartWorkers, first_drawing

__all__ = [
    "ChartDrawing",
    "ChartRequest",
    "ChartRow",
    "ChartWorkers",
    "PageAssets",
    "RenderedChart",
    "first_drawing",
    "render_charts",
    "start_charts",
    "write_chart_assets",
]
