"""Charts: Altair specs from chart requests, rendered once per distinct spec to static SVG
(inline, so charts show without JavaScript and in print), PNG, the spec JSON (made interactive
in the browser by assets/charts.js) and the chart's data as CSV.

The site build plans the requests (site_builder/pages/chart_plan.py); this package only draws.
"""

from site_builder.charts.assets import write_chart_assets
from site_builder.charts.model import ChartRequest, ChartRow, RenderedChart
from site_builder.charts.render import render_charts

__all__ = ["ChartRequest", "ChartRow", "RenderedChart", "render_charts", "write_chart_assets"]
