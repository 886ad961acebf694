"""Make the charts' font files from Noto Sans (a maintainer's tool; the build only reads its output).

    apt-get install fonts-noto-core
    .venv/bin/python site_builder/charts/fonts/make_fonts.py /usr/share/fonts/truetype/noto

Needs fontTools and brotli (in requirements.lock). The same sources give the same bytes.

Noto Sans (2020) has no MINUS SIGN (U+2212), which Vega writes before every negative number: it
is added as the horizontal stroke of the font's own plus sign, with the plus sign's advance, so
"−3" is as wide as "+3" and lines up with the digits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
WEIGHTS = ("Regular", "Bold")
MINUS = 0x2212


def add_minus(font: TTFont) -> None:
    """A glyph `minus` for U+2212: the plus sign without its vertical stroke."""
    glyphs = font["glyf"]
    points = glyphs["plus"].getCoordinates(glyphs)[0]
    xs, ys = [x for x, _ in points], sorted({y for _, y in points})
    # The plus is one cross-shaped contour: its horizontal stroke lies between the two middle heights.
    bottom, top = ys[1], ys[2]
    pen = TTGlyphPen(None)
    pen.moveTo((min(xs), bottom))
    pen.lineTo((min(xs), top))
    pen.lineTo((max(xs), top))
    pen.lineTo((max(xs), bottom))
    pen.closePath()
    font.setGlyphOrder(font.getGlyphOrder() + ["minus"])
    glyphs["minus"] = pen.glyph()
    font["hmtx"]["minus"] = (font["hmtx"]["plus"][0], min(xs))
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[MINUS] = "minus"


def make(source: Path, weight: str) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["kern"]
    options.unicodes = subset.parse_unicodes(" ".join((HERE / "unicodes.txt").read_text(encoding="utf-8").split()))
    for flavour in ("ttf", "woff2"):
        font = TTFont(source / f"NotoSans-{weight}.ttf", recalcTimestamp=False)  # the same bytes every time
        if MINUS not in font.getBestCmap():
            add_minus(font)
        options.flavor = None if flavour == "ttf" else "woff2"
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=options.unicodes)
        subsetter.subset(font)
        subset.save_font(font, HERE / f"NotoSans-{weight}.{flavour}", options)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "NotoSans-Regular.ttf").is_file():
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for weight in WEIGHTS:
        make(Path(argv[0]), weight)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
