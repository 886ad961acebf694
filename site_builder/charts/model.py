"""What a chart is asked to show, and what rendering it produced."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("before_after", "series", "ranking")


@dataclass(frozen=True)
class ChartRow:
    category: str  # x label: "Before (30 June 2025)", "2021", or a province name
    value: float
    series: str = ""  # colour grouping, e.g. "Before"/"After"
    note: str = ""  # extra tooltip text (a date, a source)


@dataclass(frozen=True)
class ChartRequest:
    chart_id: str  # unique and file-safe, e.g. "p34-51--commune-level-units"
    title: str  # translated
    description: str  # one or two sentences for all readers and screen readers
    kind: str  # one of KINDS
    rows: tuple[ChartRow, ...]
    value_title: str
    category_title: str


@dataclass(frozen=True)
class RenderedChart:
    request: ChartRequest
    svg: str  # inline SVG; text in it is escaped by Vega's SVG renderer
    spec_path: str  # relative to the docs root: "assets/charts/<hash>.vl.json"
    svg_path: str
    png_path: str
    csv_path: str
