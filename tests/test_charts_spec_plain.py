"""The bar and stacked kinds' specs are written as plain dicts (fast); they must stay exactly what
Altair gives for the same layers, so the charts, their hashes and the cache are unchanged."""

from __future__ import annotations

import random

import pytest

from site_builder.charts import ChartRequest, ChartRow
from site_builder.charts.colours import TYPE_PALETTE
from site_builder.charts.spec import (
    COLUMN_WIDTH,
    PLOT_HEIGHT,
    PLOT_WIDTH,
    ROW_HEIGHT,
    VALUE_FORMAT,
    _colours,
    bar_spec,
    chart_spec,
    ordered_categories,
)
from site_builder.charts.stacked import stacked_spec, stacked_values


def altair_bar_chart(request: ChartRequest):
    """The reference: the bar layers as they were built with Altair before bar_spec replaced it."""
    import altair as alt

    values = [
        {"order": i, "category": r.category, "value": float(r.value), "series": r.series or request.value_title, "note": r.note}
        for i, r in enumerate(request.rows)
    ]
    categories = ordered_categories(request)
    series = list(dict.fromkeys(v["series"] for v in values))
    data = alt.Data(values=values)
    tooltip = [
        alt.Tooltip("category:N", title=request.category_title),
        alt.Tooltip("value:Q", title=request.value_title, format=VALUE_FORMAT),
    ]
    value_axis = alt.Axis(tickMinStep=1) if all(float(r.value).is_integer() for r in request.rows) else alt.Axis()
    if any(r.note for r in request.rows):
        tooltip.append(alt.Tooltip("note:N", title=" "))
    color = alt.Color(
        "series:N",
        title=None,
        sort=series,
        scale=alt.Scale(domain=series, range=_colours(len(series))),
        legend=alt.Legend() if request.kind == "series" and len(series) > 1 else None,
    )
    if request.kind in ("before_after", "ranking"):
        base = alt.Chart(data).encode(
            y=alt.Y("category:N", title=request.category_title, sort=categories),
            x=alt.X("value:Q", title=request.value_title, axis=value_axis),
            tooltip=tooltip,
        )
        bars = base.mark_bar().encode(color=color)
        labels = base.mark_text(align="left", dx=3, baseline="middle").encode(text=alt.Text("value:Q", format=VALUE_FORMAT))
        return (bars + labels).properties(width=PLOT_WIDTH, height=ROW_HEIGHT * len(values))
    base = alt.Chart(data).encode(
        x=alt.X(
            "category:N", title=request.category_title, sort=categories, axis=alt.Axis(labelAngle=0, labelLimit=COLUMN_WIDTH)
        ),
        y=alt.Y("value:Q", title=request.value_title, axis=value_axis),
        tooltip=tooltip,
    )
    marks = base.mark_line(point=True).encode(color=color) if len(values) > 2 else base.mark_bar().encode(color=color)
    labels = base.mark_text(baseline="bottom", dy=-4).encode(text=alt.Text("value:Q", format=VALUE_FORMAT))
    return (marks + labels).properties(width=COLUMN_WIDTH * len(categories), height=PLOT_HEIGHT)


def altair_dict(chart) -> dict:
    """An Altair chart's dict as the plain spec functions write it: no schema URL, and no config
    (Altair's default; chart_spec sets the whole config of every kind)."""
    spec = chart.to_dict(validate=False)
    spec.pop("$schema", None)
    spec.pop("config")
    return spec


TEXTS = ["", "Before", "After", "Quảng Ngãi", '<script>"&', "2024", "31 tháng 12, 2024", " "]


def random_request(rng: random.Random, chart_id: str, kind: str, rows: tuple, **fields) -> ChartRequest:
    """A request with random (sometimes empty or hostile) titles."""
    return ChartRequest(
        chart_id=chart_id,
        title=rng.choice(TEXTS),
        description="A test chart.",
        kind=kind,
        rows=rows,
        value_title=rng.choice(TEXTS),
        category_title=rng.choice(TEXTS),
        **fields,
    )


def varied_requests(count: int) -> list[ChartRequest]:
    """Requests of every bar kind with 1 to 6 rows: whole and fractional values, with and without
    notes and series, repeated categories, empty and hostile text (seeded: the same every run)."""
    rng = random.Random(20251101)
    requests = []
    for i in range(count):
        kind = ("before_after", "ranking", "series")[i % 3]
        rows = tuple(
            ChartRow(
                category=rng.choice(TEXTS[1:]) + (str(j) if rng.random() < 0.8 else ""),
                value=rng.choice([0, 1, 12, 96, 272, 3321, 12.5, 0.25, -3]) * rng.choice([1, 1, 2]),
                series=rng.choice(["", "", "Before", "After", "Count"]),
                note=rng.choice(["", "", "VnExpress", "about · Tuổi Trẻ"]),
            )
            for j in range(1 + i % 6)
        )
        requests.append(random_request(rng, f"chart-{i}", kind, rows))
    return requests


