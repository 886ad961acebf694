"""Text is in Unicode NFC, the composed form: one code point for "ệ", not "e" and two marks."""

from __future__ import annotations

import unicodedata

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.control_characters import plain_characters
from site_builder.validate.checks.rule import Columnar, Fault, Rule


class NotNfcError(ReformCellError):
    type = "reform-text-not-nfc"
    title = "Text not in Unicode NFC"


def first_decomposed(text: str) -> tuple[int, str] | None:
    """(1-based character position, the characters as typed) of the first letter NFC would
    change: a base letter with its combining marks, or a single character NFC replaces."""
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        cluster = text[start:index]
        if unicodedata.normalize("NFC", cluster) != cluster:
            return start + 1, cluster
        start = index
    return None


@attrs.define(kw_only=True, repr=False)
class text_in_nfc(ReformCheck):
    """Every string cell of every resource is in Unicode NFC. Text saved decomposed (NFD, as macOS
    and some editors write it) looks the same but does not match, sort or search with the rest:
    "Quảng Nam" in NFD is not the province name in NFC."""

    type = "reform-text-in-nfc"
    Errors = [NotNfcError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if field.type != "string" or unicodedata.is_normalized("NFC", text):
                continue
            found = first_decomposed(text)
            where = ""
            if found:
                position, typed = found
                points = " + ".join(f"U+{ord(c):04X}" for c in typed)
                where = f': "{unicodedata.normalize("NFC", typed)}" at character {position} is typed as {points}'
            yield NotNfcError.from_row(
                row,
                field_name=field.name,
                note=(
                    f"{field.name} is not in Unicode NFC{where}; retype it or convert the file to NFC "
                    f'(e.g. uconv -x any-nfc, or your editor\'s "normalize to NFC").'
                ),
            )


def _decomposed(rows):
    rows[3]["area"] = unicodedata.normalize("NFD", "Thành phố")


RULE = Rule(
    error=NotNfcError,
    fix="retype the text or convert the file to Unicode NFC",
    check=text_in_nfc,
    columnar=Columnar(cell=plain_characters),  # a plain character is one NFC leaves alone
    fault=Fault("reform", "figures", _decomposed),
    explains_the_value=True,
)
