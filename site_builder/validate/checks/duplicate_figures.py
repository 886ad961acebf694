"""No figure is recorded twice."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCheck, ReformRowError

FIGURE_KEY = ("province_id", "indicator_id", "measure", "area", "period_start", "period_end", "source_id", "value")


class DuplicateFigureError(ReformRowError):
    type = "reform-duplicate-figure"
    title = "Duplicate figure"


@attrs.define(kw_only=True, repr=False)
class no_duplicate_figures(ReformCheck):
    """No two figures with the same province, indicator, measure, area, period, source and value.
    context = {"line_of": row number -> physical line}."""

    type = "reform-no-duplicate-figures"
    Errors = [DuplicateFigureError]
    resource_name = "figures"
    context: Any = None
    seen: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        key = tuple(cells.get(name, "").strip() for name in FIGURE_KEY)
        if key not in self.seen:
            self.seen[key] = row.row_number
            return
        line = self.context["line_of"](self.seen[key]) if self.context.get("line_of") else self.seen[key]
        yield DuplicateFigureError.from_row(row, note=(
            f"The same figure as line {line} (same province, indicator, measure, area, period, source and value); "
            f"remove one of them."))
