"""`site-builder validate`: numbers, dates and text must mean something (issue 9, item 2).

Each rule rejects a fixture row at its file and line, under its own error type (Problem.rule),
with several variants of what it catches and the near misses it must accept. As in
test_validate_rules.py, every test starts from the small valid `project` and makes one edit.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from helpers import REPO, append, replace
from site_builder.dataset.load import load_package
from site_builder.dataset.schema_types import cast_cell, is_plain_number
from site_builder.errors import BuildError
from site_builder.validate import format_problem, validate_packages
from site_builder.validate.checks import partial_dates, rule_context

FIGURES = "datapackages/reform/figures.csv"
SOURCES = "datapackages/reform/sources.csv"
TODAY = dt.date(2025, 10, 15)

# A figure of Quang Nam (which existed until 30 June 2025) with the fields a test varies.
ROW = '{id},p63-49,{area},{indicator},{measure},{value},exact,{start},{end},article-en,"{quote}",,\n'


def figure(id="f", area="", indicator="departments", measure="count", value="7", start="", end="2024", quote="Q."):
    return ROW.format(id=id, area=area, indicator=indicator, measure=measure, value=value, start=start, end=end, quote=quote)


def current_figure(id="f", value="7", start="", end="2025-09", quote="Q."):
    """A figure of Da Nang since 1 July 2025 (for dates near today)."""
    return f'{id},p34-48,,departments,count,{value},exact,{start},{end},article-en,"{quote}",,\n'


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """Validation's clock, fixed: the rules' context takes today from partial_dates.current_day."""
    monkeypatch.setattr(partial_dates, "current_day", lambda: TODAY)
    return TODAY


def found(project):
    return validate_packages(project / "datapackages")


def one(project, rule: str, path: str, line: int) -> str:
    """The message of the project's only problem, which must be `rule`'s at path:line."""
    problems = found(project)
    assert [(p.rule, p.path, p.line) for p in problems] == [(rule, path, line)], [format_problem(p) for p in problems]
    return format_problem(problems[0])


def add_indicator(project, id, unit):
    append(project, "indicators.csv", f"{id},{id},{id},{unit},province,A test indicator.,Một chỉ tiêu thử.,\n")


# 1. Number syntax ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("NaN", "is not a finite number"),
        ("nan", "is not a finite number"),
        ("inf", "is not a finite number"),
        ("-inf", "is not a finite number"),
        ("Infinity", "is not a finite number"),
        ("-Infinity", "is not a finite number"),
        ("1e400", "overflows to infinity"),
        ("1_2", "has an underscore"),
        ('"1,000"', "between digits"),
        ("1 000", "between digits"),
        ('"1,5"', "1.5, not 1,5"),
        ("+5", "leave the plus sign out"),
        (" 5", "has spaces around it"),
        (".5", "is not a plain number"),
        ("5.", "is not a plain number"),
        ("١٢", "other than ASCII digits"),
        ("１２", "other than ASCII digits"),
        ("95%", "leave the sign out"),
    ],
)
def test_number_that_is_not_a_plain_finite_decimal_is_rejected(project, value, why):
    line = append(project, "figures.csv", figure(value=value))
    message = one(project, "reform-number-syntax", FIGURES, line)
    assert message.startswith(f'{FIGURES}:{line}: value "{value.strip(chr(34))}" ') and why in message


@pytest.mark.parametrize("value", ["12", "0", "12.5", "1.25e1", "-0"])
def test_plain_numbers_are_accepted(project, value):
    append(project, "figures.csv", figure(measure="duration", value=value))
    assert found(project) == []


def test_word_for_a_number_stays_frictionless_type_error(project):
    line = append(project, "figures.csv", figure(value="seven"))
    assert one(project, "type-error", FIGURES, line).startswith(f'{FIGURES}:{line}: value "seven" is not valid')


@pytest.mark.parametrize(
    ("value", "why"), [("1_2", "underscore"), ("12.0", "whole number"), ("1e2", "whole number"), ("NaN", "finite")]
)
def test_integer_field_of_another_resource_is_checked_too(project, value, why):
    line = replace(project, "unit_counts.csv", "p63-48,2025-06-30,8,11,36,,,47,", f"p63-48,2025-06-30,8,11,36,,,{value},")
    message = one(project, "reform-number-syntax", "datapackages/reform/unit_counts.csv", line)
    assert message.startswith(f'datapackages/reform/unit_counts.csv:{line}: total "{value}"') and why in message


def test_nan_share_is_one_problem_not_also_two_range_errors(project):
    line = replace(project, "successions.csv", "p63-48,p34-48,2025-07-01,merged,1,", "p63-48,p34-48,2025-07-01,merged,NaN,")
    assert 'unit_share "NaN" is not a finite number' in one(
        project, "reform-number-syntax", "datapackages/reform/successions.csv", line
    )


def test_disagreement_values_are_numbers_too(project):
    line = replace(project, "disagreements.csv", "qnam-departments-after,21,20,", "qnam-departments-after,inf,20,")
    one(project, "reform-number-syntax", "datapackages/reform/disagreements.csv", line)


def test_nan_in_a_before_after_group_is_a_number_problem_not_a_sum_that_fails(project):
    append(project, "figures.csv", figure(id="b", measure="count_before", value="30", start="2020"))
    line = append(project, "figures.csv", figure(id="r", measure="reduction", value="NaN", start="2020"))
    append(project, "figures.csv", figure(id="a", measure="count_after", value="24", start="2020"))
    one(project, "reform-number-syntax", FIGURES, line)


@pytest.mark.parametrize("text", ["NaN", "nan", "inf", "-Infinity", "1e400", "1_2", "1,000", "+5", " 5", ".5", "٣"])
def test_the_build_never_reads_what_validation_refuses(text):
    assert not is_plain_number(text)
    with pytest.raises(ValueError):
        cast_cell({"name": "value", "type": "number"}, text)
    with pytest.raises(ValueError):
        cast_cell({"name": "total", "type": "integer"}, text)


def test_the_build_still_reads_plain_numbers():
    assert cast_cell({"name": "value", "type": "number"}, "-12.5") == -12.5
    assert cast_cell({"name": "value", "type": "number"}, "1.2e3") == 1200.0
    assert cast_cell({"name": "total", "type": "integer"}, "-3") == -3
    with pytest.raises(ValueError):
        cast_cell({"name": "total", "type": "integer"}, "12.0")


def test_loading_unvalidated_nan_names_the_file_and_line(project):
    line = append(project, "figures.csv", figure(value="NaN"))
    with pytest.raises(BuildError, match=rf"figures\.csv:{line}: value \"NaN\" is not a valid number"):
        load_package(project / "datapackages")


# 2. Values that fit their measure ----------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "value", "fix"),
    [
        ("count", "-1", "a count is 0 or more"),
        ("count_before", "-3", "a count is 0 or more"),
        ("count_after", "-1", "a count is 0 or more"),
        ("reduction", "-5", 'record it as an increase: measure "increase", value 5'),
        ("increase", "-2", 'record it as a reduction: measure "reduction", value 2'),
        ("increase", "-2.5", "value 2.5"),
        ("percent", "150", "a percent of a whole lies within 0-100"),
        ("percent", "100.5", "a percent of a whole lies within 0-100"),
        ("percent", "-1", "a percent is 0 or more"),
        ("duration", "-1", "a duration is 0 or more"),
    ],
)
def test_value_outside_its_measure_range_is_rejected(project, measure, value, fix):
    line = append(project, "figures.csv", figure(measure=measure, value=value))
    message = one(project, "reform-measure-value", FIGURES, line)
    assert message.startswith(f"{FIGURES}:{line}: value {value} of ") and fix in message


@pytest.mark.parametrize("value", ["0", "2.5", "-1", "-0.5", "1e0"])
def test_rank_that_is_not_a_place_is_rejected(project, value):
    line = append(project, "figures.csv", figure(indicator="par-index-rank", measure="rank", value=value))
    assert "a rank is a whole number from 1" in one(project, "reform-measure-value", FIGURES, line)


@pytest.mark.parametrize(
    ("measure", "value"), [("count", "1.5"), ("count_before", "1.500"), ("reduction", "1e3"), ("increase", "2.0")]
)
def test_count_of_things_must_be_written_whole(project, measure, value):
    line = append(project, "figures.csv", figure(measure=measure, value=value))
    message = one(project, "reform-measure-value", FIGURES, line)
    assert "is not written as a whole number, but departments counts departments" in message and "1500, not 1.500" in message


@pytest.mark.parametrize(
    ("measure", "value"),
    [
        ("count", "0"),
        ("reduction", "0"),
        ("percent", "0"),
        ("percent", "100"),
        ("percent", "99.5"),
        ("rank", "1"),
        ("duration", "0"),
        ("duration", "2.5"),
    ],
)
def test_values_at_the_edge_of_their_measure_are_accepted(project, measure, value):
    append(project, "figures.csv", figure(measure=measure, value=value))
    assert found(project) == []


@pytest.mark.parametrize("unit", ["percent", "days", "billion VND"])
def test_amount_units_may_be_fractional(project, unit):
    add_indicator(project, "amount", unit)
    append(project, "figures.csv", figure(indicator="amount", measure="reduction", value="2.5"))
    assert found(project) == []


def test_indicator_says_its_percentages_may_exceed_100_by_its_unit(project):
    add_indicator(project, "share-of-plan", "percent of target")
    add_indicator(project, "share", "percent")
    append(project, "figures.csv", figure(id="over-plan", indicator="share-of-plan", measure="percent", value="150"))
    assert found(project) == []
    line = append(project, "figures.csv", figure(id="over", indicator="share", measure="percent", value="150"))
    assert 'give it a unit that says of what, e.g. "percent of target"' in one(project, "reform-measure-value", FIGURES, line)


# 3. Periods and dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "why"),
    [
        ("period_start", "2025-13-45", "there is no month 13"),
        ("period_start", "2025-02-30", "February 2025 has 28 days"),
        ("period_start", "2023-02-29", "February 2023 has 28 days"),
        ("period_start", "2024-04-31", "April 2024 has 30 days"),
        ("period_start", "2024-00", "there is no month 00"),
        ("period_start", "0000", "there is no year 0000"),
        ("period_start", "1899", "before 1900"),
        ("period_end", "0000-01-01", "there is no year 0000"),
        ("period_end", "2024-06-31", "June 2024 has 30 days"),
        ("period_end", "２０２４", "digits other than 0-9"),
    ],
)
def test_period_bound_that_is_not_a_real_date_is_rejected(project, field, text, why):
    start, end = (text, "2024") if field == "period_start" else ("", text)
    line = append(project, "figures.csv", figure(start=start, end=end))
    message = one(project, "reform-calendar-date", FIGURES, line)
    assert message.startswith(f"{FIGURES}:{line}: {field} ") and text in message and why in message


@pytest.mark.parametrize(("start", "end"), [("2024-02-29", "2024"), ("1900", "2024-12-31"), ("2020-02", "2024-02-29")])
def test_real_dates_are_accepted(project, start, end):
    append(project, "figures.csv", figure(start=start, end=end))
    assert found(project) == []


@pytest.mark.parametrize(("text", "why"), [("2024-1-5", "write it as 2024-01-05"), ("1899-12-31", "before 1900")])
def test_date_field_is_written_yyyy_mm_dd_from_1900(project, text, why):
    line = replace(project, "sources.csv", ",2024-10-04,en,", f",{text},en,")
    message = one(project, "reform-calendar-date", SOURCES, line)
    assert message.startswith(f"{SOURCES}:{line}: published ") and why in message


def test_impossible_date_in_a_date_field_is_frictionless_type_error_once(project):
    line = replace(project, "sources.csv", ",2024-10-04,en,", ",2024-02-30,en,")
    assert 'published "2024-02-30" is not valid' in one(project, "type-error", SOURCES, line)


@pytest.mark.parametrize(
    ("start", "end"), [("2024", "2023"), ("2024-07-01", "2024-06"), ("2024-03", "2024-02-28"), ("2024-06-02", "2024-06-01")]
)
def test_period_that_ends_before_it_starts_is_rejected(project, start, end):
    line = append(project, "figures.csv", figure(start=start, end=end))
    message = one(project, "reform-period-order", FIGURES, line)
    assert message.startswith(f"{FIGURES}:{line}: period_end {end} is before period_start {start}")


@pytest.mark.parametrize(
    ("start", "end"), [("2024", "2024-06"), ("2024-06", "2024"), ("2024-06-15", "2024-06"), ("2024-06-01", "2024-06-01")]
)
def test_partial_dates_compare_by_the_days_they_span(project, start, end):
    append(project, "figures.csv", figure(start=start, end=end))
    assert found(project) == []


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("", "2025-10-16", "period_end"),
        ("", "2025-11", "period_end"),
        ("", "2026", "period_end"),
        ("2025-10-16", "2025-10", "period_start"),
    ],
)
def test_figure_dated_after_today_is_rejected(project, start, end, field):
    line = append(project, "figures.csv", current_figure(start=start, end=end))
    message = one(project, "reform-future-date", FIGURES, line)
    assert (
        message.startswith(f"{FIGURES}:{line}: {field} ")
        and "is in the future (it is 2025-10-15 at most, anywhere on Earth)" in message
    )


@pytest.mark.parametrize("end", ["2025-10-15", "2025-10", "2025"])
def test_period_that_has_begun_by_today_is_accepted(project, end):
    append(project, "figures.csv", current_figure(end=end))
    assert found(project) == []


def test_source_published_after_today_is_rejected(project):
    line = replace(project, "sources.csv", ",2024-10-04,en,", ",2025-10-16,en,")
    assert "published 2025-10-16 is in the future" in one(project, "reform-future-date", SOURCES, line)


def test_any_date_field_after_today_is_rejected(project):
    line = replace(project, "unit_counts.csv", "p34-12,2025-07-01,", "p34-12,2026-01-01,")
    one(project, "reform-future-date", "datapackages/reform/unit_counts.csv", line)


def test_without_an_injected_date_the_clock_decides(project, monkeypatch):
    monkeypatch.undo()
    line = append(project, "figures.csv", current_figure(end="2999"))
    one(project, "reform-future-date", FIGURES, line)


def test_a_caller_of_the_library_can_give_its_own_today():
    assert rule_context({}, today=dt.date(2000, 1, 1))["today"] == dt.date(2000, 1, 1)


def test_today_is_the_latest_date_anywhere_on_earth(monkeypatch):
    monkeypatch.undo()
    utc = dt.datetime.now(dt.timezone.utc).date()
    assert partial_dates.current_day() in (utc, utc + dt.timedelta(days=1))


# 4. Text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("\x00", "a control character"),
        ("\x01", "a control character"),
        ("\x1b", "a control character"),
        ("\t", "a tab"),
        ("\x7f", "a control character"),
        ("\x85", "a control character"),
        ("\x9f", "a control character"),
        ("\u202e", "a bidirectional override"),
        ("\u2066", "a bidirectional override"),
        ("\ufdd0", "a Unicode noncharacter"),
        ("\ufffe", "a Unicode noncharacter"),
        ("\U0010ffff", "a Unicode noncharacter"),
    ],
)
def test_control_character_is_rejected_naming_its_code_point_and_column(project, char, kind):
    line = append(project, "figures.csv", figure(quote=f"Bad{char}text."))
    message = one(project, "reform-control-character", FIGURES, line)
    assert message.startswith(f"{FIGURES}:{line}: quote has U+{ord(char):04X} at character 4") and kind in message


def test_control_characters_are_counted_and_checked_in_every_file(project):
    line = replace(project, "sources.csv", "Streamlining the apparatus", "Stream\x7flining\x7f the\x7f apparatus")
    message = one(project, "reform-control-character", SOURCES, line)
    assert "title has U+007F at character 7 (and 2 more such characters)" in message


def test_newline_inside_a_quote_is_text(project):
    append(project, "figures.csv", figure(quote="First paragraph.\nSecond."))
    assert found(project) == []


@pytest.mark.parametrize(
    ("text", "letter", "points"),
    [
        ("Quảng Nam", "ả", "U+0061 + U+0309"),
        ("Tuyên Quang", "ê", "U+0065 + U+0302"),
        ("Hệ thống", "ệ", "U+0065 + U+0323 + U+0302"),
        ("\u212b", "Å", "U+212B"),
    ],
)
def test_text_not_in_nfc_is_rejected_naming_the_letter(project, text, letter, points):
    decomposed = unicodedata.normalize("NFD", text) if text != "\u212b" else text
    line = append(project, "figures.csv", figure(quote=f"In {decomposed}."))
    message = one(project, "reform-text-not-nfc", FIGURES, line)
    assert message.startswith(f'{FIGURES}:{line}: quote is not in Unicode NFC: "{letter}" at character ')
    assert f"is typed as {points}" in message


def test_decomposed_province_name_is_rejected_in_its_own_file(project):
    line = replace(project, "provinces.csv", "Quảng Nam", unicodedata.normalize("NFD", "Quảng Nam"))
    one(project, "reform-text-not-nfc", "datapackages/reform/provinces.csv", line)


# 5. Duplicates once text is normalised --------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"area": "Tam Kỳ"}, {"area": "Tam  Kỳ"}),
        ({"area": "Tam Kỳ"}, {"area": " Tam\tKỳ"}),
        ({"value": "11"}, {"value": "11.0"}),
        ({"value": "11"}, {"value": "1.1e1"}),
    ],
)
def test_figures_that_differ_only_in_spacing_or_writing_of_the_value_are_duplicates(project, first, second):
    first_line = append(project, "figures.csv", figure(id="one", **first))
    line = append(project, "figures.csv", figure(id="two", **second))
    problems = [p for p in found(project) if p.rule == "reform-duplicate-figure"]
    assert [(p.path, p.line) for p in problems] == [(FIGURES, line)]
    assert problems[0].message.startswith(f"The same figure as line {first_line} ")
    assert "once spacing, Unicode form and the way the value is written are set aside" in problems[0].message


def test_figures_that_differ_only_in_unicode_form_are_duplicates(project):
    first = append(project, "figures.csv", figure(id="one", area="Tam Kỳ"))
    line = append(project, "figures.csv", figure(id="two", area=unicodedata.normalize("NFD", "Tam Kỳ")))
    problems = sorted((p.rule, p.line) for p in found(project))
    assert problems == [("reform-duplicate-figure", line), ("reform-text-not-nfc", line)]
    assert first < line


def test_figures_for_differently_cased_indicator_ids_are_not_merged(project):
    append(project, "figures.csv", figure(id="one"))
    line = append(project, "figures.csv", figure(id="two", indicator="Departments"))
    assert [p.rule for p in found(project)] == ["foreign-key"] and found(project)[0].line == line


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/quang-nam",
        "HTTPS://Example.ORG/quang-nam",
        "https://example.org/quang-nam/",
        "https://example.org:443/quang-nam",
        "https://example.org/quang-nam#section-2",
    ],
)
def test_two_sources_with_one_address_are_rejected(project, url):
    line = append(project, "sources.csv", f"article-en-again,article,Again,Quang Nam Newspaper,{url},2024-10-04,en,vi,,,\n")
    message = one(project, "reform-duplicate-source-url", SOURCES, line)
    assert message.startswith(f"{SOURCES}:{line}: url is the address of source article-en (line 3) too")


@pytest.mark.parametrize(
    "url", ["https://example.org/quang-nam?page=2", "https://example.org/quang-nam-2", "https://example.com/quang-nam"]
)
def test_sources_with_other_addresses_are_accepted(project, url):
    append(project, "sources.csv", f"other,article,Other,Quang Nam Newspaper,{url},2024-10-04,en,vi,,,\n")
    assert found(project) == []


def test_two_versions_of_one_registry_package_may_share_its_page(project):
    append(
        project,
        "sources.csv",
        "registry-fixture-2,registry,Fixture registry,Test,https://pypi.org/project/vietnam-provinces/,,vi,,,2.0,Fixture\n",
    )
    assert found(project) == []
    line = append(
        project,
        "sources.csv",
        "registry-fixture-3,registry,Fixture registry,Test,https://pypi.org/project/vietnam-provinces,,vi,,,2.0,Fixture\n",
    )
    assert "source registry-fixture-2 (line " in one(project, "reform-duplicate-source-url", SOURCES, line)


# The real data -------------------------------------------------------------------------------


def test_the_repository_data_means_what_it_says(monkeypatch):
    monkeypatch.undo()  # judged by today's date, as `site-builder validate` does
    assert [format_problem(p) for p in validate_packages(REPO / "datapackages")] == []
