"""Numbers, dates and percentages are written by CLDR's rules for the edition's language (Babel),
not by hand: the English edition as it always was, the Vietnamese one as Vietnamese is written."""

from __future__ import annotations

import pytest

from site_builder.errors import BuildError
from site_builder.pages.formatting import (
    cldr_locale,
    format_date,
    format_number,
    format_percent,
    format_period,
    format_value,
)
from site_builder.pages.translations import Translations


@pytest.mark.parametrize(
    "value, english, vietnamese",
    [
        (3321, "3,321", "3.321"),
        (10035, "10,035", "10.035"),
        (1234567, "1,234,567", "1.234.567"),
        (0, "0", "0"),
        (34.0, "34", "34"),
        (12.5, "12.5", "12,5"),
        (1684.25, "1,684.25", "1.684,25"),
        (-0.5, "-0.5", "-0,5"),
    ],
)
def test_numbers_use_the_separators_of_the_language(en, vi, value, english, vietnamese):
    assert format_number(value, en) == english
    assert format_number(value, vi) == vietnamese


@pytest.mark.parametrize(
    "value, english",
    [
        (66.666666, "66.67"),  # at most two decimals
        (12.50, "12.5"),  # no trailing zeros
        (0.125, "0.12"),  # rounded as the site always has (half to even on the float)
        (2.675, "2.67"),  # the float is 2.67499..., so it rounds down, as before Babel
        (99.999, "100"),
    ],
)
def test_numbers_are_rounded_to_two_decimals_as_before(en, value, english):
    assert format_number(value, en) == english


def test_a_missing_number_is_the_no_data_text(en, vi):
    assert format_number(None, en) == "no data"
    assert format_number(None, vi) == vi("value.missing")


@pytest.mark.parametrize(
    "text, english, vietnamese",
    [
        ("2025-07-01", "1 July 2025", "ngày 1 tháng 7 năm 2025"),
        ("2024-12-13", "13 December 2024", "ngày 13 tháng 12 năm 2024"),
        ("2024-10", "October 2024", "tháng 10 năm 2024"),
        ("2025-01", "January 2025", "tháng 1 năm 2025"),
        ("2021", "2021", "2021"),
    ],
)
def test_dates_are_written_in_the_long_form_of_the_language(en, vi, text, english, vietnamese):
    assert format_date(text, en) == english
    assert format_date(text, vi) == vietnamese


@pytest.mark.parametrize("text", ["", "soon", "2025-13-01", "2025-02-30", "2025/07/01"])
def test_text_that_is_not_a_date_is_shown_as_written(en, text):
    assert format_date(text, en) == text


def test_a_missing_date_is_empty(en):
    assert format_date(None, en) == ""


def test_periods_join_two_dates_and_a_single_date_stands_alone(en, vi):
    assert format_period("2015", "2021", en) == "2015 – 2021"
    assert format_period("2024-10", "2025-07-01", vi) == "tháng 10 năm 2024 – ngày 1 tháng 7 năm 2025"
    assert format_period("", "2025-07-01", en) == "1 July 2025"
    assert format_period("2025-07-01", "2025-07-01", vi) == "ngày 1 tháng 7 năm 2025"


@pytest.mark.parametrize(
    "value, english, vietnamese",
    [
        (99, "99%", "99%"),
        (12.5, "12.5%", "12,5%"),
        (12.35, "12.35%", "12,35%"),
        (1234, "1,234%", "1.234%"),
    ],
)
def test_percentages_use_the_percent_pattern_of_the_language(en, vi, value, english, vietnamese):
    assert format_percent(value, en) == english
    assert format_percent(value, vi) == vietnamese


def test_values_carry_the_qualifier_of_the_language(en, vi):
    assert format_value(1200, "count", "about", en) == "about 1,200"
    assert format_value(1200, "count", "about", vi) == "khoảng 1.200"
    assert format_value(99.5, "percent", "more_than", vi) == "hơn 99,5%"
    assert format_value(3, "rank", "exact", vi) == "3"


def test_english_is_british_english_and_vietnamese_is_vietnamese():
    assert str(cldr_locale("en")) == "en_GB"  # CLDR's plain "en" would write "July 1, 2025"
    assert str(cldr_locale("vi")) == "vi"


def test_a_language_cldr_does_not_know_stops_the_build(tmp_path):
    t = Translations(lang="xx-not-a-language", path=tmp_path / "xx.yaml", strings={})
    with pytest.raises(BuildError, match="xx-not-a-language"):
        format_number(1, t)
