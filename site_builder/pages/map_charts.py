"""The home page's two tile maps, placed by the hand-made grid (site_builder/charts/tile_grid.csv).

- the 34 current provinces, coloured by the share of commune-level units the merger removed;
- the 63 former provinces, coloured by the province each joined (touching groups differ), the
  one whose name the group took in bold.
A province the grid does not place is left off the map (tests keep the grid complete).
"""

from __future__ import annotations

from site_builder.charts import ChartRequest, ChartRow
from site_builder.charts.tile_grid import Tile
from site_builder.pages.formatting import format_number, format_percent
from site_builder.pages.translations import Translations
from site_builder.views import Site

CURRENT_MAP_ID = "home--map-current"
FORMER_MAP_ID = "home--map-former"


def current_map_request(site: Site, grid: dict[str, Tile], t: Translations) -> ChartRequest | None:
    """The 34 provinces, each a square coloured by the share of units removed (percent)."""
    rows = []
    for view in site.current:
        u, tile = view.units, grid.get(view.province.id)
        if tile is None or u.percent_reduction is None:
            continue
        rows.append(
            ChartRow(
                category=view.province.name_vi,
                value=u.percent_reduction,
                note=t(
                    "chart.ranking_note",
                    before=format_number(u.before, t),
                    after=format_number(u.after, t),
                    percent=format_number(u.percent_reduction, t),
                ),
                label=view.province.name_vi,
                grid_row=tile.row,
                grid_column=tile.column,
            )
        )
    if not rows:
        return None
    low, high = min(rows, key=lambda r: (r.value, r.category)), max(rows, key=lambda r: (r.value, r.category))
    return ChartRequest(
        chart_id=CURRENT_MAP_ID,
        title=t("chart.map_current_title"),
        description=t(
            "chart.map_current_description",
            count=len(rows),
            low=low.category,
            low_percent=format_percent(low.value, t),
            high=high.category,
            high_percent=format_percent(high.value, t),
        ),
        kind="tile_map",
        rows=tuple(rows),
        value_title=t("chart.map_current_value"),
        category_title=t("chart.province"),
    )


def former_map_request(site: Site, grid: dict[str, Tile], t: Translations) -> ChartRequest | None:
    """The 63 former provinces, each a square coloured by the current province it joined."""
    rows = []
    for view in site.former:
        tile = grid.get(view.province.id)
        if tile is None:
            continue
        successor = view.successor.name_vi if view.successor else t("chart.map_no_successor")
        rows.append(
            ChartRow(
                category=view.province.name_vi,
                value=float(view.units.before) if view.units.before is not None else 0.0,
                series=successor,
                label=view.province.name_vi,
                grid_row=tile.row,
                grid_column=tile.column,
            )
        )
    if not rows:
        return None
    groups: dict[str, int] = {}
    for r in rows:
        groups[r.series] = groups.get(r.series, 0) + 1
    return ChartRequest(
        chart_id=FORMER_MAP_ID,
        title=t("chart.map_former_title"),
        description=t(
            "chart.map_former_description", count=len(rows), groups=len(groups), alone=sum(1 for n in groups.values() if n == 1)
        ),
        kind="tile_groups",
        rows=tuple(rows),
        value_title=t("chart.map_former_value"),
        category_title=t("chart.map_former_province"),
        series_title=t("chart.map_successor"),
    )
