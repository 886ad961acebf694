"""Nothing is dated in the future: no figure's period, no source's publication, no other date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.partial_dates import PERIOD_FIELDS, period_bounds
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, literal


class FutureDateError(ReformCellError):
    type = "reform-future-date"
    title = "Date in the future"


@attrs.define(kw_only=True, repr=False)
class no_future_dates(ReformCheck):
    """A period bound does not begin after today (a period ending "2025" is fine during 2025),
    and no cell of a `date` field (sources.published, provinces.valid_from ...) is after today.
    context = {"today": datetime.date} (partial_dates.current_day() unless a test injects one)."""

    type = "reform-no-future-dates"
    Errors = [FutureDateError]
    context: Any = None

    def check_row(self, row, cells):
        today = self.context["today"]
        for field in row.fields:
            text = cells.get(field.name, "")
            if field.name in PERIOD_FIELDS:
                bounds = period_bounds(text)
                first = bounds[0] if bounds else None
                hint = "a figure reports what a source says has happened by its date; check the year"
            elif field.type == "date":
                first = row[field.name] if isinstance(row[field.name], dt.date) else None
                hint = "check the date against the source"
            else:
                continue
            if first is not None and first > today:
                yield FutureDateError.from_row(
                    row,
                    field_name=field.name,
                    note=(
                        f"{field.name} {text} is in the future (it is {today.isoformat()} at most, anywhere on Earth); {hint}."
                    ),
                )


def not_after_today(name: str, today: str, lifetimes: bool) -> list[str]:
    return [f"{column(name + '_first')} <= DATE {literal(today)}"]


def _future(rows):
    rows[3]["period_end"] = "2099-01-01"


RULE = Rule(
    error=FutureDateError,
    fix="check the year: a figure reports what has happened by its date",
    check=no_future_dates,
    columnar=Columnar(bound=not_after_today),
    fault=Fault("reform", "figures", _future),
    uses_context=True,
    explains_the_value=True,
)
