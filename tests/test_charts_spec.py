"""The Vega-Lite spec of each chart kind: order, data inline, nothing fetched from another host."""

from __future__ import annotations

import json

import pytest

from site_builder.charts import ChartRequest, ChartRow
from site_builder.charts.spec import chart_spec, ordered_categories, spec_key


def request(kind: str, rows, chart_id: str = "p34-51--units", **overrides) -> ChartRequest:
    fields = dict(
        chart_id=chart_id,
        title="Commune-level units of Quang Ngai",
        description="Fewer units after the merger.",
        kind=kind,
        rows=tuple(rows),
        value_title="Commune-level units",
        category_title="Date",
    )
    fields.update(overrides)
    return ChartRequest(**fields)


def layer_encoding(spec: dict, mark: str) -> dict:
    layer = next(lay for lay in spec["layer"] if (lay["mark"]["type"] if isinstance(lay["mark"], dict) else lay["mark"]) == mark)
    return layer["encoding"]


def inline_values(spec: dict) -> list[dict]:
    datasets = spec.get("datasets") or {}
    if datasets:
        return next(iter(datasets.values()))
    return spec["data"]["values"]


BEFORE_AFTER = [
    ChartRow("Before (30 June 2025)", 298, "Before", "An Giang 155, Kien Giang 143"),
    ChartRow("After (1 July 2025)", 102, "After"),
]


def test_before_after_chart_keeps_the_order_of_its_rows_even_when_values_rise():
    rows = [
        ChartRow("Quang Nam, before", 233, "Before"),
        ChartRow("Da Nang, its parts before", 280, "Before"),
        ChartRow("Da Nang, after", 94, "After"),
    ]
    spec = chart_spec(request("before_after", rows))
    assert layer_encoding(spec, "bar")["y"]["sort"] == ["Quang Nam, before", "Da Nang, its parts before", "Da Nang, after"]


def test_ranking_chart_is_sorted_by_value_largest_first_ties_by_name():
    rows = [ChartRow("Lai Chau", 38), ChartRow("Tuyen Quang", 138), ChartRow("Quang Ngai", 96), ChartRow("Hue", 96)]
    spec = chart_spec(request("ranking", rows, category_title="Province"))
    assert layer_encoding(spec, "bar")["y"]["sort"] == ["Tuyen Quang", "Hue", "Quang Ngai", "Lai Chau"]


def test_series_chart_keeps_time_order_left_to_right_and_draws_a_line_from_three_points():
    rows = [ChartRow("2021", 1), ChartRow("2022", 3), ChartRow("2023", 2)]
    spec = chart_spec(request("series", rows, value_title="Rank"))
    encoding = layer_encoding(spec, "line")
    assert encoding["x"]["sort"] == ["2021", "2022", "2023"]
    assert encoding["x"]["field"] == "category" and encoding["y"]["field"] == "value"


def test_series_of_two_values_is_drawn_as_bars():
    spec = chart_spec(request("series", [ChartRow("2019", 10), ChartRow("2024", 7)]))
    assert layer_encoding(spec, "bar")["x"]["sort"] == ["2019", "2024"]


def test_every_bar_carries_its_value_as_text_for_print():
    spec = chart_spec(request("before_after", BEFORE_AFTER))
    assert layer_encoding(spec, "text")["text"]["field"] == "value"


def test_tooltip_names_category_value_and_note():
    spec = chart_spec(request("before_after", BEFORE_AFTER))
    fields = [t["field"] for t in layer_encoding(spec, "bar")["tooltip"]]
    assert fields == ["category", "value", "note"]


def test_tooltip_has_no_empty_note_line_when_no_row_has_a_note():
    spec = chart_spec(request("ranking", [ChartRow("A", 1), ChartRow("B", 2)]))
    assert [t["field"] for t in layer_encoding(spec, "bar")["tooltip"]] == ["category", "value"]


def test_data_is_inline_and_the_spec_names_no_other_host():
    spec = chart_spec(request("before_after", BEFORE_AFTER))
    text = json.dumps(spec)
    assert "http://" not in text and "https://" not in text and '"url"' not in text
    assert [v["category"] for v in inline_values(spec)] == ["Before (30 June 2025)", "After (1 July 2025)"]


def test_spec_uses_the_projects_font_and_fixed_sizes():
    spec = chart_spec(request("ranking", [ChartRow("A", 1), ChartRow("B", 2)]))
    # The project's pinned font first (measured by vl-convert, served by the site), then fallbacks.
    assert spec["config"]["font"].split(", ") == ["Noto Sans", "Arial", "Helvetica", "sans-serif"]
    assert isinstance(spec["width"], int) and isinstance(spec["height"], int)


def test_spec_carries_the_description_for_screen_readers():
    assert chart_spec(request("before_after", BEFORE_AFTER))["description"] == "Fewer units after the merger."


def test_same_content_gives_the_same_key_and_other_content_another():
    a = chart_spec(request("before_after", BEFORE_AFTER, chart_id="p63-12--units"))
    b = chart_spec(request("before_after", BEFORE_AFTER, chart_id="p34-12--units"))
    c = chart_spec(request("before_after", BEFORE_AFTER[:1]))
    assert spec_key(a) == spec_key(b) != spec_key(c)
    assert len(spec_key(a)) == 16 and int(spec_key(a), 16) >= 0


def test_unknown_kind_is_rejected_with_a_sentence_naming_the_chart():
    with pytest.raises(ValueError, match="p34-51--units.*unknown kind 'pie'"):
        chart_spec(request("pie", BEFORE_AFTER))


def test_ordered_categories_of_a_ranking_follow_the_values():
    rows = [ChartRow("B", 1), ChartRow("A", 5)]
    assert ordered_categories(request("ranking", rows)) == ["A", "B"]
    assert ordered_categories(request("before_after", rows)) == ["B", "A"]


@pytest.mark.parametrize(
    "kind, rows",
    [
        ("before_after", BEFORE_AFTER),
        ("ranking", [ChartRow("A", 1.5, note="n"), ChartRow("B", 2)]),
        ("series", [ChartRow("2021", 1), ChartRow("2022", 3), ChartRow("2023", 2)]),
        ("series", [ChartRow("2019", 10), ChartRow("2024", 7)]),
    ],
)
def test_spec_of_every_kind_is_valid_vega_lite(kind, rows):
    # Builds compile the kinds without Altair's schema check; the filled spec is checked here.
    import altair as alt

    alt.LayerChart.from_dict(chart_spec(request(kind, rows)), validate=True)
