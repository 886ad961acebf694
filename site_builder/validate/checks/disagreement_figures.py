"""A disagreement names figures that exist."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.columnar.reduced import existing

# The fix every problem of this rule gives (its RULE declares it).
FIX = "list existing figure ids separated by spaces"


class UnknownFigureError(ReformCellError):
    type = "reform-unknown-figure"
    title = "Disagreement names an unknown figure"


@attrs.define(kw_only=True, repr=False)
class disagreement_figures_exist(ReformCheck):
    """Every id in disagreements.figure_ids is a figure. context = {"figure_ids": set}."""

    type = "reform-disagreement-figures"
    Errors = [UnknownFigureError]
    resource_name = "disagreements"
    context: Any = None

    def check_row(self, row, cells):
        unknown = [i for i in cells.get("figure_ids", "").split() if i not in self.context["figure_ids"]]
        if unknown:
            yield UnknownFigureError.from_row(
                row,
                field_name="figure_ids",
                note=(f"figure_ids names {', '.join(unknown)}, which figures.csv does not have; {FIX}."),
            )


def existing_figures(connection, tables: dict) -> dict:
    """The figure ids disagreements.csv names that the whole figures table has."""
    disagreements = tables["disagreements"].records() if "disagreements" in tables else []
    return {"figure_ids": existing(connection, "id", {i for _, row in disagreements for i in row.get("figure_ids", "").split()})}


def _unknown(rows):
    rows[0]["figure_ids"] += " no-such-figure"


RULE = Rule(
    error=UnknownFigureError,
    fix=FIX,
    check=disagreement_figures_exist,
    columnar=Columnar(context=existing_figures),
    fault=Fault("reform", "disagreements", _unknown),
    uses_context=True,
)
