"""The character classes the columnar engine uses agree with the rules' own functions on every
code point, so a cell it clears is one the rules would clear."""

from __future__ import annotations

import re
import unicodedata

from site_builder.validate.checks.characters import _plain_codes, space_class
from site_builder.validate.checks.control_characters import MAYBE_FORBIDDEN, forbidden_kind

ALL = range(0x110000)


def codes_of(re2_class: str) -> set[int]:
    """The code points of an RE2 class written as \\x{..} ranges."""
    found = set()
    for start, end in re.findall(r"\\x\{([0-9A-F]+)\}(?:-\\x\{([0-9A-F]+)\})?", re2_class):
        found.update(range(int(start, 16), int(end or start, 16) + 1))
    return found


def test_the_quick_control_character_screen_finds_exactly_what_forbidden_kind_names():
    disagree = [c for c in ALL if bool(MAYBE_FORBIDDEN.search(chr(c))) != (forbidden_kind(chr(c)) is not None and c != 0x0A)]
    assert disagree == []


def test_a_text_of_plain_characters_is_in_nfc_and_has_no_forbidden_character():
    plain = _plain_codes()
    assert ord("a") in plain and ord("ệ") in plain and ord("\n") in plain
    assert ord("\t") not in plain and 0x0301 not in plain and 0x202E not in plain
    bases = "aeAệ\u0627\n "
    for code in plain:
        char = chr(code)
        assert code == 0x0A or forbidden_kind(char) is None
        for base in bases:
            assert unicodedata.is_normalized("NFC", base + char + base), hex(code)


def test_the_space_classes_are_pythons_white_space():
    spaces = {c for c in ALL if chr(c).isspace()}
    assert codes_of(space_class()) == spaces
    assert codes_of(space_class(with_blank=False)) == spaces - {0x20}
