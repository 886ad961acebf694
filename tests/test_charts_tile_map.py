"""The home page's tile maps: the hand-placed grid, the two map specs, and the built home page."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest

from fixtures.build.project import make_fixture_project
from helpers import REFORM
from site_builder.charts import ChartRequest, ChartRow, render_charts
from site_builder.charts.colours import GROUP_PALETTE, SEQUENTIAL, contrast, mix
from site_builder.charts.render import renumber_gradients
from site_builder.charts.spec import chart_spec
from site_builder.charts.tile_grid import TileGridError, load_tile_grid
from site_builder.charts.tile_map import group_colours, tile_values, wrap_name
from site_builder.pipeline import build_site


def provinces() -> list[dict]:
    with (REFORM / "provinces.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def successions() -> dict[str, str]:
    with (REFORM / "successions.csv").open(encoding="utf-8", newline="") as handle:
        return {row["predecessor_id"]: row["successor_id"] for row in csv.DictReader(handle)}


# The grid file ----------------------------------------------------------------------------


def test_grid_places_every_current_and_former_province_exactly_once():
    grid = load_tile_grid()
    assert sorted(grid) == sorted(p["id"] for p in provinces() if p["type"] != "country")  # the country is no tile
    names = {p["id"]: p["name_vi"] for p in provinces() if p["type"] != "country"}
    assert {pid: tile.name_vi for pid, tile in grid.items()} == names  # the file's reminder column agrees
    assert sum(1 for pid in grid if pid.startswith("p34-")) == 34 and sum(1 for pid in grid if pid.startswith("p63-")) == 63


@pytest.mark.parametrize("era", ["p34-", "p63-"])
def test_no_two_provinces_of_one_map_share_a_cell(era):
    cells = [(t.row, t.column) for pid, t in load_tile_grid().items() if pid.startswith(era)]
    assert len(cells) == len(set(cells))


def test_north_is_at_the_top_and_the_south_at_the_bottom():
    grid = load_tile_grid()
    for north, south in (("p34-12", "p34-96"), ("p34-01", "p34-79"), ("p63-02", "p63-96"), ("p63-46", "p63-79")):
        assert grid[north].row < grid[south].row


def test_provinces_that_merged_touch_each_other_on_the_map_of_former_provinces():
    grid = load_tile_grid()
    groups = defaultdict(list)
    for predecessor, successor in successions().items():
        groups[successor].append((grid[predecessor].row, grid[predecessor].column))
    for successor, cells in groups.items():
        reached, todo = {cells[0]}, [cells[0]]
        while todo:
            row, column = todo.pop()
            for cell in cells:
                if cell not in reached and abs(cell[0] - row) + abs(cell[1] - column) == 1:
                    reached.add(cell)
                    todo.append(cell)
        assert reached == set(cells), successor


def test_a_province_placed_twice_is_reported_with_its_line(tmp_path):
    path = tmp_path / "grid.csv"
    path.write_text("# comment\nid,name_vi,row,column\np34-01,Hà Nội,0,0\np34-01,Hà Nội,1,1\n", encoding="utf-8")
    with pytest.raises(TileGridError, match=r"grid.csv:4: p34-01 is placed twice"):
        load_tile_grid(path)


def test_a_cell_that_is_not_a_number_is_reported_with_its_line(tmp_path):
    path = tmp_path / "grid.csv"
    path.write_text("id,name_vi,row,column\np34-01,Hà Nội,top,0\n", encoding="utf-8")
    with pytest.raises(TileGridError, match=r"grid.csv:2: expected id,name_vi,row,column"):
        load_tile_grid(path)


# The map specs ----------------------------------------------------------------------------


def share_map(rows) -> ChartRequest:
    return ChartRequest("home--map-current", "Share removed", "A map.", "tile_map", tuple(rows), "Units removed", "Province")


SHARES = [
    ChartRow("Hà Nội", 76.0, note="526 → 126 (−76%)", label="Hà Nội", grid_row=2, grid_column=3),
    ChartRow("Cần Thơ", 60.8, note="342 → 134 (−60.8%)", label="Cần Thơ", grid_row=15, grid_column=1),
    ChartRow("Bà Rịa - Vũng Tàu", 65.0, label="Bà Rịa - Vũng Tàu", grid_row=13, grid_column=2),
]


def test_each_square_sits_in_its_cell_with_row_zero_at_the_top():
    values, _ = tile_values(share_map(SHARES))
    hanoi = values[0]
    assert 3 < hanoi["x0"] < hanoi["x1"] < 4 and 2 < hanoi["y0"] < hanoi["y1"] < 3
    spec = chart_spec(share_map(SHARES))
    rect = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rect")
    assert rect["encoding"]["y"]["scale"]["reverse"] is True
    assert spec["width"] == 4 * 54 and spec["height"] == 16 * 54


def test_squares_are_coloured_by_share_on_a_sequential_scale_with_a_percent_legend():
    spec = chart_spec(share_map(SHARES))
    color = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rect")["encoding"]["color"]
    assert color["field"] == "value" and color["type"] == "quantitative"
    assert color["scale"]["domain"] == [60, 68, 76] and color["scale"]["range"] == SEQUENTIAL
    assert "%" in color["legend"]["labelExpr"]


def test_each_square_shows_its_name_and_share_and_its_tooltip_before_and_after():
    values, _ = tile_values(share_map(SHARES))
    assert values[0]["name"] == "Hà Nội" and values[0]["share"] == "−76%"
    assert values[2]["name"] == "Bà Rịa -\nVũng Tàu"
    spec = chart_spec(share_map(SHARES))
    rect = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rect")
    assert [t["field"] for t in rect["encoding"]["tooltip"]] == ["category", "note"]


def test_text_on_every_square_contrasts_with_its_fill():
    for share in range(0, 101, 5):
        fill = mix(SEQUENTIAL, share / 100)
        assert max(contrast(fill, "#000000"), contrast(fill, "#ffffff")) >= 4.5
    for value in tile_values(share_map(SHARES))[0]:
        fill = mix(SEQUENTIAL, (value["value"] - 60) / 16)
        assert contrast(fill, value["ink"]) >= 4.5
    for fill in GROUP_PALETTE:
        assert contrast(fill, "#000000") >= 4.5


def test_names_wrap_at_spaces_and_keep_a_dash_with_the_word_before():
    assert wrap_name("Hồ Chí Minh", 8) == ["Hồ Chí", "Minh"]
    assert wrap_name("Bà Rịa - Vũng Tàu", 8) == ["Bà Rịa -", "Vũng Tàu"]
    assert wrap_name("Huế", 8) == ["Huế"]


def test_groups_that_touch_on_the_real_grid_never_share_a_colour():
    grid, succession = load_tile_grid(), successions()
    cells = {(grid[p].row, grid[p].column): s for p, s in succession.items()}
    colours = group_colours(cells)
    for (row, column), group in cells.items():
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                other = cells.get((row + dr, column + dc))
                if other and other != group:
                    assert colours[other] != colours[group], (group, other)
    assert len(set(colours.values())) == len(GROUP_PALETTE)  # every hue used, not only the first few


def groups_map() -> ChartRequest:
    rows = [
        ChartRow("Kon Tum", 102, "Quảng Ngãi", label="Kon Tum", grid_row=11, grid_column=5),
        ChartRow("Quảng Ngãi", 173, "Quảng Ngãi", label="Quảng Ngãi", grid_row=11, grid_column=6),
        ChartRow("Quảng Nam", 233, "Đà Nẵng", label="Quảng Nam", grid_row=10, grid_column=5),
    ]
    return ChartRequest(
        "home--map-former", "Former", "A map.", "tile_groups", tuple(rows), "Units", "Former province", series_title="Now part of"
    )


def test_former_provinces_are_coloured_by_the_province_they_joined_without_a_legend():
    spec = chart_spec(groups_map())
    rect = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rect")
    assert rect["encoding"]["color"]["field"] == "series" and rect["encoding"]["color"]["legend"] is None
    assert [t["field"] for t in rect["encoding"]["tooltip"]] == ["category", "series"]
    values, scale = tile_values(groups_map())
    assert scale["domain"] == ["Đà Nẵng", "Quảng Ngãi"] and len(set(scale["range"])) == 2


def test_the_province_whose_name_the_group_took_is_emphasised():
    values, _ = tile_values(groups_map())
    assert [v["category"] for v in values if v["emphasis"]] == ["Quảng Ngãi"]
    assert [v["border_width"] > 0 for v in values] == [False, True, False]


@pytest.mark.parametrize("request_", [share_map(SHARES), groups_map()], ids=["tile_map", "tile_groups"])
def test_map_specs_are_valid_vega_lite_and_render_with_their_names(request_, tmp_path):
    import altair as alt

    alt.LayerChart.from_dict(chart_spec(request_), validate=True)
    chart = render_charts([request_], tmp_path, workers=1)[request_.chart_id]
    assert "Kon Tum" in chart.svg or "Hà Nội" in chart.svg
    assert "http" not in re.sub(r'xmlns(:xlink)?="[^"]*"', "", chart.svg)


def test_gradient_ids_are_numbered_per_chart_so_builds_repeat_byte_for_byte():
    svg = '<path fill="url(#gradient_7)"/><linearGradient id="gradient_7"/>'
    assert renumber_gradients(svg) == '<path fill="url(#gradient_0)"/><linearGradient id="gradient_0"/>'


# The built home page ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> str:
    paths = make_fixture_project(tmp_path_factory.mktemp("maps"))
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, workers=1)
    return (paths.site_dir / "index.html").read_text(encoding="utf-8")


def test_home_page_shows_both_maps_as_static_svg_with_caption_and_data(home):
    for chart_id in ("home--map-current", "home--map-former"):
        figure = re.search(rf'<figure class="chart" id="chart-{chart_id}".*?</figure>', home, re.S)
        assert figure, chart_id
        assert '<svg role="img"' in figure.group(0) and "<details" in figure.group(0)
    current = re.search(r'id="chart-home--map-current".*?</figure>', home, re.S).group(0)
    assert ">Quảng<" in current and ">Ngãi<" in current and "−65%" in current  # (102 + 173 → 96) removed 65.1 %
    former = re.search(r'id="chart-home--map-former".*?</figure>', home, re.S).group(0)
    assert ">Kon Tum<" in former and "Squares of one colour became one of today" in former
