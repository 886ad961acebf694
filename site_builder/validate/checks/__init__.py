"""Our rules, written as frictionless checks so they run in the same pass as the schema
validation and report rows the same way. One module per rule, each with its own error type
(code and title), as frictionless/checks/ does, and a RULE (rule.py) declaring everything about
it side by side; every module here with a RULE is a rule, found by `rules()` (no list to edit).
A check looks only at the resource it is about; what it needs from other resources (province
lifetimes, figure ids) it gets as `context`.

Modules that are not rules but what the rules share:
- rule.py: what a rule declares (Rule, its Columnar form, an example Fault)
- base.py: the shared guard, the raw cells, the error base classes
- partial_dates.py: reading a period bound, the earliest year, today (shared by the date rules)
- text_keys.py: text, numbers and addresses as the duplicate rules compare them
- units_common.py: what the units rules share (cells by name, the files are generated, which registry they cite)
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import pkgutil

from frictionless import Checklist

from site_builder.dataset.reading import Table
from site_builder.validate.checks import partial_dates
from site_builder.validate.checks.base import is_reform_error
from site_builder.validate.checks.rule import Rule

__all__ = ["checklist", "is_reform_error", "rules"]


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every rule: the RULE of each module of this package, in the modules' alphabetical order."""
    found = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        rule = getattr(importlib.import_module(f"{__name__}.{module}"), "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule)
    return tuple(found)


def province_lifetimes(table: Table) -> dict[str, tuple[str, str, str]]:
    """id -> (valid_from, valid_to, name) of another package's provinces table (as "provinces" below)."""
    return {
        row.get("id", ""): (row.get("valid_from", ""), row.get("valid_to", ""), row.get("name_en") or row.get("id", ""))
        for _, row in table.records()
    }


def rule_context(tables: dict[str, Table], today: dt.date | None = None, reform_provinces: Table | None = None) -> dict:
    """What the rules need from other resources than the one they check, and today's date
    (`today`, for tests; the clock's by default, see partial_dates.current_day); `reform_provinces`
    is the reform package's provinces table, which the units package's province ids name."""
    provinces = province_lifetimes(tables["provinces"]) if "provinces" in tables else {}
    successors, figure_ids, units = {}, set(), {}
    if "successions" in tables:
        successors = {row.get("predecessor_id", ""): row.get("successor_id", "") for _, row in tables["successions"].records()}
    if "figures" in tables:
        figure_ids = {row.get("id", "") for _, row in tables["figures"].records()}
    if "indicators" in tables:
        units = {row.get("id", ""): row.get("unit", "").strip() for _, row in tables["indicators"].records()}
    line_of = tables["figures"].line_of if "figures" in tables else None
    changes = tables["unit_changes"].records() if "unit_changes" in tables else None
    return {
        "provinces": provinces,
        "successors": successors,
        "figure_ids": figure_ids,
        "line_of": line_of,
        "lines": {name: table.line_of for name, table in tables.items()},
        "indicator_units": units,
        "today": today or partial_dates.current_day(),
        "reform_provinces": province_lifetimes(reform_provinces) if reform_provinces is not None else None,
        "former_codes": {row.get("former_code", "") for _, row in changes} if changes is not None else None,
        "current_codes": {row.get("current_code", "") for _, row in changes} if changes is not None else None,
        "row_counts": {name: sum(1 for row in table.rows if any(cell.strip() for cell in row)) for name, table in tables.items()},
    }


def checklist(
    tables: dict[str, Table], today: dt.date | None = None, reform_provinces: Table | None = None, whole: dict | None = None
) -> Checklist:
    """Every rule of ours, ready for one frictionless validation pass over the package; `today`
    is the date after which nothing may be dated (the clock's by default); `reform_provinces`:
    see rule_context (given when validating the units package). `whole`: context values of a
    table given here only in part (its suspect rows, see validate/columnar/), taken from the
    whole table: "figure_ids" and "row_counts" (merged by resource)."""
    context = rule_context(tables, today, reform_provinces)
    if whole:
        context["row_counts"] = {**context["row_counts"], **whole.get("row_counts", {})}
        context.update({key: value for key, value in whole.items() if key != "row_counts"})
    return Checklist(checks=[rule.make_check(context) for rule in rules()])
