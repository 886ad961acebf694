"""What shapes a chart's template, shared by the Altair definitions (kinds.py) and the code that
fills them (spec.py): the sizes, the number format, the font, and the layouts of the bar kinds."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from site_builder.charts.typeface import FONT_STACK

# The project's pinned font (typeface.py): vl-convert measures with it and the site serves it,
# so every machine lays out, and every browser draws, the same chart.
FONT = FONT_STACK
PLOT_WIDTH = 420  # horizontal charts: the bars' length; labels take up to LABEL_LIMIT more
LABEL_LIMIT = 220
ROW_HEIGHT = 26  # horizontal charts: one bar and its gap
COLUMN_WIDTH = 90  # series charts: one date, wide enough for "31 December 2024"
PLOT_HEIGHT = 220
VALUE_FORMAT = ",.2~f"  # 1,684 / 76.5: thousands grouped, at most two decimals, no trailing zeros
PALETTE = ["#546e7a", "#b71c1c", "#ff8f00", "#2e7d32", "#6a1b9a", "#0277bd"]


@dataclass(frozen=True)
class ChartConfig:
    """What shapes the config every chart shares (kinds.config): fonts, sizes, number format."""

    localised: bool  # numbers written other than in English: the config names the page's symbols

    @classmethod
    def every(cls) -> list["ChartConfig"]:
        return [cls(False), cls(True)]


@dataclass(frozen=True)
class BarLayout:
    """What shapes a bar chart's template (kinds.bars); everything else is a slot."""

    horizontal: bool  # before_after and ranking: one bar per row, labels on the left
    line: bool  # series of three values or more: a line with points instead of bars
    notes: bool  # a row has a note: the tooltip shows it
    whole_numbers: bool  # every value whole: no fractional ticks on the value axis
    legend: bool  # a series chart with more than one series names them in a legend

    @classmethod
    def every(cls) -> list["BarLayout"]:
        both = (False, True)
        horizontal = [cls(True, False, notes, whole, False) for notes, whole in product(both, both)]
        return horizontal + [cls(False, *options) for options in product(both, repeat=4)]
