"""Every date is a real calendar date from 1900 on, written YYYY-MM-DD (a period bound may also
be YYYY or YYYY-MM)."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.partial_dates import (
    MIN_YEAR,
    PARTIAL_DATE,
    PARTIAL_DATE_ANY_DIGITS,
    PERIOD_FIELDS,
    period_bounds,
    why_not_a_date,
)
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, full_match, literal

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CalendarDateError(ReformCellError):
    type = "reform-calendar-date"
    title = "Not a real date"


def period_problem(field: str, text: str) -> str | None:
    """What is wrong with a period bound, or None (also None when the schema's pattern reports it)."""
    if not PARTIAL_DATE.fullmatch(text):
        if PARTIAL_DATE_ANY_DIGITS.fullmatch(text):
            return f'{field} "{text}" has digits other than 0-9; type the date with ASCII digits.'
        return None  # not of the shape YYYY(-MM(-DD)): the schema's pattern reports it
    bounds = period_bounds(text)
    if bounds is None:
        return (
            f"{field} {text} is not a real date: {why_not_a_date(text)}; write YYYY, YYYY-MM or YYYY-MM-DD "
            f"as the source states it."
        )
    if bounds[0].year < MIN_YEAR:
        return f"{field} {text} is before {MIN_YEAR}; check the year (a typo for a year of the 2000s?)."
    return None


def date_problem(field: str, text: str, value) -> str | None:
    """What is wrong with a cell of a `date` field frictionless could read, or None."""
    if not isinstance(value, dt.date):
        return None  # empty, or not a date at all: the schema's type check reports it
    if not ISO_DAY.fullmatch(text):
        return f'{field} "{text}" is not written YYYY-MM-DD; write it as {value.isoformat()}.'
    if value.year < MIN_YEAR:
        return f"{field} {text} is before {MIN_YEAR}; check the year (a typo for a year of the 2000s?)."
    return None


@attrs.define(kw_only=True, repr=False)
class calendar_dates(ReformCheck):
    """A period bound (period_start, period_end) is a real year, month or day in ASCII digits,
    from 1900 on (no 2025-13-45, 2025-02-30 or 0000); a `date` field's cell, which frictionless
    has read as a date, is written YYYY-MM-DD and is from 1900 on. Applies to every resource."""

    type = "reform-calendar-dates"
    Errors = [CalendarDateError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if not text:
                continue
            if field.name in PERIOD_FIELDS:
                problem = period_problem(field.name, text)
            elif field.type == "date":
                problem = date_problem(field.name, text, row[field.name])
            else:
                continue
            if problem:
                yield CalendarDateError.from_row(row, field_name=field.name, note=problem)


PERIOD_SHAPE_SQL = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"


def real_dates(name: str, today: str, lifetimes: bool) -> list[str]:
    """A period bound in ASCII digits whose first and last days exist, from MIN_YEAR on."""
    c, first, last = column(name), column(name + "_first"), column(name + "_last")
    return [
        full_match(c, PERIOD_SHAPE_SQL),
        f"{first} IS NOT NULL",
        f"{last} IS NOT NULL",
        f"left({c}, 4) >= {literal(str(MIN_YEAR))}",
    ]


def _february_30(rows):
    rows[3]["period_end"] = "2025-02-30"


RULE = Rule(
    error=CalendarDateError,
    fix="write a real date, YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, from 1900 on",
    check=calendar_dates,
    columnar=Columnar(bound=real_dates),
    fault=Fault("reform", "figures", _february_30),
    explains_the_value=True,
)
