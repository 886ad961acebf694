"""Colours of the new chart kinds, and the contrast arithmetic that picks text colour on them.

Text drawn on a coloured shape is black or white, whichever contrasts more (WCAG 2 relative
luminance): for any fill that is at least 4.58:1, above the 4.5:1 that small text needs.
"""

from __future__ import annotations

INK_DARK = "#000000"
INK_LIGHT = "#ffffff"
# Commune-level unit types in a stacked bar, in the order of the series domain; each at least
# 3:1 against the white page (WCAG 1.4.11), and told apart by hue, not only by lightness.
TYPE_PALETTE = ["#2e7d32", "#1565c0", "#e65100", "#6a1b9a"]
# Sequential ramp of the share map, light to dark red (the accent of the other charts).
SEQUENTIAL = ["#fde0dc", "#e57373", "#8e0000"]
# Groups on the map of former provinces: light, distinct hues with black text on every one.
GROUP_PALETTE = ["#8dd3c7", "#ffd92f", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5"]


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(fill: str) -> str:
    """Black or white: the text colour that reads better on `fill`."""
    return INK_DARK if contrast(fill, INK_DARK) >= contrast(fill, INK_LIGHT) else INK_LIGHT


def mix(stops: list[str], position: float) -> str:
    """The colour at `position` (0 to 1) of a ramp through evenly spaced `stops`, interpolated in
    RGB as Vega does with `interpolate: rgb`, rounded to whole channels."""
    position = min(1.0, max(0.0, position))
    span = position * (len(stops) - 1)
    index = min(int(span), len(stops) - 2)
    fraction = span - index
    a, b = _rgb(stops[index]), _rgb(stops[index + 1])
    return "#" + "".join(f"{round(x + (y - x) * fraction):02x}" for x, y in zip(a, b, strict=True))
