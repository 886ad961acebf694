"""A former unit has at most one main successor: is_main=true on at most one of its rows."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import REIMPORT, UnitsCheck, cell_error, former_unit, lines_of, remember


class SeveralMainSuccessorsError(ReformCellError):
    type = "reform-several-main-successors"
    title = "Several main successors"


@attrs.define(kw_only=True, repr=False)
class one_main_successor(UnitsCheck):
    """At most one row per former unit with is_main=true (empty: the registry does not say).
    context = {"lines": resource name -> (row number -> physical line)}."""

    type = "reform-one-main-successor"
    Errors = [SeveralMainSuccessorsError]
    resource_name = "unit_changes"
    fields = ("former_code", "former_district_code")
    context: Any = None
    mains: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        if "is_main" in row.field_names and row["is_main"] is True:
            key, named = former_unit(cells)
            self.mains.setdefault(key, (named, []))[1].append(remember(row))

    def check_end(self):
        for named, links in self.mains.values():
            if len(links) > 1:
                yield cell_error(
                    SeveralMainSuccessorsError,
                    links[1],
                    "is_main",
                    (
                        f"{named} has is_main=true on {len(links)} rows (lines {lines_of(self.context, links)}); only the "
                        f"current unit that took the main part of it is the main one; {REIMPORT}."
                    ),
                )


def _two_mains(rows):
    counts = Counter(row["former_code"] for row in rows)
    for row in [row for row in rows if row["former_code"] and counts[row["former_code"]] > 1][:2]:
        row["is_main"] = "true"


RULE = Rule(
    error=SeveralMainSuccessorsError,
    fix=REIMPORT,
    check=one_main_successor,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "unit_changes", _two_mains),
    uses_context=True,
)
