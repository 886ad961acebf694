"""Tile maps' specs are written as plain dicts (tile_map.tile_spec, no Altair at build time); they
must stay exactly what Altair gives for the same layers, so the charts, their hashes and the
cache are unchanged. The Altair reference is the code tile_map.py used before."""

from __future__ import annotations

import random

import pytest
from test_charts_spec_plain import altair_dict, random_request

from site_builder.charts import ChartRow
from site_builder.charts.spec import chart_spec
from site_builder.charts.tile_map import FONT_SIZE, GAP, LINE_GAP, TILE_SIZE, tile_spec, tile_values


def altair_tile_chart(request):
    """The reference: the tile map as it was built with Altair before tile_spec replaced it."""
    import altair as alt

    values, scale = tile_values(request)
    size, font = TILE_SIZE[request.kind], FONT_SIZE[request.kind]
    columns = max(v["x1"] for v in values) + GAP
    rows = max(v["y1"] for v in values) + GAP
    x = alt.Scale(domain=[0, columns], nice=False, zero=False)
    y = alt.Scale(domain=[0, rows], nice=False, zero=False, reverse=True)
    tooltip = [alt.Tooltip("category:N", title=request.category_title)]
    if request.kind == "tile_groups":
        tooltip.append(alt.Tooltip("series:N", title=request.series_title or " "))
    if any(v["note"] for v in values):
        tooltip.append(alt.Tooltip("note:N", title=request.value_title if request.kind == "tile_map" else " "))
    if request.kind == "tile_map":
        legend = alt.Legend(
            title=request.value_title,
            orient="bottom",
            direction="horizontal",
            gradientLength=min(240, size * 4),
            format=".0f",
            labelExpr="datum.label + '%'",
        )
        fill = alt.Color(
            "value:Q", scale=alt.Scale(domain=scale["domain"], range=scale["range"], interpolate="rgb"), legend=legend
        )
    else:
        fill = alt.Color("series:N", scale=alt.Scale(domain=scale["domain"], range=scale["range"]), legend=None)
    base = alt.Chart()
    squares = base.mark_rect().encode(
        x=alt.X("x0:Q", scale=x, axis=None),
        x2="x1:Q",
        y=alt.Y("y0:Q", scale=y, axis=None),
        y2="y1:Q",
        color=fill,
        stroke=alt.Stroke("border:N", scale=None),
        strokeWidth=alt.StrokeWidth("border_width:Q", scale=None),
        tooltip=tooltip,
    )
    layers = [squares]
    for field, weight, keep in (("name", "normal", "!datum.emphasis"), ("name", "bold", "datum.emphasis"), ("share", "bold", "")):
        if field == "share" and request.kind != "tile_map":
            continue
        text = (
            (base.transform_filter(keep) if keep else base)
            .mark_text(lineBreak="\n", baseline="middle", fontSize=font, lineHeight=font + LINE_GAP, fontWeight=weight)
            .encode(
                x=alt.X("xc:Q", scale=x),
                y=alt.Y(f"{field}_y:Q", scale=y),
                text=f"{field}:N",
                color=alt.Color("ink:N", scale=None),
                tooltip=tooltip,
            )
        )
        layers.append(text)
    return alt.layer(*layers, data=alt.Data(values=values)).properties(width=round(columns * size), height=round(rows * size))


NAMES = ["Hà Nội", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế", '<script>"&', "Đắk Lắk", " ", "Kon Tum"]


def varied_tile_requests(count: int):
    """Tile maps of both kinds on 1 to 12 cells: shares whole and fractional, equal and apart,
    with and without notes and labels, groups with and without their namesake (seeded)."""
    rng = random.Random(20251126)
    requests = []
    for i in range(count):
        kind = ("tile_map", "tile_groups")[i % 2]
        cells = rng.sample([(r, c) for r in range(15) for c in range(5)], 1 + i % 12)
        groups = rng.sample(NAMES, 1 + i % 4)
        rows = []
        for j, (row, column) in enumerate(cells):
            category = rng.choice(NAMES) + str(j)
            series = rng.choice(groups + [category]) if kind == "tile_groups" else ""
            rows.append(
                ChartRow(
                    category=category,
                    value=rng.choice([40, 60.5, 68, 76, 0, 100]) if i % 5 else 50,
                    series=series,
                    note=rng.choice(["", "", "526 → 126 (−76%)"]),
                    label=rng.choice(["", "", "Huế"]),
                    grid_row=row,
                    grid_column=column,
                )
            )
        requests.append(random_request(rng, f"tile-{i}", kind, tuple(rows), series_title=rng.choice(["", "Now part of"])))
    return requests


@pytest.mark.parametrize("request_", varied_tile_requests(30), ids=lambda r: f"{r.chart_id}-{r.kind}-{len(r.rows)}")
def test_plain_tile_spec_is_exactly_the_altair_spec(request_):
    assert tile_spec(request_) == altair_dict(altair_tile_chart(request_))


def test_the_varied_requests_reach_every_branch():
    requests = varied_tile_requests(30)
    specs = [tile_spec(r) for r in requests]
    assert {len(s["layer"]) for s in specs} == {3, 4}  # groups: no share layer
    assert any(len(s["layer"][0]["encoding"]["tooltip"]) == 3 for s in specs)  # a note in a group map
    assert any(v["emphasis"] for s in specs for v in s["data"]["values"])


def test_chart_spec_of_a_tile_map_imports_no_altair(monkeypatch):
    import altair as alt

    monkeypatch.setattr(alt, "Chart", lambda *a, **k: pytest.fail("Altair was used for a tile map"))
    for request_ in varied_tile_requests(4):
        assert chart_spec(request_)["layer"][0]["mark"] == {"type": "rect"}
