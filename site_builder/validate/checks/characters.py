"""Which characters a cell may hold: those the control-characters rule forbids (forbidden_kind),
and the character classes for the columnar engine's regular expressions (RE2), derived at run
time from the same Python functions our rules use, so the two can never disagree about a character.

A *plain* character is one a cell may hold without any rule of ours having something to say:
not forbidden by control_characters.py, and one that Unicode NFC leaves alone in any context
(canonical combining class 0, unchanged by NFC, never the second half of a composition). A cell
made only of plain characters is in NFC and free of control characters: the columnar engine can
clear it without Python looking at it. Everything else goes to the exact rules.
"""

from __future__ import annotations

import functools
import re
import unicodedata


def forbidden_kind(char: str) -> str | None:
    """What makes `char` unfit for a cell, or None.

    A newline is allowed (a quote or a note may have paragraphs, and the site shows it as text);
    a tab is not (it is invisible and spreadsheets split on it); a carriage return never gets
    here (reading.py makes line endings LF).
    """
    code = ord(char)
    if code == 0x09:
        return "a tab; replace it by a space"
    if (code < 0x20 and char != "\n") or 0x7F <= code <= 0x9F:
        return "a control character; delete it"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return "a bidirectional override, which can make the text show differently from what it is; delete it"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return "a Unicode noncharacter; delete it"
    return None


# Every character forbidden_kind names (a test checks the two agree on every code point).
MAYBE_FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef"
    + "".join(chr((plane << 16) | 0xFFFE) + chr((plane << 16) | 0xFFFF) for plane in range(17))
    + "]"
)


# Only the Basic Multilingual Plane is judged; other planes (emoji, rare scripts) go to the rules.
LAST_JUDGED = 0xFFFF
SURROGATES = range(0xD800, 0xE000)
# Hangul jamo compose algorithmically (not listed as decompositions): never plain.
HANGUL_JAMO = range(0x1100, 0x1200)


def _plain_codes() -> list[int]:
    """The plain code points of the judged range (see the module's docstring)."""
    seconds, composed = set(), set()
    for code in range(LAST_JUDGED + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if parts and not parts[0].startswith("<"):  # a canonical decomposition: NFC may change it
            composed.add(code)
            pair = "".join(chr(int(p, 16)) for p in parts)
            if len(parts) == 2 and unicodedata.normalize("NFC", pair) == chr(code):
                seconds.add(int(parts[1], 16))  # NFC may join it to the character before
    return [
        code
        for code in range(LAST_JUDGED + 1)
        if code not in seconds
        and code not in SURROGATES
        and code not in HANGUL_JAMO
        and (code == 0x0A or forbidden_kind(chr(code)) is None)
        and unicodedata.combining(chr(code)) == 0
        and (code not in composed or unicodedata.normalize("NFC", chr(code)) == chr(code))
    ]


def _ranges(codes: list[int]) -> str:
    """An RE2 character class body for sorted code points: \\x{41}-\\x{5A}..."""
    parts, start, previous = [], None, None
    for code in codes + [None]:
        if start is not None and code == previous + 1:
            previous = code
            continue
        if start is not None:
            parts.append(f"\\x{{{start:X}}}" + (f"-\\x{{{previous:X}}}" if previous != start else ""))
        start = previous = code
    return "".join(parts)


@functools.cache
def plain_class() -> str:
    """RE2 class of the plain characters (see the module's docstring), newline included."""
    return "[" + _ranges(_plain_codes()) + "]"


@functools.cache
def _space_codes() -> tuple[int, ...]:
    return tuple(c for c in range(0x110000) if chr(c).isspace())


@functools.cache
def space_class(with_blank: bool = True) -> str:
    """RE2 class of what Python's str.strip() and the regular expression \\s treat as white space
    (without the blank, U+0020, if `with_blank` is false)."""
    return "[" + _ranges([c for c in _space_codes() if with_blank or c != 0x20]) + "]"
