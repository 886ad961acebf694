"""A unit belongs to a province of its own era: a district or former unit to one of the 63
provinces of 30 June 2025, a current unit to one of the 34 since 1 July 2025, as the reform
package's provinces.csv lists them. The schema's pattern (p63-NN, p34-NN) checks the form;
this rule checks that the province exists and when it was valid."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.dataset.vocabulary import LAST_DAY_BEFORE_REFORM, REFORM_DATE
from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import UnitsCheck

FORMER, CURRENT = "former", "current"
ERA = {"districts": FORMER, "units_before": FORMER, "units_after": CURRENT}
WHAT = {
    "districts": "a district of 30 June 2025",
    "units_before": "a commune-level unit of 30 June 2025",
    "units_after": "a commune-level unit since 1 July 2025",
}
WANTED = {
    FORMER: f"one of the provinces valid to {LAST_DAY_BEFORE_REFORM} (p63-<GSO code>)",
    CURRENT: f"one of the provinces since {REFORM_DATE}, with no valid_to (p34-<code>)",
}


class ProvinceOfAnotherEraError(ReformCellError):
    type = "reform-unit-province-era"
    title = "Unit's province unknown or of another era"


def province_era(valid_to: str) -> str | None:
    """FORMER for a province that ended the day before the reform, CURRENT for one still valid."""
    return FORMER if valid_to == LAST_DAY_BEFORE_REFORM else CURRENT if not valid_to else None


@attrs.define(kw_only=True, repr=False)
class unit_province_of_its_era(UnitsCheck):
    """province_id of districts and units_before is a former province, of units_after a current one.

    context = {"reform_provinces": {id: (valid_from, valid_to, name)}, or None when the reform
    package cannot be read (that is reported once, at the units package's descriptor)}.
    """

    type = "reform-unit-province-of-its-era"
    Errors = [ProvinceOfAnotherEraError]
    fields = ("province_id",)
    context: Any = None

    def applies(self) -> bool:
        return self.resource.name in ERA and (self.context or {}).get("reform_provinces") is not None

    def check_row(self, row, cells):
        value = cells.get("province_id", "")
        if not value:
            return  # required: the schema reports it
        name = self.resource.name
        era = ERA[name]
        province = self.context["reform_provinces"].get(value)
        if province is None:
            yield ProvinceOfAnotherEraError.from_row(
                row,
                field_name="province_id",
                note=(
                    f'province_id "{value}" is not in the reform package\'s provinces.csv; {WHAT[name]} belongs to {WANTED[era]}.'
                ),
            )
            return
        valid_from, valid_to, title = province
        if province_era(valid_to) != era:
            lifetime = f"valid to {valid_to}" if valid_to else f"valid since {valid_from}"
            yield ProvinceOfAnotherEraError.from_row(
                row,
                field_name="province_id",
                note=(f'province_id "{value}" is {title}, {lifetime}; {WHAT[name]} belongs to {WANTED[era]}.'),
            )


def _former_province(rows):
    rows[0]["province_id"] = "p63-01"


RULE = Rule(
    error=ProvinceOfAnotherEraError,
    fix="give the unit a province of its era (a former unit a former province, a current unit a current one)",
    check=unit_province_of_its_era,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "units_after", _former_province),
    uses_context=True,
)
