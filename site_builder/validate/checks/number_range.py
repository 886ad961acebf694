"""Every number is within what the site shows exactly: less than 10^15 in size.

Beyond it a count is no longer exact as a float (2^53 is about 9 × 10^15), and the pages'
number formatting fails from about 10^25 on. No reform figure comes near: a larger number is
a typing mistake (digits pasted twice, an exponent).
"""

from __future__ import annotations

import attrs

from site_builder.dataset.schema_types import is_plain_number
from site_builder.validate.checks.base import ReformCellError, ReformCheck

LIMIT = 10**15


class NumberOutOfRangeError(ReformCellError):
    type = "reform-number-out-of-range"
    title = "Number too large"


@attrs.define(kw_only=True, repr=False)
class numbers_in_range(ReformCheck):
    """A plain number of a number or integer field is less than LIMIT in size."""

    type = "reform-numbers-in-range"
    Errors = [NumberOutOfRangeError]

    def check_row(self, row, cells):
        for field in row.fields:
            if field.type not in ("number", "integer"):
                continue
            text = cells.get(field.name, "")
            if len(text) < 16 and "e" not in text.lower():
                continue  # at most 15 digits and a sign: within range, settled without reading it
            if is_plain_number(text) and abs(float(text)) >= LIMIT:
                yield NumberOutOfRangeError.from_row(
                    row,
                    field_name=field.name,
                    note=(
                        f'{field.name} "{text[:40]}" is too large: the site shows numbers below 10^15 '
                        "(1,000,000,000,000,000) exactly; check the digits."
                    ),
                )
