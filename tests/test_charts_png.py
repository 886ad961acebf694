"""PNG recompression: the same pixels in fewer bytes, the same bytes every time."""

from __future__ import annotations

import struct
import zlib

import vl_convert

from site_builder.charts.png import SIGNATURE, recompress_png

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80">'
    '<rect width="200" height="80" fill="white"/><rect x="10" y="10" width="120" height="25" fill="#b71c1c"/>'
    '<text x="10" y="70" font-family="DejaVu Sans" font-size="12">Quảng Ngãi 96</text></svg>'
)


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    found, position = [], len(SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind, data = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + data), f"bad CRC in {kind!r}"
        found.append((kind, data))
        position += 12 + length
    return found


def pixels(png: bytes) -> bytes:
    return zlib.decompress(b"".join(data for kind, data in chunks(png) if kind == b"IDAT"))


def test_recompressed_png_has_the_same_pixels_and_header_in_fewer_bytes():
    original = vl_convert.svg_to_png(SVG, scale=2)
    smaller = recompress_png(original)
    assert smaller.startswith(SIGNATURE) and len(smaller) < len(original)
    assert pixels(smaller) == pixels(original)
    assert [k for k, _ in chunks(smaller) if k != b"IDAT"] == [k for k, _ in chunks(original) if k != b"IDAT"]
    assert dict(chunks(smaller))[b"IHDR"] == dict(chunks(original))[b"IHDR"]


def test_recompression_is_deterministic():
    original = vl_convert.svg_to_png(SVG, scale=2)
    assert recompress_png(original) == recompress_png(original)


def test_something_that_is_not_a_png_is_returned_unchanged():
    assert recompress_png(b"GIF89a...") == b"GIF89a..."
    assert recompress_png(SIGNATURE + b"\x00\x00") == SIGNATURE + b"\x00\x00"
