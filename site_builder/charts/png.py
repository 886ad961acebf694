"""Smaller PNG files: the same image, its pixel data compressed again.

vl-convert's PNG encoder favours speed; deflating the same pixel rows again with zlib makes a
chart's PNG about four times smaller (at scale 2) for a few milliseconds, with the standard
library only. The pixels, and every chunk but IDAT, stay as they were.
"""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 6  # level 9 saves 4 % more and takes five times as long


def _chunks(png: bytes):
    position = len(SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        yield kind, png[position + 8 : position + 8 + length]
        position += 12 + length


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def recompress_png(png: bytes) -> bytes:
    """The same PNG with its image data in one IDAT chunk, deflated at LEVEL. Deterministic.

    Anything that does not parse as a PNG is returned unchanged.
    """
    if not png.startswith(SIGNATURE):
        return png
    try:
        chunks = list(_chunks(png))
        pixels = zlib.decompress(b"".join(data for kind, data in chunks if kind == b"IDAT"))
    except (struct.error, zlib.error):
        return png
    out = [SIGNATURE]
    written = False
    for kind, data in chunks:
        if kind != b"IDAT":
            out.append(_chunk(kind, data))
        elif not written:  # the first IDAT's place takes all the data
            out.append(_chunk(b"IDAT", zlib.compress(pixels, LEVEL)))
            written = True
    smaller = b"".join(out)
    return smaller if len(smaller) < len(png) else png
