"""A disagreement names figures that exist."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck


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
                note=(
                    f"figure_ids names {', '.join(unknown)}, which figures.csv does not have; "
                    f"list existing figure ids separated by spaces."
                ),
            )
