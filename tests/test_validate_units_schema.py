"""`site-builder validate` on the units package: frictionless checks its schema and in-package
keys; our rules check what crosses resources and packages. Each rule fails on a fixture that
breaks it, at the right file, line and error type.

Every test starts from the small valid `units_project` fixture (tests/conftest.py, its package
described in tests/units_fixture.py).
This file: the fixture itself, the repository's package and frictionless's own checks of the
schema and keys; test_validate_units.py: our rules.
"""

from __future__ import annotations

import json

import pytest

from helpers import REPO, found, problems
from site_builder.dataset.vocabulary import REGISTRY_TOTALS, REGISTRY_TOTALS_SOURCE
from site_builder.validate.checks.units_common import names_registry
from units_fixture import UNITS, add, edit

# The fixture, the repository's package and frictionless's own checks


def test_the_valid_units_fixture_has_no_problem(units_project):
    assert problems(units_project) == []


def test_the_registry_totals_are_the_repository_package_and_it_cites_their_version():
    descriptor = json.loads((REPO / UNITS / "datapackage.json").read_text(encoding="utf-8"))
    name, version = REGISTRY_TOTALS_SOURCE
    for resource in descriptor["resources"]:
        if resource["name"] in REGISTRY_TOTALS:
            assert names_registry(resource["sources"], name) == version
            rows = (REPO / UNITS / resource["path"]).read_text(encoding="utf-8").rstrip("\n").count("\n")
            assert rows == REGISTRY_TOTALS[resource["name"]]


def test_frictionless_checks_the_keys_between_the_units_resources(units_project):
    district = edit(
        units_project, "units_before.csv", "20296,Hòa Liên,Xã Hòa Liên,commune,497,", "20296,Hòa Liên,Xã Hòa Liên,commune,499,"
    )
    former = edit(units_project, "unit_changes.csv", "20293,,20194,", "20299,,20194,")
    current = add(units_project, "unit_changes.csv", "20197,,20999,true,false")
    twice = add(units_project, "units_after.csv", "20242,Hải Châu,Phường Hải Châu,ward,p34-48,7.58")
    keys = {(p.path, p.line, p.rule) for p in found(units_project)}
    assert (f"{UNITS}/units_before.csv", district, "foreign-key") in keys
    assert (f"{UNITS}/unit_changes.csv", former, "foreign-key") in keys
    assert (f"{UNITS}/unit_changes.csv", current, "foreign-key") in keys
    assert (f"{UNITS}/units_after.csv", twice, "primary-key") in keys


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("districts.csv", "492,Hải Châu", "4920,Hải Châu"),
        ("units_before.csv", "20227,Thanh Bình", "2022,Thanh Bình"),
        ("units_after.csv", "20333,Hoàng Sa", "2033A,Hoàng Sa"),
        ("unit_changes.csv", "20227,,20242,", "020227,,20242,"),
    ],
)
def test_codes_of_the_wrong_length_are_rejected_by_the_schema_pattern(units_project, name, old, new):
    # districts have 3 digits, units 5: the import writes these as patterns, and the codes that
    # name anchors and files are held to them in code too (checks/identifiers.py), which then
    # says it instead of frictionless.
    line = edit(units_project, name, old, new)
    problem = next(p for p in found(units_project) if p.rule in ("constraint-error", "reform-identifier"))
    assert (problem.path, problem.line, problem.field) == (
        f"{UNITS}/{name}",
        line,
        "code" if name != "unit_changes.csv" else "former_code",
    )
    assert "pattern" in problem.message or "digit GSO code" in problem.message
