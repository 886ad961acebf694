"""`site-builder validate`: dates must mean something (issue 9, item 2): real calendar dates,
periods that end after they start, and nothing after today.

Each rule rejects a fixture row at its file and line, under its own error type (Problem.rule),
with several variants of what it catches and the near misses it must accept. As in
test_validate_rules.py, every test starts from the small valid `project` and makes one edit;
the rows and checks they share are in helpers.py.
"""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import FIGURES, REPO, SOURCES, append, figure, found, one, replace
from site_builder.validate import format_problem, validate_packages
from site_builder.validate.checks import partial_dates, rule_context

TODAY = dt.date(2025, 10, 15)


def current_figure(id="f", value="7", start="", end="2025-09", quote="Q."):
    """A figure of Da Nang since 1 July 2025 (for dates near today)."""
    return f'{id},p34-48,,departments,count,{value},exact,{start},{end},article-en,"{quote}",,,result,,\n'


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """Validation's clock, fixed: the rules' context takes today from partial_dates.current_day."""
    monkeypatch.setattr(partial_dates, "current_day", lambda: TODAY)
    return TODAY


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


# The real data -------------------------------------------------------------------------------


def test_the_repository_data_means_what_it_says(monkeypatch):
    monkeypatch.undo()  # judged by today's date, as `site-builder validate` does
    assert [format_problem(p) for p in validate_packages(REPO / "datapackages")] == []
