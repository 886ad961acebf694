"""Every current unit came from somewhere: each code of units_after is a current_code in unit_changes."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.units_common import REIMPORT, UnitsCheck


class CurrentUnitWithoutPredecessorError(ReformCellError):
    type = "reform-current-unit-without-predecessor"
    title = "Current unit without a predecessor"


@attrs.define(kw_only=True, repr=False)
class current_unit_has_predecessor(UnitsCheck):
    """A unit since 1 July 2025 appears as current_code in unit_changes.csv.
    context = {"current_codes": set of unit_changes' current_code, None without that resource}."""

    type = "reform-current-unit-has-predecessor"
    Errors = [CurrentUnitWithoutPredecessorError]
    fields = ("code", "full_name")
    resource_name = "units_after"
    context: Any = None

    def applies(self) -> bool:
        return super().applies() and (self.context or {}).get("current_codes") is not None

    def check_row(self, row, cells):
        code = cells.get("code", "")
        if code and code not in self.context["current_codes"]:
            yield CurrentUnitWithoutPredecessorError.from_row(
                row,
                field_name="code",
                note=(
                    f"{cells.get('full_name') or 'The unit'} ({code}) is not a current_code in unit_changes.csv: every unit "
                    f"since 1 July 2025 was formed from at least one former unit (or an island district); {REIMPORT}."
                ),
            )
