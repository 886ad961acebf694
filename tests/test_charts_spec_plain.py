"""The bar kinds' specs are written as plain dicts (fast); they must stay exactly what Altair
gives for the same layers, so the charts, their hashes and the cache are unchanged."""

from __future__ import annotations

import random

import pytest

from site_builder.charts import ChartRequest, ChartRow
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


TEXTS = ["", "Before", "After", "Quảng Ngãi", '<script>"&', "2024", "31 tháng 12, 2024", " "]


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
        requests.append(
            ChartRequest(
                chart_id=f"chart-{i}",
                title=rng.choice(TEXTS),
                description="A test chart.",
                kind=kind,
                rows=rows,
                value_title=rng.choice(TEXTS),
                category_title=rng.choice(TEXTS),
            )
        )
    return requests


@pytest.mark.parametrize("request_", varied_requests(90), ids=lambda r: f"{r.chart_id}-{r.kind}-{len(r.rows)}")
def test_plain_bar_spec_is_exactly_the_altair_spec(request_):
    reference = altair_bar_chart(request_).to_dict(validate=False)
    reference.pop("$schema", None)
    reference.pop("config")  # Altair's default; chart_spec sets the whole config of every kind
    assert bar_spec(request_) == reference


def test_chart_spec_of_a_bar_kind_builds_no_altair_chart(monkeypatch):
    import altair as alt

    monkeypatch.setattr(alt, "Chart", lambda *a, **k: pytest.fail("Altair was used for a bar chart"))
    for request_ in varied_requests(6):
        assert chart_spec(request_)["layer"][0]["encoding"]["color"]["field"] == "series"
