"""Every chart kind, defined once in Altair: marks, encodings, axes, legends, the shared config.

The only module that imports Altair. A kind is a function of its layout (a small frozen
dataclass of what shapes the spec: bars or a line, a tooltip line for notes...) that returns the
Altair chart with a slot (template.py) wherever a chart brings its own value: its rows as the
named dataset ROWS, its text (axis titles, the description) as `Text`, its sizes as `Number`,
its sort orders and colours as `items`. template.Templates compiles each layout once per
process (`to_dict()`; the tests check every layout against the Vega-Lite schema) and fills it
for every chart.

To add a kind: write its function here and add it to DEFINITIONS; beside it (spec.py, stacked.py,
tile_map.py) its layout dataclass, with `every()` listing its layouts, and the function that
gives a request's layout and slot values; name the kind in model.KINDS and spec.PLANS (README:
"Adding a chart kind").
"""

from __future__ import annotations

import altair as alt

from site_builder.charts.layouts import (
    COLUMN_WIDTH,
    FONT,
    LABEL_LIMIT,
    PLOT_HEIGHT,
    PLOT_WIDTH,
    VALUE_FORMAT,
    BarLayout,
    ChartConfig,
)
from site_builder.charts.stacked import StackedLayout
from site_builder.charts.template import Dataset, Number, Text, items
from site_builder.charts.tile_map import FONT_SIZE, LINE_GAP, TILE_SIZE, TileLayout

ROWS = alt.Data(name=Dataset("rows"))  # each chart's rows, inline in its spec
CATEGORY_TITLE, VALUE_TITLE = Text("category_title"), Text("value_title")


def bars(layout: BarLayout) -> alt.LayerChart:
    """before_after and ranking (horizontal), series (bars or a line): each value written beside
    its bar or point, so the static SVG reads without tooltips."""
    tooltip = [
        alt.Tooltip("category:N", title=CATEGORY_TITLE),
        alt.Tooltip("value:Q", title=VALUE_TITLE, format=VALUE_FORMAT),
    ]
    if layout.notes:
        tooltip.append(alt.Tooltip("note:N", title=" "))
    value_axis = alt.Axis(tickMinStep=1) if layout.whole_numbers else alt.Axis()
    color = alt.Color(
        "series:N",
        title=None,
        sort=items("series"),
        scale=alt.Scale(domain=items("series"), range=items("colours")),
        legend=alt.Legend() if layout.legend else None,
    )
    if layout.horizontal:
        base = alt.Chart(ROWS).encode(
            y=alt.Y("category:N", title=CATEGORY_TITLE, sort=items("categories")),
            x=alt.X("value:Q", title=VALUE_TITLE, axis=value_axis),
            tooltip=tooltip,
        )
        marks = base.mark_bar().encode(color=color)
        labels = base.mark_text(align="left", dx=3, baseline="middle").encode(text=alt.Text("value:Q", format=VALUE_FORMAT))
        return (marks + labels).properties(width=PLOT_WIDTH, height=Number("height"))
    base = alt.Chart(ROWS).encode(
        x=alt.X(
            "category:N", title=CATEGORY_TITLE, sort=items("categories"), axis=alt.Axis(labelAngle=0, labelLimit=COLUMN_WIDTH)
        ),
        y=alt.Y("value:Q", title=VALUE_TITLE, axis=value_axis),
        tooltip=tooltip,
    )
    marks = (base.mark_line(point=True) if layout.line else base.mark_bar()).encode(color=color)
    labels = base.mark_text(baseline="bottom", dy=-4).encode(text=alt.Text("value:Q", format=VALUE_FORMAT))
    return (marks + labels).properties(width=Number("width"), height=PLOT_HEIGHT)


def stacked_bars(layout: StackedLayout) -> alt.LayerChart:
    """One bar per category, one segment per series at the start and end stacked.py computed,
    its value inside when it fits (ink: black or white), each bar's total at its end."""
    y = alt.Y("category:N", title=CATEGORY_TITLE, sort=items("categories"))
    x_scale = alt.Scale(domain=[0, Number("longest")], nice=False)
    tooltip = [
        alt.Tooltip("category:N", title=CATEGORY_TITLE),
        alt.Tooltip("series:N", title=Text("series_tooltip_title")),
        alt.Tooltip("value:Q", title=VALUE_TITLE, format=VALUE_FORMAT),
    ]
    if layout.notes:
        tooltip.append(alt.Tooltip("note:N", title=" "))
    segment = "datum.total === null"
    colour = alt.Color(
        "series:N",
        title=Text("series_legend_title"),
        sort=items("series"),
        scale=alt.Scale(domain=items("series"), range=items("colours")),
        legend=alt.Legend(values=items("present")),
    )
    start = alt.X("start:Q", title=VALUE_TITLE, scale=x_scale, axis=alt.Axis(tickMinStep=1))
    segments = (
        alt.Chart()
        .transform_filter(segment)
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(y=y, x=start, x2=alt.X2("end"), color=colour, tooltip=tooltip)
    )
    inside = (
        alt.Chart()
        .transform_filter(segment)
        .mark_text(baseline="middle")
        .encode(
            y=y,
            x=alt.X("middle:Q", scale=x_scale),
            text=alt.Text("label:N"),
            color=alt.Color("ink:N", scale=None),
            tooltip=tooltip,
        )
    )
    ends = (
        alt.Chart()
        .transform_filter("datum.total !== null")
        .mark_text(align="left", dx=3, baseline="middle", fontWeight="bold")
        .encode(y=y, x=alt.X("total:Q", scale=x_scale), text=alt.Text("total:Q", format=VALUE_FORMAT))
    )
    return alt.layer(segments, inside, ends, data=ROWS).properties(width=PLOT_WIDTH, height=Number("height"))


