"""Every former unit went somewhere: each code of units_before is a former_code in unit_changes."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.units_common import REIMPORT, UnitsCheck


class FormerUnitWithoutSuccessorError(ReformCellError):
    type = "reform-former-unit-without-successor"
    title = "Former unit without a successor"


@attrs.define(kw_only=True, repr=False)
class former_unit_has_successor(UnitsCheck):
    """A unit of 30 June 2025 appears as former_code in unit_changes.csv.
    context = {"former_codes": set of unit_changes' former_code, None without that resource}."""

    type = "reform-former-unit-has-successor"
    Errors = [FormerUnitWithoutSuccessorError]
    fields = ("code", "full_name")
    resource_name = "units_before"
    context: Any = None

    def applies(self) -> bool:
        return super().applies() and (self.context or {}).get("former_codes") is not None

    def check_row(self, row, cells):
        code = cells.get("code", "")
        if code and code not in self.context["former_codes"]:
            yield FormerUnitWithoutSuccessorError.from_row(
                row,
                field_name="code",
                note=(
                    f"{cells.get('full_name') or 'The unit'} ({code}) is not a former_code in unit_changes.csv: every unit "
                    f"of 30 June 2025 went to at least one current unit; {REIMPORT}."
                ),
            )
