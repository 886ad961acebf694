"""The units chart of a province page: commune-level units by type, before and after 1 July 2025,
as stacked bars (one bar per moment, one segment per type)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.charts import ChartRequest, ChartRow
from site_builder.charts.colours import INK_DARK, INK_LIGHT, TYPE_PALETTE, contrast
from site_builder.charts.spec import chart_spec
from site_builder.charts.stacked import stacked_values
from site_builder.dataset.load import load_package
from site_builder.pages.chart_plan import plan_charts
from site_builder.pages.translations import load_translations
from site_builder.views import derive_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(FIXTURE, root / "reform")
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", root / "reform")
    return derive_site(load_package(root)[0])


@pytest.fixture(scope="module")
def requests(site) -> dict[str, ChartRequest]:
    return {r.chart_id: r for r in plan_charts(site, load_translations("en")).requests}


def bars(request: ChartRequest) -> dict[str, dict[str, float]]:
    """category -> series -> value."""
    out: dict[str, dict[str, float]] = {}
    for r in request.rows:
        out.setdefault(r.category, {})[r.series] = r.value
    return out


def test_merged_province_stacks_the_sum_of_its_predecessors_types_before_against_its_own_after(requests):
    # Quảng Ngãi (p34-51) = Quảng Ngãi (139 communes, 19 wards, 15 townships) + Kon Tum (72, 19, 11)
    chart = requests["p34-51--units"]
    assert chart.kind == "stacked"
    assert bars(chart) == {
        "Before (30 June 2025)": {"Communes": 211, "Wards": 38, "Townships": 26},
        "After (1 July 2025)": {"Communes": 86, "Wards": 9, "Special zones": 1},
    }


def test_each_summed_type_names_its_parts(requests):
    notes = {r.series: r.note for r in requests["p34-51--units"].rows if r.category.startswith("Before")}
    assert notes["Communes"] == "Kon Tum 72, Quảng Ngãi 139"


def test_former_province_shows_its_own_the_merged_whole_and_the_successor_after(requests):
    chart = requests["p63-62--units"]  # Kon Tum, merged into Quảng Ngãi
    assert bars(chart) == {
        "Kon Tum, before": {"Communes": 72, "Wards": 19, "Townships": 11},
        "Quảng Ngãi, its parts before": {"Communes": 211, "Wards": 38, "Townships": 26},
        "Quảng Ngãi, after": {"Communes": 86, "Wards": 9, "Special zones": 1},
    }
    assert chart.title == "Commune-level units by type: Kon Tum and Quảng Ngãi"


def test_a_province_that_continued_alone_compares_its_own_counts(requests):
    assert bars(requests["p63-12--units"]) == {
        "Lai Châu, before": {"Communes": 94, "Wards": 5, "Townships": 7},
        "Lai Châu, after": {"Communes": 36, "Wards": 2},
    }
    assert set(bars(requests["p34-12--units"])) == {"Before (30 June 2025)", "After (1 July 2025)"}


def test_description_spells_out_the_types_on_both_sides(requests):
    text = requests["p34-51--units"].description
    assert "275 commune-level units" in text and "communes: 211, wards: 38, townships: 26" in text
    assert "has 96 (communes: 86, wards: 9, special zones: 1)" in text


def test_colours_stay_with_their_type_across_charts(requests):
    domains = {requests[i].series_domain for i in ("p34-51--units", "p34-12--units", "p63-48--units")}
    assert domains == {("Communes", "Wards", "Townships", "Special zones")}


def test_charts_show_names_in_the_page_language_with_diacritics(site):
    vi = {r.chart_id: r for r in plan_charts(site, load_translations("vi")).requests}
    chart = vi["vi--p63-49--units"]  # Quảng Nam, merged into Đà Nẵng (another edition's ids are prefixed)
    assert chart.title == "Đơn vị hành chính cấp xã theo loại: Quảng Nam và Đà Nẵng"
    assert {r.series for r in chart.rows} == {"Xã", "Phường", "Thị trấn", "Đặc khu"}
    assert "193 xã, 17 phường, 23 thị trấn" in chart.description


def test_a_province_without_a_count_gets_no_units_chart(site):
    from dataclasses import replace

    dataset = site.dataset
    without = replace(dataset, unit_counts=tuple(c for c in dataset.unit_counts if c.province_id != "p63-62"))
    planned = {r.chart_id for r in plan_charts(derive_site(without), load_translations("en")).requests}
    assert "p34-51--units" not in planned and "p63-62--units" not in planned and "p34-48--units" in planned


STACKED = [
    ChartRow("Before", 211, "Communes"),
    ChartRow("Before", 38, "Wards"),
    ChartRow("Before", 3, "Townships"),
    ChartRow("After", 86, "Communes"),
    ChartRow("After", 9, "Wards"),
]


def stacked_request(rows=STACKED, **fields) -> ChartRequest:
    return ChartRequest(
        "p34-51--units",
        "Units by type",
        "By type.",
        "stacked",
        tuple(rows),
        "Commune-level units",
        "Date",
        series_title="Type of unit",
        series_domain=("Communes", "Wards", "Townships", "Special zones"),
        **fields,
    )


def test_segments_follow_each_other_in_the_order_given_and_totals_end_each_bar():
    segments, totals, domain = stacked_values(stacked_request(), 420)
    before = [(s["series"], s["start"], s["end"]) for s in segments if s["category"] == "Before"]
    assert before == [("Communes", 0, 211), ("Wards", 211, 249), ("Townships", 249, 252)]
    assert totals == [{"category": "Before", "total": 252}, {"category": "After", "total": 95}]
    assert domain == ["Communes", "Wards", "Townships", "Special zones"]


def test_a_segment_too_narrow_for_its_number_carries_no_label():
    labels = {(s["category"], s["series"]): s["label"] for s in stacked_values(stacked_request(), 420)[0]}
    assert labels[("Before", "Communes")] == "211" and labels[("Before", "Townships")] == ""


def test_segment_labels_contrast_with_their_segment_and_segments_with_the_page():
    for fill in TYPE_PALETTE:
        assert contrast(fill, "#ffffff") >= 3, fill  # graphics against the white page
    for segment in stacked_values(stacked_request(), 420)[0]:
        fill = TYPE_PALETTE[["Communes", "Wards", "Townships", "Special zones"].index(segment["series"])]
        assert segment["ink"] in (INK_DARK, INK_LIGHT) and contrast(fill, segment["ink"]) >= 4.5


def test_legend_lists_only_the_types_the_chart_shows_but_colours_keep_the_full_domain():
    spec = chart_spec(stacked_request())
    bar = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert bar["encoding"]["color"]["scale"]["domain"] == ["Communes", "Wards", "Townships", "Special zones"]
    assert bar["encoding"]["color"]["legend"]["values"] == ["Communes", "Wards", "Townships"]
    assert [t["field"] for t in bar["encoding"]["tooltip"]] == ["category", "series", "value"]


def test_stacked_spec_is_valid_vega_lite_and_renders(tmp_path):
    import altair as alt

    from site_builder.charts import render_charts

    alt.LayerChart.from_dict(chart_spec(stacked_request()), validate=True)
    chart = render_charts([stacked_request()], tmp_path, workers=1)["p34-51--units"]
    assert ">211<" in chart.svg and ">252<" in chart.svg and "Townships" in chart.svg
