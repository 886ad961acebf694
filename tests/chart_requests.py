"""Seeded chart requests of every kind (the same every run), for the tests that compare specs.

Whole and fractional values, with and without notes, series, labels and a fixed series domain,
repeated categories, empty and hostile text, both number formats (English and Vietnamese): every
layout of every kind (tests/test_chart_templates.py checks that). tests/fixtures/chart_specs.json holds the spec each request had when the
kinds were hand-written Vega-Lite dicts (recorded with tests/record_chart_specs.py).
"""

from __future__ import annotations

import random
from itertools import product

from site_builder.charts import ChartRequest, ChartRow

TEXTS = ["", "Before", "After", "Quảng Ngãi", '<script>"&', "2024", "31 tháng 12, 2024", " "]
NUMBER_SYMBOLS = ((".", ","), (",", "."))


def random_request(rng: random.Random, chart_id: str, kind: str, rows: tuple, **fields) -> ChartRequest:
    """A request with random (sometimes empty or hostile) titles and description, in either number format."""
    return ChartRequest(
        chart_id=chart_id,
        title=rng.choice(TEXTS),
        description=rng.choice(["A test chart.", *TEXTS]),
        kind=kind,
        rows=rows,
        value_title=rng.choice(TEXTS),
        category_title=rng.choice(TEXTS),
        number_symbols=rng.choice(NUMBER_SYMBOLS),
        **fields,
    )


def bar_requests(count: int) -> list[ChartRequest]:
    """before_after, ranking and series with 1 to 6 rows."""
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


def bar_requests_of_every_layout() -> list[ChartRequest]:
    """Bar charts of each kind with and without notes, fractions and a second series, of two rows
    and of four (a series' bars, then its line): every BarLayout, random text and values."""
    rng = random.Random(20251206)
    requests = []
    for kind, notes, fractions, two_series, count in product(("before_after", "ranking", "series"), *[(False, True)] * 3, (2, 4)):
        rows = tuple(
            ChartRow(
                category=rng.choice(TEXTS[1:]) + str(j),
                value=rng.choice([0, 1, 12, 96, 272, 3321, -3]) + (0.25 if fractions and j == count - 1 else 0),
                series=("Before", "After")[j % 2] if two_series else "",
                note=rng.choice(["VnExpress", "about · Tuổi Trẻ"]) if notes and j == 0 else "",
            )
            for j in range(count)
        )
        requests.append(random_request(rng, f"layout-{len(requests)}", kind, rows))
    return requests


UNIT_TYPES = ("Communes", "Wards", "Townships", "Special zones")


def stacked_requests(count: int) -> list[ChartRequest]:
    """Stacked bars: 1 to 8 segments over 1 to 3 bars, zero to large values."""
    rng = random.Random(20251125)
    requests = []
    for i in range(count):
        categories = rng.sample(["Before (30 June 2025)", "After", "Quảng Ngãi", '<script>"&', " "], 1 + i % 3)
        rows = tuple(
            ChartRow(
                category=rng.choice(categories),
                value=rng.choice([0, 1, 3, 12.5, 96, 272, 3321]),
                series=rng.choice(UNIT_TYPES),
                note=rng.choice(["", "", "Hà Nam 65, Nam Định 146"]),
            )
            for _ in range(1 + i % 8)
        )
        series = {"series_title": rng.choice(["", "Type of unit", "Loại"]), "series_domain": UNIT_TYPES if i % 2 else ()}
        requests.append(random_request(rng, f"stacked-{i}", "stacked", rows, **series))
    return requests


NAMES = ["Hà Nội", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế", '<script>"&', "Đắk Lắk", " ", "Kon Tum"]


def tile_requests(count: int) -> list[ChartRequest]:
    """Tile maps of both kinds on 1 to 12 cells: shares whole and fractional, equal and apart,
    groups with and without their namesake."""
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


def seeded_requests() -> list[ChartRequest]:
    """Every seeded request: 90 + 48 bar charts, 40 stacked, 30 tile maps."""
    return bar_requests(90) + bar_requests_of_every_layout() + stacked_requests(40) + tile_requests(30)