def tiles(layout: TileLayout) -> alt.LayerChart:
    """One square per row at its grid cell (corners from tile_map.py), its name in it (bold for
    the emphasised), a tile_map's share below the name; coloured by value or by group."""
    size, font = TILE_SIZE[layout.kind], FONT_SIZE[layout.kind]
    x = alt.Scale(domain=[0, Number("grid_columns")], nice=False, zero=False)
    y = alt.Scale(domain=[0, Number("grid_rows")], nice=False, zero=False, reverse=True)
    shares = layout.kind == "tile_map"
    tooltip = [alt.Tooltip("category:N", title=CATEGORY_TITLE)]
    if not shares:
        tooltip.append(alt.Tooltip("series:N", title=Text("series_title")))
    if layout.notes:
        tooltip.append(alt.Tooltip("note:N", title=VALUE_TITLE if shares else " "))
    # A share's colour on a ramp through the stops, interpolated in RGB as tile_map.py mixes its ink.
    colours = alt.Scale(
        domain=items("colour_domain"), range=items("colour_range"), interpolate="rgb" if shares else alt.Undefined
    )
    if shares:
        legend = alt.Legend(
            title=VALUE_TITLE,
            orient="bottom",
            direction="horizontal",
            gradientLength=min(240, size * 4),
            format=".0f",
            labelExpr="datum.label + '%'",
        )
        fill = alt.Color("value:Q", scale=colours, legend=legend)
    else:
        fill = alt.Color("series:N", scale=colours, legend=None)
    squares = (
        alt.Chart()
        .mark_rect()
        .encode(
            x=alt.X("x0:Q", scale=x, axis=None),
            x2="x1:Q",
            y=alt.Y("y0:Q", scale=y, axis=None),
            y2="y1:Q",
            color=fill,
            stroke=alt.Stroke("border:N", scale=None),
            strokeWidth=alt.StrokeWidth("border_width:Q", scale=None),
            tooltip=tooltip,
        )
    )
    layers = [squares]
    for field, weight, keep in (("name", "normal", "!datum.emphasis"), ("name", "bold", "datum.emphasis"), ("share", "bold", "")):
        if field == "share" and not shares:
            continue
        text = alt.Chart().transform_filter(keep) if keep else alt.Chart()
        layers.append(
            text.mark_text(
                lineBreak="\n", baseline="middle", fontSize=font, lineHeight=font + LINE_GAP, fontWeight=weight
            ).encode(
                x=alt.X("xc:Q", scale=x),
                y=alt.Y(f"{field}_y:Q", scale=y),
                text=f"{field}:N",
                color=alt.Color("ink:N", scale=None),
                tooltip=tooltip,
            )
        )
    return alt.layer(*layers, data=ROWS).properties(width=Number("width"), height=Number("height"))


def config(layout: ChartConfig) -> alt.Config:
    """What every chart shares: the font built into vl-convert, text sizes, legends below, and
    the page's number format (3.321 and 12,5 in Vietnamese)."""
    number = alt.NumberLocale(decimal=Text("decimal"), thousands=Text("thousands"), grouping=[3], currency=["", ""])
    return alt.Config(
        # No ARIA text of Vega's own ("X-axis titled ... for a linear scale", "xc: 4.5; ink: #000"),
        # English whatever the page's language: the SVG is an image labelled by the figure's
        # caption, our own sentence in the reader's language (the request's description).
        aria=False,
        font=FONT,
        view=alt.ViewConfig(stroke=None),
        axis=alt.AxisConfig(labelFontSize=11, titleFontSize=11, labelLimit=LABEL_LIMIT),
        legend=alt.LegendConfig(labelFontSize=11, titleFontSize=11, orient="bottom"),
        text=alt.MarkConfig(fontSize=11),
        locale=alt.Locale(number=number) if layout.localised else alt.Undefined,
    )


# The Altair function of each layout type.
DEFINITIONS = {BarLayout: bars, StackedLayout: stacked_bars, TileLayout: tiles}


def every_layout() -> list:
    """Every layout the kinds and the config can take (each layout type's `every()`)."""
    return [layout for kind in (*DEFINITIONS, ChartConfig) for layout in kind.every()]


def spec_dict(layout, validate: bool = False) -> dict:
    """The compiled spec of a layout, slots in it: Altair's `to_dict()`, without the schema URL
    (no other host in a spec) or Altair's default theme; every kind gets the request's description
    and the shared config as slots. `validate`: check it against the Vega-Lite schema, as the
    tests do for every layout (it doubles the time a build takes to compile)."""
    if isinstance(layout, ChartConfig):
        return config(layout).to_dict(validate=validate)
    definition = DEFINITIONS.get(type(layout))
    if definition is None:
        raise ValueError(f"No chart kind draws {layout!r}; add its function to DEFINITIONS in site_builder/charts/kinds.py.")
    with alt.theme.enable("none"):
        spec = definition(layout).properties(description=Text("description")).to_dict(validate=validate)
    spec.pop("$schema", None)
    spec["config"] = Text("config")
    return spec
