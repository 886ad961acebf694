"""Tile maps: one square per row at its grid cell (row 0 at the top), no map tiles, no boundaries.

- tile_map: squares coloured by value on a sequential ramp with a gradient legend; each square
  shows its name and its value as a percentage, so the static SVG reads without the legend.
- tile_groups: squares coloured by series (e.g. the province a former province joined). Many
  groups would need a legend no one can match, so the colours are chosen by greedy colouring
  of the groups' neighbourhood on the grid: touching groups (diagonals too) never share one.
  A row whose category equals its series (the former province whose name the group took) is
  drawn in bold with a dark border.
Text colour on every square is black or white, whichever contrasts more with its fill.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from site_builder.charts.colours import GROUP_PALETTE, SEQUENTIAL, ink_on, mix
from site_builder.charts.model import ChartRequest

TILE_SIZE = {"tile_map": 54, "tile_groups": 48}  # px per square
GAP = 0.04  # share of a cell left white around its square
FONT_SIZE = {"tile_map": 9.5, "tile_groups": 8.5}
LINE_GAP = 1.5  # px between lines
# Average advance of a character in em, DejaVu Sans' (wider than the charts' Noto Sans, so
# a name also fits where the reader's sans-serif is DejaVu): names wrap to what fits in a square.
CHARACTER_EM = {"normal": 0.55, "bold": 0.68}
BORDER = "#263238"


def wrap_name(name: str, characters: int) -> list[str]:
    """A name broken into lines of at most `characters` at spaces; a longer word stays whole, and
    a free-standing dash stays with the word before it ("Bà Rịa -" / "Vũng Tàu")."""
    glued = name.replace(" - ", "\u00a0- ").replace(" – ", "\u00a0– ")
    lines = textwrap.wrap(glued, max(characters, 1), break_long_words=False, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines] or [name]


def line_characters(kind: str, weight: str) -> int:
    """How many characters of a name fit on one line of a square (2 px clear on each side)."""
    inside = TILE_SIZE[kind] * (1 - 2 * GAP) - 4
    return int(inside // (FONT_SIZE[kind] * CHARACTER_EM[weight]))


def share_domain(values: list[float]) -> list[float]:
    """Low, middle and high end of the colour ramp: the values' range widened to whole numbers,
    so the smallest share is the lightest square and the largest the darkest."""
    low, high = math.floor(min(values)), math.ceil(max(values))
    if high == low:
        high = low + 1
    return [low, (low + high) / 2, high]


def group_colours(cells: dict[tuple[int, int], str]) -> dict[str, str]:
    """A colour per group (cell -> group) such that groups touching on the grid differ.

    Greedy, groups taken in the order of their first cell (north to south, west to east), each
    given, of the palette colours none of its already coloured neighbours has, the one used least
    so far (so all hues are used, not only the first few); ties go to the earlier colour.
    """
    touching: dict[str, set[str]] = {g: set() for g in cells.values()}
    for (row, column), group in cells.items():
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                other = cells.get((row + dr, column + dc))
                if other is not None and other != group:
                    touching[group].add(other)
    order = list(dict.fromkeys(cells[cell] for cell in sorted(cells)))
    chosen: dict[str, int] = {}
    uses = [0] * len(GROUP_PALETTE)
    for group in order:
        taken = {chosen[g] for g in touching[group] if g in chosen}
        free = [i for i in range(len(GROUP_PALETTE)) if i not in taken] or list(range(len(GROUP_PALETTE)))
        chosen[group] = min(free, key=lambda i: (uses[i], i))
        uses[chosen[group]] += 1
    return {g: GROUP_PALETTE[i] for g, i in chosen.items()}


def tile_values(request: ChartRequest) -> tuple[list[dict], dict]:
    """One record per square, with its corners, its text and its colours; and the colour scale."""
    rows = [r for r in request.rows if r.grid_row is not None and r.grid_column is not None]
    if len(rows) != len(request.rows):
        raise ValueError(f"Chart {request.chart_id}: every row of a tile map needs grid_row and grid_column.")
    if request.kind == "tile_map":
        domain = share_domain([float(r.value) for r in rows])
        fills = {id(r): mix(SEQUENTIAL, (float(r.value) - domain[0]) / (domain[-1] - domain[0])) for r in rows}
        scale = {"domain": domain, "range": SEQUENTIAL}
    else:
        colours = group_colours({(r.grid_row, r.grid_column): r.series for r in rows})
        fills = {id(r): colours[r.series] for r in rows}
        scale = {"domain": list(colours), "range": list(colours.values())}
    values = []
    line_height = (FONT_SIZE[request.kind] + LINE_GAP) / TILE_SIZE[request.kind]  # in cells
    for r in rows:
        emphasis = request.kind == "tile_groups" and r.category == r.series
        lines = wrap_name(r.label or r.category, line_characters(request.kind, "bold" if emphasis else "normal"))
        shown = len(lines) + (request.kind == "tile_map")  # the map of shares adds its value below the name
        first = r.grid_row + 0.5 - (shown - 1) * line_height / 2  # the text block centred in its square
        values.append(
            {
                "category": r.category,
                "series": r.series,
                "value": float(r.value),
                "note": r.note,
                "x0": r.grid_column + GAP,
                "x1": r.grid_column + 1 - GAP,
                "xc": r.grid_column + 0.5,
                "y0": r.grid_row + GAP,
                "y1": r.grid_row + 1 - GAP,
                "name": "\n".join(lines),
                "name_y": first,
                "share": f"−{float(r.value):.0f}%",
                "share_y": first + len(lines) * line_height,
                "ink": ink_on(fills[id(r)]),
                "emphasis": emphasis,
                "border": BORDER if emphasis else "#ffffff",
                "border_width": 2.5 if emphasis else 0,
            }
        )
    return values, scale


@dataclass(frozen=True)
class TileLayout:
    """What shapes a tile map's template (kinds.tiles); everything else is a slot."""

    kind: str  # tile_map (coloured by value, shares written) or tile_groups (coloured by series)
    notes: bool  # a square has a note: the tooltip shows it

    @classmethod
    def every(cls) -> list["TileLayout"]:
        return [cls(kind, notes) for kind in TILE_SIZE for notes in (False, True)]


def tile_chart(request: ChartRequest) -> tuple[TileLayout, dict]:
    """The layout of a tile_map or tile_groups request and the values of its slots."""
    values, scale = tile_values(request)
    size = TILE_SIZE[request.kind]
    columns = max(v["x1"] for v in values) + GAP
    rows = max(v["y1"] for v in values) + GAP
    return TileLayout(request.kind, notes=any(v["note"] for v in values)), {
        "rows": values,
        "grid_columns": columns,
        "grid_rows": rows,
        "colour_domain": scale["domain"],
        "colour_range": scale["range"],
        "category_title": request.category_title,
        "value_title": request.value_title,
        "series_title": request.series_title or " ",
        "width": round(columns * size),
        "height": round(rows * size),
    }
