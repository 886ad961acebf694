"""A period does not end before it starts."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.partial_dates import period_bounds


class PeriodOrderError(ReformCellError):
    type = "reform-period-order"
    title = "Period ends before it starts"


@attrs.define(kw_only=True, repr=False)
class period_in_order(ReformCheck):
    """period_end is not before period_start. Partial dates compare by the days they span: the
    period ends before it starts only if period_end's last day is before period_start's first
    (2025 to 2025-06 is fine; 2025-07 to 2025-06 is not). Applies to any resource with both."""

    type = "reform-period-in-order"
    Errors = [PeriodOrderError]

    def check_row(self, row, cells):
        start, end = cells.get("period_start", ""), cells.get("period_end", "")
        start_days, end_days = period_bounds(start), period_bounds(end)
        if start_days is None or end_days is None:
            return  # empty (a count on a date) or not a date: calendar_dates.py or the schema reports it
        if end_days[1] < start_days[0]:
            yield PeriodOrderError.from_row(
                row,
                field_name="period_end",
                note=(
                    f"period_end {end} is before period_start {start}: the period ends before it starts; "
                    f"swap them or correct the one that is wrong."
                ),
            )
