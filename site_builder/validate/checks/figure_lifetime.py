"""A figure belongs to a province that existed in its period."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.partial_dates import period_bounds
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, rows_where


class OutsideLifetimeError(ReformCellError):
    type = "reform-outside-lifetime"
    title = "Figure outside its province's lifetime"


def lifetime(valid_from: str, valid_to: str) -> tuple[date, date]:
    """A province's first and last day from its valid_from and valid_to (open where empty). A
    malformed date in provinces.csv is reported there by the schema; judge nothing by it."""
    first, last = period_bounds(valid_from or ""), period_bounds(valid_to or "")
    return (first[0] if first else date.min), (last[1] if last else date.max)


@attrs.define(kw_only=True, repr=False)
class figure_within_lifetime(ReformCheck):
    """A figure's period lies within the lifetime of the province it is recorded for.

    context = {"provinces": {id: (valid_from, valid_to, name)}, "successors": {old id: new id}}.
    A period overlapping the lifetime is accepted ('2025' for a province that ended on 30 June 2025).
    """

    type = "reform-figure-lifetime"
    Errors = [OutsideLifetimeError]
    resource_name = "figures"
    context: Any = None

    def check_row(self, row, cells):
        province = self.context["provinces"].get(cells.get("province_id", ""))
        if province is None:
            return  # the foreign key check reports it
        valid_from, valid_to, name = province
        start, end = lifetime(valid_from, valid_to)
        for field in ("period_start", "period_end"):
            bounds = period_bounds(cells.get(field, ""))
            if bounds is None:
                continue
            if bounds[1] < start:
                yield OutsideLifetimeError.from_row(
                    row,
                    field_name=field,
                    note=(
                        f"{field} {cells[field]} is before {name} ({cells['province_id']}) existed "
                        f"(from {valid_from}); record the figure for the province that existed then."
                    ),
                )
            elif bounds[0] > end:
                successor = self.context["successors"].get(cells["province_id"])
                hint = f"; record it for its successor {successor}" if successor else ""
                yield OutsideLifetimeError.from_row(
                    row,
                    field_name=field,
                    note=(
                        f"{field} {cells[field]} is after {name} ({cells['province_id']}) ceased to exist on {valid_to}{hint}."
                    ),
                )


def within_lifetime(name: str, today: str, lifetimes: bool) -> list[str]:
    """The bound's days meet the province's lifetime (`lifetimes`, joined by province_id)."""
    first, last = column(name + "_first"), column(name + "_last")
    return [f"{last} >= lifetimes.first", f"{first} <= lifetimes.last"] if lifetimes else []


def province_known(names: list[str], lifetimes: bool) -> list[str]:
    return ["lifetimes.id IS NOT NULL"] if lifetimes else []


def _before_it_existed(rows):
    rows_where(rows, province_id="p34")["period_end"] = "2020-01-01"


RULE = Rule(
    error=OutsideLifetimeError,
    fix="record the figure for the province that existed at the time (its successor, or its predecessor)",
    check=figure_within_lifetime,
    columnar=Columnar(bound=within_lifetime, period=province_known),
    fault=Fault("reform", "figures", _before_it_existed),
    uses_context=True,
)
