"""How numbers, dates, values and links are written on the pages, in the edition's language.

Separators, month names and date patterns come from CLDR through Babel, chosen by the
edition's language (`Translations.lang`), so the Vietnamese edition writes 3.321 and 12,5; the
order of a date's parts is the language's pattern in the translations ("ngày 1 tháng 7 năm 2025").
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as cldr_date
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol
from babel.numbers import format_percent as cldr_percent

from site_builder.errors import BuildError
from site_builder.pages.translations import Translations

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# Edition language -> CLDR locale. English is British English: its long date is "1 July 2025"
# (CLDR's plain "en" writes "July 1, 2025") and the site's English spelling is British.
LOCALES = {"en": "en_GB", "vi": "vi"}


@lru_cache(maxsize=None)
def cldr_locale(lang: str) -> Locale:
    """The CLDR locale whose formats the edition in `lang` uses."""
    try:
        return Locale.parse(LOCALES.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        raise BuildError(f"No CLDR locale for the language '{lang}'; add it to LOCALES in {__name__}.") from None


def _decimal(value: float | int) -> Decimal:
    """At most two decimals, rounded as the site always has (Python's round-half-even of the float)."""
    if float(value).is_integer():
        return Decimal(int(value))
    return Decimal(f"{value:.2f}")


def format_number(value: float | int | None, t: Translations) -> str:
    """3321 -> "3,321" (vi "3.321"); 12.5 -> "12.5" (vi "12,5"); None -> the "no data" text."""
    if value is None:
        return t("value.missing")
    return _formatted_decimal(value, t.lang)


@lru_cache(maxsize=65536)  # some 17,000 numbers per build, most of them repeated
def _formatted_decimal(value: float | int, lang: str) -> str:
    return format_decimal(_decimal(value), locale=cldr_locale(lang))


def format_percent(value: float | int | None, t: Translations) -> str:
    """A value already in percent, in the locale's percent pattern: 99 -> "99%", 12.5 -> "12.5%"
    (vi "12,5%"); None -> the "no data" text."""
    if value is None:
        return t("value.missing")
    # The value is scaled as a Decimal so 12.35 stays 12.35, not 12.349999...
    return cldr_percent(_decimal(value) / 100, locale=cldr_locale(t.lang), decimal_quantization=False)


def format_date(text: str, t: Translations) -> str:
    """'2025-07-01' -> '1 July 2025' (vi 'ngày 1 tháng 7 năm 2025'), '2024-10' -> 'October 2024'
    (vi 'tháng 10 năm 2024'), '2021' -> '2021'. Text that is not such a date is returned as it is.
    The patterns are CLDR date patterns from the translations (`date.day`, `date.month`,
    `date.year`): month names come from CLDR, the order and words from the language's usage
    (CLDR's Vietnamese long date, "1 tháng 7, 2025", is not how a Vietnamese text writes one)."""
    return _formatted_date(text or "", t.lang, (t("date.day"), t("date.month"), t("date.year")))


@lru_cache(maxsize=65536)  # some 42,000 dates at 10,000 figure rows, a few hundred distinct
def _formatted_date(text: str, lang: str, patterns: tuple[str, str, str]) -> str:
    match = _DATE.match(text)
    if not match:
        return text
    year, month, day = match.groups()
    locale = cldr_locale(lang)
    try:
        date = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:  # e.g. 2025-13: shown as written rather than guessed
        return text
    day_pattern, month_pattern, year_pattern = patterns
    return cldr_date(date, format=day_pattern if day else month_pattern if month else year_pattern, locale=locale)


def format_period(start: str, end: str, t: Translations) -> str:
    """A figure's period: 'as of <end>' for a count on a date, '<start> – <end>' otherwise."""
    if start and end and start != end:
        return t("period.range", start=format_date(start, t), end=format_date(end, t))
    return format_date(end or start, t)


def format_value(value: float, measure: str, qualifier: str, t: Translations) -> str:
    """A figure as a reader says it: 'about 1,200', '12.5%', 'more than 40'."""
    number = format_percent(value, t) if measure == "percent" else format_number(value, t)
    if qualifier and qualifier != "exact":
        number = t(f"qualifier.{qualifier}", value=number)
    return number


# The sign a change is written with: a reduction is a fall ("−3 communes"), not a total.
CHANGE_SIGNS = {"reduction": "−", "increase": "+"}


def format_quantity(value: float, measure: str, qualifier: str, unit: str, t: Translations) -> str:
    """A figure with its unit, as a sentence would say it: '96 units', '1 unit', '−3 communes',
    'about 1,200 people', '99%' (a percentage has no unit word), '2nd' (a rank). The unit's
    forms come from the translations (`quantity.<unit>`), one per CLDR plural category."""
    if measure == "percent":
        text = format_percent(value, t)
    elif measure == "rank":
        text = format_plural("rank", value, t, ordinal=True)
    else:
        count = CHANGE_SIGNS.get(measure, "") + format_number(value, t)
        key = f"quantity.{unit}"
        text = format_plural(key, value, t, count=count) if t.has(key) else t("quantity_unknown", count=count, unit=unit)
    if qualifier and qualifier != "exact":
        text = t(f"qualifier.{qualifier}", value=text)
    return text


def format_unit(unit: str, t: Translations) -> str:
    """An indicator's unit as a word of the edition ("units", "đơn vị"); as written when unknown."""
    return t(f"unit_name.{unit}") if t.has(f"unit_name.{unit}") else unit


def format_language(code: str, t: Translations) -> str:
    """A language's name from CLDR, as it reads inside a sentence of the edition: 'Polish' (en),
    'tiếng Ba Lan' (vi: CLDR capitalises the name for a list, not for the middle of a sentence;
    the translation `language.in_sentence` chooses between {name} and {name_lower})."""
    name = cldr_locale(t.lang).languages.get(code.split("-")[0], code) if code else ""
    return t("language.in_sentence", name=name, name_lower=name[:1].lower() + name[1:])


def plural_category(n: float | int, t: Translations, ordinal: bool = False) -> str:
    """CLDR's plural category of `n` in the edition's language: "one" or "other" in English
    (ordinals: "one", "two", "few", "other" as in 1st, 2nd, 3rd, 4th), always "other" in Vietnamese."""
    locale = cldr_locale(t.lang)
    return (locale.ordinal_form if ordinal else locale.plural_form)(abs(_decimal(n)))


def format_plural(key: str, n: float | int, t: Translations, ordinal: bool = False, **params) -> str:
    """The form of the plural entry `key` for the number `n`, with `{count}` (the number as the
    edition writes it, unless given) and the other placeholders filled: "1 unit", "2 units"."""
    params.setdefault("count", format_number(n, t))
    return t.plural(key, plural_category(n, t, ordinal), **params)


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


def format_legal_basis(text: str, t: Translations) -> str:
    """An act as the registry names it ("Resolution 202/2025/QH15") in the edition's words."""
    match = re.fullmatch(r"Resolution (\S+)", text.strip())
    return t("province.resolution", number=match.group(1)) if match else text


def number_symbols(t: Translations) -> tuple[str, str]:
    """The edition's decimal mark and thousands separator, from CLDR: (".", ",") in English."""
    locale = cldr_locale(t.lang)
    return get_decimal_symbol(locale), get_group_symbol(locale)
