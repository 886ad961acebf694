"""A former unit's `divided` matches its rows in unit_changes: a divided unit went to two or more
current units, an undivided one to exactly one, and all its rows say the same."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import REIMPORT, UnitsCheck, cell_error, former_unit, lines_of, remember


class DivisionMismatchError(ReformCellError):
    type = "reform-unit-division"
    title = "divided does not match the former unit's rows"


@attrs.define(kw_only=True, repr=False)
class division_matches_links(UnitsCheck):
    """divided=true: two or more rows for the former unit; false: exactly one; never both.
    context = {"lines": resource name -> (row number -> physical line)}."""

    type = "reform-unit-division-matches-links"
    Errors = [DivisionMismatchError]
    resource_name = "unit_changes"
    fields = ("former_code", "former_district_code")
    context: Any = None
    units: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        divided = row["divided"] if "divided" in row.field_names else None
        if isinstance(divided, bool):  # a value that is not a boolean is reported by the schema
            key, named = former_unit(cells)
            self.units.setdefault(key, (named, []))[1].append({**remember(row), "divided": divided})

    def check_end(self):
        for named, links in self.units.values():
            first = links[0]
            other = next((link for link in links if link["divided"] != first["divided"]), None)
            if other is not None:
                yield cell_error(
                    DivisionMismatchError,
                    other,
                    "divided",
                    (
                        f"{named} is marked divided={str(other['divided']).lower()} here but "
                        f"divided={str(first['divided']).lower()} on line {lines_of(self.context, [first])}; "
                        f"all rows of one former unit say the same; {REIMPORT}."
                    ),
                )
            elif first["divided"] and len(links) == 1:
                yield cell_error(
                    DivisionMismatchError,
                    first,
                    "divided",
                    (
                        f"{named} is marked divided=true but goes to one current unit only; a divided unit goes to "
                        f"two or more (else divided is false); {REIMPORT}."
                    ),
                )
            elif not first["divided"] and len(links) > 1:
                yield cell_error(
                    DivisionMismatchError,
                    links[1],
                    "divided",
                    (
                        f"{named} is marked divided=false but goes to {len(links)} current units (lines "
                        f"{lines_of(self.context, links)}); an undivided unit goes to exactly one; {REIMPORT}."
                    ),
                )


def _divided_once(rows):
    counts = Counter(row["former_code"] for row in rows)
    next(row for row in rows if row["former_code"] and counts[row["former_code"]] == 1)["divided"] = "true"


RULE = Rule(
    error=DivisionMismatchError,
    fix=REIMPORT,
    check=division_matches_links,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "unit_changes", _divided_once),
    uses_context=True,
)
