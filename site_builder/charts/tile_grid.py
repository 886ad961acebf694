"""The hand-placed grid of the tile maps: one square per province, roughly where it lies.

tile_grid.csv is layout, not data (it sits beside the code that draws it, not in
datapackages/): `id,name_vi,row,column`, row 0 at the top (north), column 0 on the left (west).
Lines starting with `#` are comments.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import BuildError

GRID_FILE = Path(__file__).resolve().with_name("tile_grid.csv")
COLUMNS = ["id", "name_vi", "row", "column"]


class TileGridError(BuildError):
    """tile_grid.csv cannot be read; the message names the line and the fix."""


@dataclass(frozen=True)
class Tile:
    province_id: str
    name_vi: str  # for the reader of the file; the maps take names from the data
    row: int
    column: int


def load_tile_grid(path: Path = GRID_FILE) -> dict[str, Tile]:
    """Every tile of the grid file by province id (p34-.. and p63-.. share one file)."""
    tiles: dict[str, Tile] = {}
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not numbered or next(csv.reader([numbered[0][1]])) != COLUMNS:
        raise TileGridError(f"{path}:{numbered[0][0] if numbered else 1}: the header must be {','.join(COLUMNS)}.")
    for number, line in numbered[1:]:
        cells = next(csv.reader([line]))
        try:
            province_id, name, row, column = cells
            tile = Tile(province_id, name, int(row), int(column))
        except ValueError:
            raise TileGridError(
                f"{path}:{number}: expected id,name_vi,row,column with whole numbers for row and column, found {line!r}."
            ) from None
        if tile.row < 0 or tile.column < 0:
            raise TileGridError(f"{path}:{number}: row and column start at 0; found {tile.row},{tile.column}.")
        if province_id in tiles:
            raise TileGridError(f"{path}:{number}: {province_id} is placed twice; keep one line for it.")
        tiles[province_id] = tile
    return tiles
