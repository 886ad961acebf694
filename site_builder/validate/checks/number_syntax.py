"""Every number is written as a plain finite decimal."""

from __future__ import annotations

import re

import attrs

from site_builder.dataset.schema_types import PLAIN_NUMBER, is_plain_integer, is_plain_number
from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, full_match

GENERIC = "is not a plain number; write digits with an optional leading minus and a dot before decimals (12, -3, 12.5)"
NOT_A_NUMBER = re.compile(r"[+-]?(nan|snan|inf|infinity)", re.IGNORECASE)


class NumberSyntaxError(ReformCellError):
    type = "reform-number-syntax"
    title = "Number not written plainly"


def what_is_wrong(text: str) -> str:
    """Why `text` is not a plain number, in the words a contributor needs to fix it."""
    if NOT_A_NUMBER.fullmatch(text.strip()):
        return "is not a finite number; write the number the source states (if it states none, leave the figure out)"
    if text != text.strip():
        return "has spaces around it; remove them"
    if "_" in text:
        return "has an underscore; write the digits only (12, not 1_2)"
    if re.search(r"[0-9][,' \u00a0\u202f][0-9]", text):
        return (
            "has a comma, apostrophe or space between digits; write the digits only, with a dot before decimals "
            "(1000, not 1,000 or 1 000; 1.5, not 1,5)"
        )
    if text.endswith("%"):
        return 'ends with "%"; leave the sign out (the measure or the indicator\'s unit says it is a percent)'
    if not text.isascii():
        return "has characters other than ASCII digits; type it with 0-9"
    if text.startswith("+"):
        return 'starts with "+"; leave the plus sign out'
    if is_plain_number(text):  # only an integer field gets here with one
        return "must be a whole number; write it in digits without a fraction or an exponent"
    if PLAIN_NUMBER.fullmatch(text):  # the shape is right, so it is not finite
        return "is too large to be a number (it overflows to infinity); check the exponent"
    return GENERIC


@attrs.define(kw_only=True, repr=False)
class plain_numbers(ReformCheck):
    """A cell of a number or integer field of any resource is a plain finite decimal (integer:
    whole, in digits), as dataset/schema_types.py reads it: no NaN, infinity, overflow,
    underscores, thousands separators, plus signs or spaces, which frictionless would accept or
    read as another number (1_2 as 12). A word ("five"), which frictionless refuses too and this
    rule could say nothing more about, is left to the schema's type check."""

    type = "reform-plain-numbers"
    Errors = [NumberSyntaxError]

    def check_row(self, row, cells):
        for field in row.fields:
            if field.type not in ("number", "integer"):
                continue
            text = cells.get(field.name, "")
            if (
                text == ""
                or (field.type == "integer" and is_plain_integer(text))
                or (field.type == "number" and is_plain_number(text))
            ):
                continue
            if field.name in row.error_cells and what_is_wrong(text) == GENERIC:
                continue  # frictionless refused it too ("five"), and says so at least as well
            shown = text[:40].replace("\n", " ")
            yield NumberSyntaxError.from_row(row, field_name=field.name, note=(f'{field.name} "{shown}" {what_is_wrong(text)}.'))


PLAIN_NUMBER_SQL = r"-?[0-9]{1,15}(\.[0-9]{1,15})?"
PLAIN_INTEGER_SQL = r"-?[0-9]{1,15}"


def plain_number_cell(field: dict, free: bool, implied: bool) -> list[str]:
    """A number of at most 15 digits before and after the dot, in ASCII digits: stricter than
    this rule, number_range.py's and frictionless's type check (unless `implied`)."""
    kind = field.get("type", "string")
    if kind not in ("number", "integer") or implied:
        return []
    c = column(field["name"])
    return [f"({c} = '' OR {full_match(c, PLAIN_NUMBER_SQL if kind == 'number' else PLAIN_INTEGER_SQL)})"]


def _thousands(rows):
    rows[3]["value"] = "1,000"


RULE = Rule(
    error=NumberSyntaxError,
    fix="write digits with an optional leading minus and a dot before decimals (12, -3, 12.5)",
    check=plain_numbers,
    columnar=Columnar(cell=plain_number_cell),
    fault=Fault("reform", "figures", _thousands),
    explains_the_value=True,
)
