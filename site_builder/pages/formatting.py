"""How numbers, dates, values and links are written on the pages, in the edition's language.

Separators and month names come from the translations file, so the Vietnamese edition
writes 3.321 and "tháng 7 năm 2025" without code changes.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from site_builder.pages.translations import Translations

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def format_number(value: float | int | None, t: Translations) -> str:
    """3321 -> "3,321"; 12.5 -> "12.5"; None -> the "no data" text."""
    if value is None:
        return t("value.missing")
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    # Swap through a placeholder so "," -> "." and "." -> "," do not collide.
    return text.replace(",", "\0").replace(".", t("number.decimal_separator")).replace("\0", t("number.thousands_separator"))


def format_date(text: str, t: Translations) -> str:
    """'2025-07-01' -> '1 July 2025', '2024-10' -> 'October 2024', '2021' -> '2021'."""
    match = _DATE.match(text or "")
    if not match:
        return text or ""
    year, month, day = match.groups()
    if not month:
        return year
    month_name = t.list("date.months")[int(month) - 1]
    if not day:
        return t("date.month_year", month=month_name, year=year)
    return t("date.day_month_year", day=int(day), month=month_name, year=year)


def format_period(start: str, end: str, t: Translations) -> str:
    """A figure's period: 'as of <end>' for a count on a date, '<start> – <end>' otherwise."""
    if start and end and start != end:
        return t("period.range", start=format_date(start, t), end=format_date(end, t))
    return format_date(end or start, t)


def format_value(value: float, measure: str, qualifier: str, t: Translations) -> str:
    """A figure as a reader says it: 'about 1,200', '12.5%', 'more than 40'."""
    number = format_number(value, t)
    if measure == "percent":
        number = t("value.percent", value=number)
    if qualifier and qualifier != "exact":
        number = t(f"qualifier.{qualifier}", value=number)
    return number


def is_web_url(url: str) -> bool:
    """True only for http(s) addresses with a host: anything else is shown as text, not a link.

    Validation already requires https, but the pages must not depend on that: a
    `javascript:` or `data:` address that got through is never turned into a link.
    """
    if not isinstance(url, str) or url != url.strip() or any(ord(c) < 32 or c in "<>\"'` " for c in url):
        return False
    if not url.lower().startswith(("https://", "http://")):
        return False
    try:
        return bool(urlsplit(url).netloc)
    except ValueError:
        return False
