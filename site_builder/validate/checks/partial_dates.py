"""What the date rules share (not a rule itself): reading a period bound, the earliest year we
accept, and today's date.

A period bound is a year (2025), a month (2025-07) or a day (2025-07-01) in ASCII digits; it
stands for all the days it spans, so partial bounds compare by their first and last days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# The cells that bound a figure's period (figures.csv), checked in any resource that has them.
PERIOD_FIELDS = ("period_start", "period_end")
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Any script's digits in the same shape: the schema's pattern (\d) lets them through.
PARTIAL_DATE_ANY_DIGITS = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# No figure, source or registry date we record is older: the reform data starts in the 2010s
# and provinces' histories in the 20th century. It catches 0000, 0025 and 1025 typed for 2025.
MIN_YEAR = 1900
# The time zone where a day begins first (UTC+14, Kiribati): a date that has begun anywhere is
# not "in the future", so a source published today in Vietnam is accepted from any time zone.
EARLIEST_ZONE = dt.timezone(dt.timedelta(hours=14))


def current_day() -> dt.date:
    """Today, as the latest calendar date anywhere on Earth (see EARLIEST_ZONE).

    Validation is about the data's meaning now, so it uses the clock, not the site's build date
    (dataset/dates.py), which is the date of the last commit and would reject a source published
    since. Tests inject their own `today` through the rules' context.
    """
    return dt.datetime.now(EARLIEST_ZONE).date()


def period_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """'2025' -> (1 Jan, 31 Dec 2025); '2025-07' -> the month; '2025-07-01' -> that day; None
    for anything else (not a real calendar date, not ASCII digits, year 0)."""
    match = PARTIAL_DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        single = dt.date(year, month, day)
        return single, single
    except ValueError:
        return None


def why_not_a_date(text: str) -> str:
    """Why a text of the right shape (YYYY, YYYY-MM or YYYY-MM-DD) is not a real date."""
    year, month, day = (int(part) if part else None for part in PARTIAL_DATE.fullmatch(text).groups())
    if year == 0:
        return "there is no year 0000"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month:02d}"
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        return f"{calendar.month_name[month]} {year} has {last} days"
    return "it is not a date"
