"""Every rule of ours is one module that declares it (checks/rule.py), and both validation paths
report each rule's fault the same way on the repository's own data.

For each registered rule, its fault example is made on a copy of datapackages/ and the copy is
validated twice: by the exact path alone and with the columnar path forced on (its size
threshold at 0), so DuckDB scans the real figures.csv. A rule without a fault example fails here.
"""

from __future__ import annotations

import csv
import importlib
import inspect
import io
import pkgutil
import re
import shutil

import pytest

from helpers import REPO
from helpers import validated_by_path as validated
from site_builder.validate import checks
from site_builder.validate.checks import checklist, rules
from site_builder.validate.checks.base import ReformCheck
from site_builder.validate.checks.rule import Rule

RULES = rules()


def rule_modules() -> dict[str, object]:
    """Module name -> module, for each module of checks/ that defines a check of ours."""
    found = {}
    for info in pkgutil.iter_modules(checks.__path__):
        module = importlib.import_module(f"{checks.__name__}.{info.name}")
        defined = [v for v in vars(module).values() if inspect.isclass(v) and v.__module__ == module.__name__]
        if any(issubclass(v, ReformCheck) and v.__dict__.get("type") for v in defined):
            found[info.name] = module
    return found


def test_every_module_with_a_check_declares_its_rule():
    modules = rule_modules()
    assert {name for name, module in modules.items() if not isinstance(getattr(module, "RULE", None), Rule)} == set()
    assert len(RULES) == len(modules) == len({rule.code for rule in RULES})


def test_the_checklist_is_the_registered_rules():
    types = [check.type for check in checklist({}).checks]
    assert types == [rule.check.type for rule in RULES]


def test_every_rule_says_how_the_columnar_path_stands_for_it():
    for rule in RULES:
        form = rule.columnar
        assert form.elsewhere or any((form.cell, form.row, form.bound, form.period, form.suspects, form.context)), rule.code
        assert rule.fix and rule.title, rule.code
        assert rule.check.Errors == [rule.error], rule.code  # the check reports the error its RULE names


def edit_table(path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        names, rows = reader.fieldnames, list(reader)
    edit(rows)
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def faulty_copy(rule: Rule, tmp_path):
    """datapackages/ with the rule's fault (the reform package alone, unless it is about units)."""
    fault = rule.fault
    data = tmp_path / "datapackages"
    for package in dict.fromkeys(["reform", fault.package]):
        shutil.copytree(REPO / "datapackages" / package, data / package)
    for resource, edit in {fault.resource: fault.edit, **fault.also}.items():
        edit_table(data / fault.package / f"{resource}.csv", edit)
    return data


# Builds large data: left out of `make check` (the full suite runs it).
@pytest.mark.slow
def test_the_repository_data_is_clean_by_both_paths(monkeypatch):
    exact, used_exact = validated(REPO / "datapackages", monkeypatch, columnar_on=False)
    fast, used_columnar = validated(REPO / "datapackages", monkeypatch, columnar_on=True)
    assert exact == fast == [] and used_columnar and not used_exact


@pytest.mark.slow
@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_each_rule_fault_is_reported_the_same_by_both_paths(rule, tmp_path, monkeypatch):
    if rule.fault is None:
        pytest.fail(f"{rule.code} has no fault example: give its RULE a Fault that breaks it")
    data = faulty_copy(rule, tmp_path)

    exact, _ = validated(data, monkeypatch, columnar_on=False)
    assert rule.code in {p.rule for p in exact}, exact
    if rule.fault.package == "units":
        return  # the units package has one path (exact, 40-90 s here): a second run would repeat it
    fast, used_columnar = validated(data, monkeypatch, columnar_on=True)

    assert fast == exact
    assert used_columnar  # figures.csv went through DuckDB


def test_the_validator_reads_data_files_only_through_dataset():
    # dataset/ is the one reader of datapackages/ (its safety checks, its line numbers): the
    # validator, columnar path included, never opens a file or points DuckDB at one itself.
    code = re.compile(r"\bopen\(|\.read_(text|bytes)\(|\bread_csv\(|\bos\.stat\(")
    for path in sorted((REPO / "site_builder" / "validate").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text = line.split("#")[0]
            assert not code.search(text), f"{path}:{number}: {line.strip()}"
