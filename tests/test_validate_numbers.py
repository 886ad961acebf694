"""`site-builder validate`: numbers must mean something (issue 9, item 2): their syntax, and
values that fit their measure.

Each rule rejects a fixture row at its file and line, under its own error type (Problem.rule),
with several variants of what it catches and the near misses it must accept. As in
test_validate_rules.py, every test starts from the small valid `project` and makes one edit;
the rows and checks they share are in helpers.py.
"""

from __future__ import annotations

import pytest

from helpers import FIGURES, append, figure, found, one, replace
from site_builder.dataset.load import load_package
from site_builder.dataset.schema_types import cast_cell, is_plain_number
from site_builder.errors import BuildError


def add_indicator(project, id, unit):
    append(project, "indicators.csv", f"{id},{id},{id},{unit},province,A test indicator.,Một chỉ tiêu thử.,,other,false\n")


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
