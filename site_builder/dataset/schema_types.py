"""Cell text to Python values, as the package's Table Schema declares each field.

The loader runs after validation, so a cell that does not fit its type is not expected here;
if one slips through, ValueError names the field and the value.

Numbers are read strictly: a number is a plain finite decimal (`-12`, `3.5`, `1.2e3`), never
what Python or frictionless would also accept (`NaN`, `inf`, `1e400`, `1_2`, `+5`, ` 5`, `.5`,
Arabic-Indic or full-width digits). validate/checks/number_syntax.py reports such cells with
the same predicate, so the build can never publish a number validation would refuse.
"""

from __future__ import annotations

import math
import re

# ASCII digits only: Python's \d and int()/float() also take other scripts' digits.
PLAIN_INTEGER = re.compile(r"-?[0-9]+")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")

# Table Schema's defaults for a boolean field without trueValues/falseValues.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


def is_plain_integer(text: str) -> bool:
    """True for a whole number in ASCII digits with an optional leading minus: `12`, `-3`."""
    return PLAIN_INTEGER.fullmatch(text) is not None


def is_plain_number(text: str) -> bool:
    """True for a plain finite decimal: optional leading minus, digits, optional fraction, optional
    exponent if the result stays finite (`1e400` overflows to infinity and is refused)."""
    return PLAIN_NUMBER.fullmatch(text) is not None and math.isfinite(float(text))


def cast_cell(field: dict, text: str):
    """The value of one cell: int, float, bool, or the text itself (dates stay ISO text, so a
    partial date like 2024-10 sorts with full ones); None for an empty cell of a typed field."""
    kind = field.get("type", "string")
    if kind in ("string", "date", "any") or not isinstance(kind, str):
        return text
    if not text.strip():
        return None
    if kind == "integer":
        if not is_plain_integer(text):
            raise ValueError(f'{field.get("name")} "{text}" is not a whole number in digits')
        return int(text)
    if kind == "number":
        if not is_plain_number(text):
            raise ValueError(f'{field.get("name")} "{text}" is not a plain finite number')
        return float(text)
    if kind == "boolean":
        if text in field.get("trueValues", TRUE_VALUES):
            return True
        if text in field.get("falseValues", FALSE_VALUES):
            return False
        raise ValueError(f'{field["name"]} "{text}" is not a boolean')
    return text


def typed_row(fields: list[dict], row: dict[str, str]) -> dict:
    """A row of text cells as typed values, one per schema field."""
    typed = {}
    for field in fields:
        try:
            typed[field["name"]] = cast_cell(field, row.get(field["name"], ""))
        except ValueError:
            raise ValueError(f'{field["name"]} "{row.get(field["name"], "")}" is not a valid {field.get("type")}') from None
    return typed
