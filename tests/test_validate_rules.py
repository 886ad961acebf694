"""`site-builder validate`: each rule fails on a fixture that breaks it, at the right file and line.

Every test starts from a small valid package (the build fixture's CSVs with the repository's
datapackage.json, the hostile `javascript:` source removed) and makes one bad edit.
"""

from __future__ import annotations

import pytest

from helpers import REPO, append, only, problems, replace
from site_builder.cli import main
from site_builder.validate import Problem, format_problem, validate_packages

FIGURES = "datapackages/reform/figures.csv"
SOURCES = "datapackages/reform/sources.csv"


FIGURE = '{id},p63-49,,par-index-rank,rank,{value},exact,,{end},article-en,"{quote}",,,result,,\n'


def test_the_valid_fixture_has_no_problem(project):
    assert problems(project) == []


def test_the_repository_data_has_no_problem():
    assert problems(REPO) == []


def test_link_that_is_not_https_is_rejected_at_its_line(project):
    line = replace(project, "sources.csv", "https://example.org/quang-nam", "javascript:alert(1)")
    assert only(project).startswith(f'{SOURCES}:{line}: url "javascript:alert(1)" is not an https:// address')


def test_plain_http_link_is_rejected(project):
    line = replace(project, "sources.csv", "https://example.org/quang-ngai", "http://example.org/quang-ngai")
    assert only(project).startswith(f"{SOURCES}:{line}: url")


def test_figure_after_its_province_ended_is_rejected_with_the_successor_named(project):
    line = append(project, "figures.csv", FIGURE.format(id="late", value=3, end="2025-09", quote="Late."))
    message = only(project)
    assert message.startswith(f"{FIGURES}:{line}: period_end 2025-09 is after Quang Nam (p63-49) ceased to exist on 2025-06-30")
    assert "successor p34-48" in message


def test_figure_before_its_province_existed_is_rejected(project):
    line = append(project, "figures.csv", 'early,p34-48,,par-index-rank,rank,4,exact,2019,2024,article-en,"Early.",,,result,,\n')
    found = problems(project)
    assert any(p.startswith(f"{FIGURES}:{line}: period_start 2019 is before") for p in found), found


def test_year_overlapping_the_last_day_of_a_province_is_accepted(project):
    append(project, "figures.csv", FIGURE.format(id="in-2025", value=3, end="2025", quote="In 2025."))
    assert problems(project) == []


def test_before_minus_reduction_must_equal_after(project):
    append(project, "figures.csv", 'b,p63-49,,departments,count_before,30,exact,2020,2024,article-en,"B.",,,result,,\n')
    append(project, "figures.csv", 'r,p63-49,,departments,reduction,5,exact,2020,2024,article-en,"R.",,,result,,\n')
    line = append(project, "figures.csv", 'a,p63-49,,departments,count_after,24,exact,2020,2024,article-en,"A.",,,result,,\n')
    message = only(project)
    assert message.startswith(f"{FIGURES}:{line}: Count before 30 − reduction 5 = 25, but the count after is 24")


def test_formula_like_text_is_rejected_in_any_file(project):
    line = append(project, "figures.csv", FIGURE.format(id="formula", value=7, end="2024", quote="=HYPERLINK(1)"))
    assert only(project).startswith(f'{FIGURES}:{line}: quote starts with "="')
    replace(project, "sources.csv", "Quang Nam Newspaper", "@Quang Nam Newspaper")
    assert any(p.startswith(f'{SOURCES}:3: publisher starts with "@"') for p in problems(project))


def test_negative_number_is_not_a_formula_but_a_negative_increase_is_a_reduction(project):
    # A number cell starting with "-" is no formula (only text cells are); but no figure's value is
    # negative: a fall is recorded as a reduction, so -2 is rejected by its measure's rule alone.
    line = append(project, "figures.csv", 'neg,p63-49,,departments,increase,-2,exact,,2024,article-en,"Minus two.",,,result,,\n')
    [problem] = validate_packages(project / "datapackages")
    assert problem.rule == "reform-measure-value"
    assert format_problem(problem).startswith(f"{FIGURES}:{line}: value -2 of an increase is negative; record it as a reduction")


def test_empty_quote_is_rejected(project):
    line = append(project, "figures.csv", FIGURE.format(id="blank", value=9, end="2024", quote="   "))
    assert only(project).startswith(f"{FIGURES}:{line}: quote is empty")


@pytest.mark.parametrize("code", ["EN", "english", "xx"])
def test_language_code_must_be_iso_639_1(project, code):
    line = replace(project, "sources.csv", ",2024-10-04,en,", f",2024-10-04,{code},")
    assert only(project).startswith(f'{SOURCES}:{line}: language "{code}" is not an ISO 639-1 language code')


def test_duplicate_figure_names_the_first_line(project):
    first = append(project, "figures.csv", FIGURE.format(id="once", value=11, end="2020", quote="Once."))
    line = append(project, "figures.csv", FIGURE.format(id="twice", value=11, end="2020", quote="Twice."))
    assert only(project).startswith(f"{FIGURES}:{line}: The same figure as line {first}")


def test_disagreement_naming_an_unknown_figure_is_rejected(project):
    line = replace(project, "disagreements.csv", "qnam-departments-after", "qnam-departments-later")
    assert only(project).startswith(
        "datapackages/reform/disagreements.csv:" + str(line) + ": figure_ids names qnam-departments-later"
    )


