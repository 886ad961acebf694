"""Before − reduction = after, where a province, indicator, area and period have all three."""

from __future__ import annotations

import numbers
from typing import Any

import attrs

from site_builder.dataset.schema_types import is_plain_number
from site_builder.dataset.vocabulary import BALANCE_MEASURES
from site_builder.validate.checks.base import ReformCheck, ReformRowError
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, literal

# The figures that must add up share these cells.
GROUP = ("province_id", "indicator_id", "area", "period_start", "period_end")


# The fix every problem of this rule gives (its RULE declares it).
FIX = "check the three figures against the source, and if the source itself does not add up, record it in disagreements.csv"


class FiguresDoNotAddUpError(ReformRowError):
    type = "reform-figures-do-not-add-up"
    title = "Figures do not add up"


@attrs.define(kw_only=True, repr=False)
class figures_add_up(ReformCheck):
    """count_before − reduction = count_after for one province, indicator, area and period.
    context = {"line_of": row number -> physical line}."""

    type = "reform-figures-add-up"
    Errors = [FiguresDoNotAddUpError]
    resource_name = "figures"
    context: Any = None
    groups: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        if cells.get("measure") not in BALANCE_MEASURES:
            return
        group = tuple(cells.get(name) for name in GROUP)
        value = row.get("value")
        # A value that is not a plain finite number is reported by the schema or number_syntax.py.
        plain = is_plain_number(cells.get("value", ""))
        number = value if plain and isinstance(value, numbers.Number) and not isinstance(value, bool) else None
        self.groups.setdefault(group, {})[cells["measure"]] = (row.row_number, number, list(row.cells))

    def _line(self, row_number: int) -> int:
        line_of = (self.context or {}).get("line_of")
        return line_of(row_number) if line_of else row_number

    def check_end(self):
        for measures in self.groups.values():
            if len(measures) < 3 or any(m[1] is None for m in measures.values()):
                continue
            before, reduction, after = (measures[m][1] for m in BALANCE_MEASURES)
            if before - reduction == after:
                continue
            number, _, cells = measures["count_after"]
            lines = ", ".join(str(self._line(measures[m][0])) for m in BALANCE_MEASURES)
            yield FiguresDoNotAddUpError(
                note=f"Count before {before:g} − reduction {reduction:g} = {before - reduction:g}, but the count after is "
                f"{after:g} (lines {lines}); {FIX}.",
                cells=[str(c) for c in cells],
                row_number=number,
            )


def balance_groups() -> list[str]:
    """Every row of a group that has all three of the balance measures."""
    group = ", ".join(column(n) for n in GROUP)
    has_all = " AND ".join(f"bool_or(measure = {literal(m)})" for m in BALANCE_MEASURES)
    measures = ", ".join(literal(m) for m in BALANCE_MEASURES)
    return [
        f"SELECT idx FROM numbered JOIN (SELECT {group} FROM numbered WHERE measure IN ({measures}) "
        f"GROUP BY {group} HAVING {has_all}) USING ({group}) WHERE measure IN ({measures})"
    ]


def _does_not_add_up(rows):
    for measure, value in zip(BALANCE_MEASURES, ("10", "3", "8"), strict=True):
        row = dict(rows[0])
        row.update(id=f"adds-up-{measure.replace('_', '-')}", measure=measure, value=value, period_start="2025-07-01")
        rows.append(row)


RULE = Rule(
    error=FiguresDoNotAddUpError,
    fix=FIX,
    check=figures_add_up,
    columnar=Columnar(suspects=balance_groups),
    fault=Fault("reform", "figures", _does_not_add_up),
    uses_context=True,
)
