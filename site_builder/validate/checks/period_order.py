"""A period does not end before it starts."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.partial_dates import PERIOD_FIELDS, period_bounds
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, rows_where

# The fix every problem of this rule gives (its RULE declares it).
FIX = "swap them or correct the one that is wrong"


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
                note=(f"period_end {end} is before period_start {start}: the period ends before it starts; {FIX}."),
            )


def in_order(names: list[str], lifetimes: bool) -> list[str]:
    if not set(PERIOD_FIELDS) <= set(names):
        return []
    start, end = PERIOD_FIELDS
    return [f"({column(start)} = '' OR {column(end)} = '' OR {column(end + '_last')} >= {column(start + '_first')})"]


def _backwards(rows):
    row = rows_where(rows, province_id="p34")
    row["period_start"], row["period_end"] = "2025-12-01", "2025-11-01"


RULE = Rule(
    error=PeriodOrderError,
    fix=FIX,
    check=period_in_order,
    columnar=Columnar(period=in_order),
    fault=Fault("reform", "figures", _backwards),
)
