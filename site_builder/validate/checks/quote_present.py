"""Every figure carries its quote."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.characters import space_class
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, literal

# The fix every problem of this rule gives (its RULE declares it).
FIX = "copy the sentence the figure comes from, verbatim, in the source's language"


class MissingQuoteError(ReformCellError):
    type = "reform-missing-quote"
    title = "Figure without a quote"


@attrs.define(kw_only=True, repr=False)
class quote_not_empty(ReformCheck):
    """Every figure carries the sentence it came from."""

    type = "reform-quote-not-empty"
    Errors = [MissingQuoteError]
    resource_name = "figures"

    def check_row(self, row, cells):
        if not cells.get("quote", "").strip():
            yield MissingQuoteError.from_row(
                row,
                field_name="quote",
                note=f"quote is empty; {FIX}.",
            )


def quote_not_blank() -> list[str]:
    """A quote whose first character is printable ASCII but the blank, or that is not blank once stripped."""
    q = column("quote")
    return [f"(ord(left({q}, 1)) BETWEEN 33 AND 126 OR regexp_matches({q}, {literal('[^' + space_class()[1:])}))"]


def _blank_quote(rows):
    rows[3]["quote"] = "   "


RULE = Rule(
    error=MissingQuoteError,
    fix=FIX,
    check=quote_not_empty,
    columnar=Columnar(row=quote_not_blank),
    fault=Fault("reform", "figures", _blank_quote),
)
