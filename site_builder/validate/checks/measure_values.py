"""A figure's value makes sense for its measure: no negative count, no percent of 150, no rank 0.

Which units count things is decided here, from indicators.csv's `unit`: a unit counts things
(units, persons, agencies, procedures, tasks ...) unless it is an amount: a percent (any unit
starting with "percent") or one of AMOUNT_UNITS. A count's value is a whole number written in
digits, which also catches a thousands separator read as a decimal point ("1.500 personeelsleden"
typed as 1.500). An indicator whose unit is an amount that can be fractional (days, VND ...)
adds its unit to AMOUNT_UNITS.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from site_builder.dataset.schema_types import is_plain_integer, is_plain_number
from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.number_range import LIMIT

# Units whose values may be fractional: ranks, and quantities of time, money, area or length.
AMOUNT_UNITS = frozenset(
    {
        "rank",
        "days",
        "hours",
        "minutes",
        "months",
        "years",
        "VND",
        "million VND",
        "billion VND",
        "hectares",
        "km2",
        "km",
    }
)
# Measures that count something, or the change of a count: never negative.
COUNT_MEASURES = ("count", "count_before", "count_after", "reduction", "increase")
# A fall recorded as a negative increase is a reduction, and the other way round.
OPPOSITE = {"increase": "reduction", "reduction": "increase"}
# A percent of a whole lies within 0-100; an indicator whose percentages can exceed 100 says so
# by its unit: "percent of target", "percent of 2020" (only bounded below by 0).
OPEN_PERCENT = "percent of "


class MeasureValueError(ReformCellError):
    type = "reform-measure-value"
    title = "Value does not fit its measure"


def is_count_unit(unit: str) -> bool:
    """True when the indicator's unit counts whole things (see the module's docstring)."""
    return not unit.startswith("percent") and unit not in AMOUNT_UNITS


def a(measure: str) -> str:
    """'a count', 'an increase'."""
    return f"an {measure}" if measure[0] in "aeiou" else f"a {measure}"


def _number(value: Decimal) -> str:
    """-2 -> "2", 2.50 -> "2.5": the number as a contributor would type it."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def what_is_wrong(measure: str, text: str, indicator_id: str, unit: str | None) -> str | None:
    """Why `text` is not a value a figure of `measure` can have, as the problem's message; None
    when it is fine."""
    value = Decimal(text)
    if measure in COUNT_MEASURES:
        if value < 0 and measure in OPPOSITE:
            return (
                f"value {text} of {a(measure)} is negative; record it as {a(OPPOSITE[measure])}: "
                f'measure "{OPPOSITE[measure]}", value {_number(-value)}.'
            )
        if value < 0:
            return f"value {text} of {a(measure)} is negative; a count is 0 or more."
        if unit is not None and is_count_unit(unit) and not is_plain_integer(text):
            return (
                f"value {text} of {a(measure)} is not written as a whole number, but {indicator_id} counts {unit}: "
                f"write digits only, no fraction or exponent (1500, not 1.500 or 1.5e3: a dot is a decimal point here). "
                f'If amounts in "{unit}" can be fractional, add the unit to AMOUNT_UNITS in '
                f"site_builder/validate/checks/measure_values.py."
            )
    elif measure == "percent":
        if value < 0:
            return f"value {text} of a percent is negative; a percent is 0 or more (record a fall as a reduction)."
        if value > 100 and not (unit or "").startswith(OPEN_PERCENT):
            return (
                f"value {text} of a percent is above 100; a percent of a whole lies within 0-100. If the percentages "
                f"of {indicator_id} can exceed 100 (a share of a target, a growth rate), give it a unit that says of what, "
                f'e.g. "percent of target", in indicators.csv.'
            )
    elif measure == "rank":
        if not is_plain_integer(text) or value < 1:
            return f"value {text} of a rank is not a place in a ranking; a rank is a whole number from 1 (1 = first)."
    elif measure == "duration":
        if value < 0:
            return f"value {text} of a duration is negative; a duration is 0 or more."
    return None


@attrs.define(kw_only=True, repr=False)
class measure_values(ReformCheck):
    """count, count_before, count_after, reduction and increase are 0 or more, and whole where the
    indicator's unit counts things; a percent lies within 0-100 (unless the unit is "percent of
    ..."); a rank is a whole number from 1; a duration is 0 or more.
    context = {"indicator_units": {indicator id: unit}}."""

    type = "reform-measure-values"
    Errors = [MeasureValueError]
    resource_name = "figures"
    context: Any = None

    def check_row(self, row, cells):
        text = cells.get("value", "")
        if not is_plain_number(text) or abs(float(text)) >= LIMIT:
            return  # empty, not a plain number or too large: the schema, number_syntax.py or number_range.py reports it
        indicator_id = cells.get("indicator_id", "")
        unit = (self.context or {}).get("indicator_units", {}).get(indicator_id)  # None: the foreign key check reports it
        problem = what_is_wrong(cells.get("measure", ""), text, indicator_id, unit)
        if problem:
            yield MeasureValueError.from_row(row, field_name="value", note=problem)