def test_line_numbers_count_lines_inside_quoted_cells(project):
    append(project, "figures.csv", FIGURE.format(id="multi", value=12, end="2019", quote="Two\nlines."))
    line = append(project, "figures.csv", FIGURE.format(id="bad-type", value="twelve", end="2019", quote="Typed."))
    assert only(project).startswith(f'{FIGURES}:{line}: value "twelve" is not valid')


def test_schema_constraints_primary_and_foreign_keys(project):
    enum_line = append(project, "figures.csv", 'e,p63-49,,departments,guess,1,exact,,2024,article-en,"E.",,,result,,\n')
    fk_line = append(project, "figures.csv", 'f,p63-99,,departments,count,1,exact,,2024,article-en,"F.",,,result,,\n')
    pk_line = append(project, "figures.csv", 'f,p63-49,,departments,count,2,exact,,2023,article-en,"G.",,,result,,\n')
    found = problems(project)
    assert any(p.startswith(f'{FIGURES}:{enum_line}: measure "guess" is not valid') for p in found), found
    assert any(p.startswith(f"{FIGURES}:{fk_line}: Foreign key") for p in found), found
    assert any(p.startswith(f"{FIGURES}:{pk_line}: Primary key: the same as in line {fk_line}") for p in found), found


def test_github_format_is_an_annotation_with_escaped_text():
    problem = Problem("datapackages/reform/figures.csv", 7, "50% wrong\nsecond line", "value")
    assert format_problem(problem, "github") == (
        "::error file=datapackages/reform/figures.csv,line=7,title=value::50%25 wrong%0Asecond line"
    )


def test_cli_exit_status_and_formats(project, capsys):
    assert main(["validate", "--root", str(project)]) == 0
    assert "no problems" in capsys.readouterr().err
    line = append(project, "figures.csv", FIGURE.format(id="x", value=1, end="2024", quote=" "))
    assert main(["validate", "--root", str(project), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={FIGURES},line={line},title=quote::quote is empty")
    assert main(["validate", "--root", str(project / "nowhere")]) == 2


@pytest.mark.parametrize("start", ["+", "-", "@"])
def test_every_formula_start_is_rejected(project, start):
    line = append(project, "figures.csv", FIGURE.format(id="f", value=8, end="2024", quote=f"{start}cmd|' /C calc'!A0"))
    assert only(project).startswith(f'{FIGURES}:{line}: quote starts with "{start}"')


def test_github_format_escapes_colon_and_comma_in_properties_and_omits_a_missing_line():
    problem = Problem("data:packages/a,b.csv", None, "Bad\r\nvalue: 1,2", "a:b,c")
    assert format_problem(problem, "github") == ("::error file=data%3Apackages/a%2Cb.csv,title=a%3Ab%2Cc::Bad%0D%0Avalue: 1,2")


def test_github_title_is_data_when_no_field_and_text_format_without_line():
    problem = Problem("datapackages/reform/figures.csv", None, "The file is empty.")
    assert format_problem(problem, "github") == "::error file=datapackages/reform/figures.csv,title=data::The file is empty."
    assert format_problem(problem) == "datapackages/reform/figures.csv: The file is empty."


def test_translated_from_is_checked_too(project):
    line = replace(project, "sources.csv", ",2024-10-04,en,vi,", ",2024-10-04,en,Vietnamese,")
    found = problems(project)
    assert any(p.startswith(f'{SOURCES}:{line}: translated_from "Vietnamese" is not an ISO 639-1') for p in found), found


def test_empty_url_is_allowed_but_a_relative_one_is_not(project):
    replace(project, "sources.csv", "https://example.org/quang-ngai", "")
    assert problems(project) == []
    line = replace(project, "sources.csv", "https://example.org/quang-nam", "/quang-nam")
    assert only(project).startswith(f'{SOURCES}:{line}: url "/quang-nam" is not an https:// address')


def rules_found(project) -> set[str]:
    return {p.rule for p in validate_packages(project / "datapackages")}


RULE_CASES = {
    "reform-link-not-https": ("sources.csv", "https://example.org/quang-nam", "javascript:alert(1)"),
    "reform-formula-cell": ("sources.csv", "Quang Nam Newspaper", "@Quang Nam Newspaper"),
    "reform-language-code": ("sources.csv", ",2024-10-04,en,", ",2024-10-04,EN,"),
    "reform-unknown-figure": ("disagreements.csv", "qnam-departments-after", "qnam-departments-later"),
}


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_each_rule_reports_its_own_error_type(project, rule):
    name, old, new = RULE_CASES[rule]
    replace(project, name, old, new)
    assert rules_found(project) == {rule}


@pytest.mark.parametrize(
    ("rule", "rows"),
    [
        ("reform-missing-quote", [FIGURE.format(id="blank", value=9, end="2024", quote=" ")]),
        ("reform-outside-lifetime", [FIGURE.format(id="late", value=3, end="2025-09", quote="Late.")]),
        ("reform-duplicate-figure", [FIGURE.format(id=i, value=11, end="2020", quote="Twice.") for i in ("one", "two")]),
        (
            "reform-figures-do-not-add-up",
            [
                'b,p63-49,,departments,count_before,30,exact,2020,2024,article-en,"B.",,,result,,\n',
                'r,p63-49,,departments,reduction,5,exact,2020,2024,article-en,"R.",,,result,,\n',
                'a,p63-49,,departments,count_after,24,exact,2020,2024,article-en,"A.",,,result,,\n',
            ],
        ),
    ],
)
def test_each_figure_rule_reports_its_own_error_type(project, rule, rows):
    for row in rows:
        append(project, "figures.csv", row)
    assert rules_found(project) == {rule}
