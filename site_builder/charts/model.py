"""What a chart is asked to show, and what rendering it produced."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

# before_after, series, ranking: one bar or point per row; stacked: rows sharing a category
# stacked in one bar; tile_map / tile_groups: one square per row at its grid cell, coloured by
# value (sequential) or by series (categorical, neighbouring groups told apart).
KINDS = ("before_after", "series", "ranking", "stacked", "tile_map", "tile_groups")
TILE_KINDS = ("tile_map", "tile_groups")


def drawable(character: str) -> bool:
    """False for what XML cannot hold (controls, surrogates, noncharacters such as U+FFFE) and
    for DEL and C1 controls: one in a label makes the SVG renderer (vl-convert) abort the whole
    process, and none belongs in a chart."""
    code = ord(character)
    return not (
        code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
    )


# Every character `drawable` refuses, as one class: the regular expression removes them in C, where
# the loop over characters took most of a build's chart planning (5 s at 10,000 figure rows).
_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
_UNDRAWABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
_LINE_BREAKS = re.compile("[\r\n\t\u2028\u2029]+")


def chart_text(text: str) -> str:
    """Text as a chart can draw it: line breaks made spaces, undrawable characters removed."""
    return _UNDRAWABLE.sub("", _LINE_BREAKS.sub(" ", text))


class _CleanText:
    """Every text field of a chart request is cleaned on creation (it may be contributed text)."""

    _not_text = ("chart_id", "kind")

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and f.name not in self._not_text:
                object.__setattr__(self, f.name, chart_text(value))
            elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                object.__setattr__(self, f.name, tuple(chart_text(v) for v in value))


@dataclass(frozen=True)
class ChartRow(_CleanText):
    category: str  # x label: "Before (30 June 2025)", "2021", or a province name
    value: float
    series: str = ""  # colour grouping, e.g. "Before"/"After"
    note: str = ""  # extra tooltip text (a date, a source)
    label: str = ""  # tile maps: the text in the square (a short name)
    grid_row: int | None = None  # tile maps: the square's cell, row 0 at the top
    grid_column: int | None = None


@dataclass(frozen=True)
class ChartRequest(_CleanText):
    chart_id: str  # unique and file-safe, e.g. "p34-51--commune-level-units"
    title: str  # translated
    description: str  # one or two sentences for all readers and screen readers
    kind: str  # one of KINDS
    rows: tuple[ChartRow, ...]
    value_title: str
    category_title: str
    series_title: str = ""  # the tooltip's name for a row's series (stacked, tile_groups)
    # Every series the family of charts may show, in order: fixes each series' colour across
    # charts (a chart without townships keeps the colours of the others). Empty: the rows' series.
    series_domain: tuple[str, ...] = ()
    number_symbols: tuple[str, str] = (".", ",")  # decimal mark and thousands separator of the page's language


@dataclass(frozen=True)
class RenderedChart:
    request: ChartRequest
    svg: str  # inline SVG; text in it is escaped by Vega's SVG renderer ("" when deferred)
    spec_path: str  # relative to the docs root: "assets/charts/<hash>.vl.json"
    svg_path: str  # "" when deferred; a chart's PNG is made by the reader's browser (charts.js)
    csv_path: str
    # Not drawn at build time: the reader's browser draws it from spec_path when it is opened.
    deferred: bool = False
