"""`site-builder validate` on the units package: frictionless checks its schema and in-package
keys; our rules check what crosses resources and packages. Each rule fails on a fixture that
breaks it, at the right file, line and error type.

Every test starts from the small valid `units_project` fixture (tests/conftest.py, its package
described in tests/units_fixture.py).
This file: our rules; test_validate_units_schema.py: the fixture and frictionless's checks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import REPO, found, problems
from site_builder.dataset.vocabulary import REGISTRY_TOTALS, REGISTRY_TOTALS_SOURCE
from site_builder.validate import Problem
from site_builder.validate.package import UNITS_NEED_REFORM
from units_fixture import UNITS, add, edit, units_file


def line_of(project: Path, name: str, start: str) -> int:
    """The line of the row of a units CSV that starts with `start`."""
    lines = units_file(project, name).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(start))


def by_rule(project: Path, rule: str) -> list[Problem]:
    return [p for p in found(project) if p.rule == rule]


def the_one(project: Path) -> Problem:
    every = found(project)
    assert len(every) == 1, every
    return every[0]


# Province ids: in the reform package, of the unit's era


def test_district_of_an_unknown_province_is_rejected_at_its_line(units_project):
    line = edit(units_project, "districts.csv", "Quận Liên Chiểu,urban_district,p63-48", "Quận Liên Chiểu,urban_district,p63-47")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/districts.csv",
        line,
        "province_id",
        "reform-unit-province-era",
    )
    assert problem.message.startswith(
        'province_id "p63-47" is not in the reform package\'s provinces.csv; a district of 30 June 2025'
    )


def test_former_unit_of_a_current_province_is_rejected(units_project):
    line = edit(units_project, "units_before.csv", "ward,492,p63-48", "ward,492,p34-48")
    problem = by_rule(units_project, "reform-unit-province-era")
    assert [(p.path, p.line) for p in problem] == [(f"{UNITS}/units_before.csv", line)]
    assert "is Da Nang, valid since 2025-07-01; a commune-level unit of 30 June 2025 belongs to" in problem[0].message


def test_current_unit_of_a_former_province_is_rejected(units_project):
    line = edit(units_project, "units_after.csv", "ward,p34-48,7.58", "ward,p63-48,7.58")
    problem = by_rule(units_project, "reform-unit-province-era")
    assert [(p.path, p.line) for p in problem] == [(f"{UNITS}/units_after.csv", line)]
    assert "is Da Nang, valid to 2025-06-30; a commune-level unit since 1 July 2025 belongs to" in problem[0].message


def test_the_era_is_the_reform_package_s_not_the_id_s(units_project):
    # An id of the right form is not enough: a current province must have no valid_to.
    provinces = units_project / "datapackages" / "reform" / "provinces.csv"
    provinces.write_text(
        provinces.read_text(encoding="utf-8").replace(
            "p34-51,51,Quảng Ngãi,Quang Ngai,quang-ngai,province,2025-07-01,,",
            "p34-51,51,Quảng Ngãi,Quang Ngai,quang-ngai,province,2025-07-01,2025-12-31,",
        ),
        encoding="utf-8",
    )
    line = edit(units_project, "units_after.csv", "ward,p34-48,7.58", "ward,p34-51,7.58")
    problem = by_rule(units_project, "reform-unit-province-era")
    assert [(p.path, p.line) for p in problem] == [(f"{UNITS}/units_after.csv", line)]
    assert "Quang Ngai, valid to 2025-12-31" in problem[0].message


def test_without_the_reform_package_the_units_package_says_it_needs_it(units_project):
    shutil.rmtree(units_project / "datapackages" / "reform")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.rule) == (f"{UNITS}/datapackage.json", None, UNITS_NEED_REFORM)
    assert "datapackages/reform/provinces.csv, which is missing" in problem.message


def test_an_unreadable_reform_provinces_file_is_one_problem_for_the_units_package(units_project):
    provinces = units_project / "datapackages" / "reform" / "provinces.csv"
    provinces.write_text(provinces.read_text(encoding="utf-8") + 'p34-99,"unclosed\n', encoding="utf-8")
    every = found(units_project)
    assert [p.path for p in every if p.path.startswith(UNITS)] == [f"{UNITS}/datapackage.json"]
    assert any(p.path == "datapackages/reform/provinces.csv" for p in every), every
    assert "cannot be read" in next(p.message for p in every if p.path.startswith(UNITS))


# Links between former and current units


def test_former_unit_that_goes_nowhere_is_rejected_at_its_line(units_project):
    edit(units_project, "unit_changes.csv", "20195,,20194,false,true\n", "")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/units_before.csv",
        line_of(units_project, "units_before.csv", "20195,"),
        "code",
        "reform-former-unit-without-successor",
    )
    assert problem.message.startswith("Phường Hòa Hiệp Nam (20195) is not a former_code in unit_changes.csv")


def test_current_unit_without_predecessor_is_rejected_at_its_line(units_project):
    line = add(units_project, "units_after.csv", "20200,Hòa Khánh,Phường Hòa Khánh,ward,p34-48,40.93")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/units_after.csv",
        line,
        "code",
        "reform-current-unit-without-predecessor",
    )
    assert problem.message.startswith("Phường Hòa Khánh (20200) is not a current_code in unit_changes.csv")


def test_divided_unit_with_one_current_unit_is_rejected(units_project):
    edit(units_project, "unit_changes.csv", "20296,,20197,true,true\n", "")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/unit_changes.csv",
        line_of(units_project, "unit_changes.csv", "20296,"),
        "divided",
        "reform-unit-division",
    )
    assert problem.message.startswith("Former unit 20296 is marked divided=true but goes to one current unit only")


def test_undivided_unit_with_two_current_units_is_rejected_at_the_second(units_project):
    first = edit(units_project, "unit_changes.csv", "20296,,20194,true,false", "20296,,20194,false,false")
    second = edit(units_project, "unit_changes.csv", "20296,,20197,true,true", "20296,,20197,false,true")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/unit_changes.csv",
        second,
        "divided",
        "reform-unit-division",
    )
    assert problem.message.startswith(
        f"Former unit 20296 is marked divided=false but goes to 2 current units (lines {first}, {second})"
    )


def test_island_district_is_one_former_unit(units_project):
    line = add(units_project, "unit_changes.csv", ",498,20242,false,false")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.rule) == (f"{UNITS}/unit_changes.csv", line, "reform-unit-division")
    assert problem.message.startswith("Island district 498 is marked divided=false but goes to 2 current units")


def test_rows_of_one_former_unit_must_agree_on_divided(units_project):
    first = line_of(units_project, "unit_changes.csv", "20296,")
    line = edit(units_project, "unit_changes.csv", "20296,,20197,true,true", "20296,,20197,false,true")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/unit_changes.csv",
        line,
        "divided",
        "reform-unit-division",
    )
    assert problem.message.startswith(f"Former unit 20296 is marked divided=false here but divided=true on line {first}")


def test_two_main_successors_are_rejected_at_the_second(units_project):
    first = edit(units_project, "unit_changes.csv", "20296,,20194,true,false", "20296,,20194,true,true")
    second = line_of(units_project, "unit_changes.csv", "20296,,20197,")
    problem = the_one(units_project)
    assert (problem.path, problem.line, problem.field, problem.rule) == (
        f"{UNITS}/unit_changes.csv",
        second,
        "is_main",
        "reform-several-main-successors",
    )
    assert problem.message.startswith(f"Former unit 20296 has is_main=true on 2 rows (lines {first}, {second})")


def test_a_main_successor_may_be_left_unsaid(units_project):
    edit(units_project, "unit_changes.csv", "20296,,20197,true,true", "20296,,20197,true,")
    assert problems(units_project) == []


# Totals, for the registry's own import only


def cite(project: Path, version: str) -> None:
    """Make the fixture's descriptor cite the registry at `version`, as the import writes it."""
    path = units_file(project, "datapackage.json")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    original = json.loads((REPO / UNITS / "datapackage.json").read_text(encoding="utf-8"))
    for described, written in zip((descriptor, *descriptor["resources"]), (original, *original["resources"]), strict=True):
        described["sources"] = json.loads(json.dumps(written["sources"]).replace("1.0.4", version))
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def test_a_fixture_citing_the_registry_must_have_its_totals(units_project):
    cite(units_project, REGISTRY_TOTALS_SOURCE[1])
    every = found(units_project)
    assert [(p.path, p.line, p.rule) for p in every] == [
        (f"{UNITS}/districts.csv", None, "reform-registry-total"),
        (f"{UNITS}/units_after.csv", None, "reform-registry-total"),
        (f"{UNITS}/units_before.csv", None, "reform-registry-total"),
    ]
    assert every[0].message.startswith("This file has 4 rows, but vietnamadminunits 1.0.4 lists 696 districts")
    assert "10,035 commune-level units of 30 June 2025" in every[2].message


def test_another_registry_version_asks_for_the_totals_to_be_checked(units_project):
    cite(units_project, "1.0.5")
    every = found(units_project)
    assert {(p.path, p.line, p.rule) for p in every} == {
        (f"{UNITS}/{name}.csv", None, "reform-registry-total") for name in REGISTRY_TOTALS
    }
    assert all("cites vietnamadminunits 1.0.5, but the expected totals" in p.message for p in every)


# Each rule reports its own error type


RULE_CASES = {
    "reform-unit-province-era": ("districts.csv", "urban_district,p63-48\n492", "urban_district,p63-47\n492"),
    "reform-former-unit-without-successor": ("unit_changes.csv", "20195,,20194,false,true\n", ""),
    "reform-unit-division": ("unit_changes.csv", "20296,,20197,true,true\n", ""),
    "reform-several-main-successors": ("unit_changes.csv", "20296,,20194,true,false", "20296,,20194,true,true"),
}


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_each_units_rule_reports_its_own_error_type(units_project, rule):
    name, old, new = RULE_CASES[rule]
    edit(units_project, name, old, new)
    assert {p.rule for p in found(units_project)} == {rule}