@pytest.mark.parametrize("request_", varied_requests(90), ids=lambda r: f"{r.chart_id}-{r.kind}-{len(r.rows)}")
def test_plain_bar_spec_is_exactly_the_altair_spec(request_):
    assert bar_spec(request_) == altair_dict(altair_bar_chart(request_))


def test_chart_spec_of_a_bar_kind_builds_no_altair_chart(monkeypatch):
    import altair as alt

    monkeypatch.setattr(alt, "Chart", lambda *a, **k: pytest.fail("Altair was used for a bar chart"))
    for request_ in varied_requests(6):
        assert chart_spec(request_)["layer"][0]["encoding"]["color"]["field"] == "series"


def altair_stacked_chart(request: ChartRequest, config: dict):
    """The reference: the stacked layers as they were built with Altair before stacked_spec."""
    import altair as alt

    segments, bar_totals, domain = stacked_values(request, config["width"])
    categories = list(dict.fromkeys(r.category for r in request.rows))
    present = [s for s in domain if any(v["series"] == s and v["value"] for v in segments)]
    longest = max(t["total"] for t in bar_totals) or 1.0
    y = alt.Y(field="category", type="nominal", title=request.category_title, sort=categories)
    x_scale = alt.Scale(domain=[0, longest], nice=False)
    tooltip = [
        alt.Tooltip(field="category", type="nominal", title=request.category_title),
        alt.Tooltip(field="series", type="nominal", title=request.series_title or " "),
        alt.Tooltip(field="value", type="quantitative", title=request.value_title, format=config["format"]),
    ]
    if any(v["note"] for v in segments):
        tooltip.append(alt.Tooltip(field="note", type="nominal", title=" "))
    segment = "datum.total === null"
    colour = alt.Color(
        field="series",
        type="nominal",
        title=request.series_title or None,
        sort=domain,
        scale=alt.Scale(domain=domain, range=[TYPE_PALETTE[i % len(TYPE_PALETTE)] for i in range(len(domain))]),
        legend=alt.Legend(values=present),
    )
    start = alt.X(field="start", type="quantitative", title=request.value_title, scale=x_scale, axis=alt.Axis(tickMinStep=1))
    bars = (
        alt.Chart()
        .transform_filter(segment)
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(y=y, x=start, x2=alt.X2(field="end"), color=colour, tooltip=tooltip)
    )
    inside = (
        alt.Chart()
        .transform_filter(segment)
        .mark_text(baseline="middle")
        .encode(
            y=y,
            x=alt.X(field="middle", type="quantitative", scale=x_scale),
            text=alt.Text(field="label", type="nominal"),
            color=alt.Color(field="ink", type="nominal", scale=None),
            tooltip=tooltip,
        )
    )
    ends = (
        alt.Chart()
        .transform_filter("datum.total !== null")
        .mark_text(align="left", dx=3, baseline="middle", fontWeight="bold")
        .encode(
            y=y,
            x=alt.X(field="total", type="quantitative", scale=x_scale),
            text=alt.Text(field="total", type="quantitative", format=config["format"]),
        )
    )
    return alt.layer(bars, inside, ends, data=alt.Data(values=segments + bar_totals)).properties(
        width=config["width"], height=config["row_height"] * len(categories)
    )


SERIES = ("Communes", "Wards", "Townships", "Special zones")


def varied_stacked_requests(count: int) -> list[ChartRequest]:
    """Stacked requests with 1 to 8 segments over 1 to 3 bars: zero, whole, fractional and large
    values, with and without notes, titles and a fixed series domain, hostile text (seeded)."""
    rng = random.Random(20251125)
    requests = []
    for i in range(count):
        categories = rng.sample(["Before (30 June 2025)", "After", "Quảng Ngãi", '<script>"&', " "], 1 + i % 3)
        rows = tuple(
            ChartRow(
                category=rng.choice(categories),
                value=rng.choice([0, 1, 3, 12.5, 96, 272, 3321]),
                series=rng.choice(SERIES),
                note=rng.choice(["", "", "Hà Nam 65, Nam Định 146"]),
            )
            for _ in range(1 + i % 8)
        )
        series = {"series_title": rng.choice(["", "Type of unit", "Loại"]), "series_domain": SERIES if i % 2 else ()}
        requests.append(random_request(rng, f"stacked-{i}", "stacked", rows, **series))
    return requests


STACKED_CONFIG = {"width": PLOT_WIDTH, "row_height": ROW_HEIGHT, "format": VALUE_FORMAT}


@pytest.mark.parametrize("request_", varied_stacked_requests(40), ids=lambda r: f"{r.chart_id}-{len(r.rows)}")
def test_plain_stacked_spec_is_exactly_the_altair_spec(request_):
    assert stacked_spec(request_, STACKED_CONFIG) == altair_dict(altair_stacked_chart(request_, STACKED_CONFIG))


def test_chart_spec_of_a_stacked_chart_builds_no_altair_chart(monkeypatch):
    import altair as alt

    monkeypatch.setattr(alt, "Chart", lambda *a, **k: pytest.fail("Altair was used for a stacked chart"))
    for request_ in varied_stacked_requests(4):
        assert chart_spec(request_)["layer"][0]["encoding"]["x2"] == {"field": "end"}
