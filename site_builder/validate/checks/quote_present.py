"""Every figure carries its quote."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck


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
                note=("quote is empty; copy the sentence the figure comes from, verbatim, in the source's language."),
            )
