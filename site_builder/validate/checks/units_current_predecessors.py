"""Every current unit came from somewhere: each code of units_after is a current_code in unit_changes."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import REIMPORT, LinkedUnitCheck


class CurrentUnitWithoutPredecessorError(ReformCellError):
    type = "reform-current-unit-without-predecessor"
    title = "Current unit without a predecessor"


@attrs.define(kw_only=True, repr=False)
class current_unit_has_predecessor(LinkedUnitCheck):
    """A unit since 1 July 2025 appears as current_code in unit_changes.csv.
    context = {"current_codes": set of unit_changes' current_code, None without that resource}."""

    type = "reform-current-unit-has-predecessor"
    Errors = [CurrentUnitWithoutPredecessorError]
    resource_name = "units_after"
    codes_key = "current_codes"
    missing_link_error = CurrentUnitWithoutPredecessorError
    context: Any = None

    def sentence(self, name: str, code: str) -> str:
        return f"{name} ({code}) is not a current_code in unit_changes.csv: every unit since 1 July 2025 was formed from at least one former unit (or an island district); {REIMPORT}."


def _no_predecessor(rows):
    rows.append({**rows[0], "code": "99999"})


RULE = Rule(
    error=CurrentUnitWithoutPredecessorError,
    fix=REIMPORT,
    check=current_unit_has_predecessor,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "units_after", _no_predecessor),
    uses_context=True,
)
