"""Every former unit went somewhere: each code of units_before is a former_code in unit_changes."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import REIMPORT, LinkedUnitCheck


class FormerUnitWithoutSuccessorError(ReformCellError):
    type = "reform-former-unit-without-successor"
    title = "Former unit without a successor"


@attrs.define(kw_only=True, repr=False)
class former_unit_has_successor(LinkedUnitCheck):
    """A unit of 30 June 2025 appears as former_code in unit_changes.csv.
    context = {"former_codes": set of unit_changes' former_code, None without that resource}."""

    type = "reform-former-unit-has-successor"
    Errors = [FormerUnitWithoutSuccessorError]
    resource_name = "units_before"
    codes_key = "former_codes"
    missing_link_error = FormerUnitWithoutSuccessorError
    context: Any = None

    def sentence(self, name: str, code: str) -> str:
        return f"{name} ({code}) is not a former_code in unit_changes.csv: every unit of 30 June 2025 went to at least one current unit; {REIMPORT}."


def _no_successor(rows):
    rows.append({**rows[0], "code": "99998"})


RULE = Rule(
    error=FormerUnitWithoutSuccessorError,
    fix=REIMPORT,
    check=former_unit_has_successor,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "units_before", _no_successor),
    uses_context=True,
)
