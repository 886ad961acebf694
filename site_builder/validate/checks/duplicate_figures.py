"""No figure is recorded twice, even if the copies differ only in spacing, Unicode form or the
way the value is written (11 and 11.0)."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCheck, ReformRowError
from site_builder.validate.checks.characters import space_class
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, literal, repeated
from site_builder.validate.checks.text_keys import number_key, text_key

FIGURE_KEY = ("province_id", "indicator_id", "measure", "area", "period_start", "period_end", "source_id", "value")


# The fix every problem of this rule gives (its RULE declares it).
FIX = "remove one of them"


class DuplicateFigureError(ReformRowError):
    type = "reform-duplicate-figure"
    title = "Duplicate figure"


@attrs.define(kw_only=True, repr=False)
class no_duplicate_figures(ReformCheck):
    """No two figures with the same province, indicator, measure, area, period, source and value.
    Text is compared as text_keys.text_key does (NFC, whitespace runs as one space, ends
    stripped), the value by its number; ids stay case-sensitive, as their patterns make them.
    context = {"line_of": row number -> physical line}."""

    type = "reform-no-duplicate-figures"
    Errors = [DuplicateFigureError]
    resource_name = "figures"
    context: Any = None
    seen: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        typed = tuple(cells.get(name, "").strip() for name in FIGURE_KEY)
        key = tuple(number_key(cells.get(name, "")) if name == "value" else text_key(cells.get(name, "")) for name in FIGURE_KEY)
        if key not in self.seen:
            self.seen[key] = (row.row_number, typed)
            return
        first, first_typed = self.seen[key]
        line = self.context["line_of"](first) if self.context.get("line_of") else first
        how = "" if typed == first_typed else " once spacing, Unicode form and the way the value is written are set aside"
        yield DuplicateFigureError.from_row(
            row,
            note=(
                f"The same figure as line {line} (same province, indicator, measure, area, period, source and value{how}); {FIX}."
            ),
        )


def single_spaced(field: dict, free: bool, implied: bool) -> list[str]:
    """A key cell of free text that text_keys.text_key leaves as it is (no white space but
    single inner spaces): its key is then the cell itself, which DuckDB compares (see
    columnar/reduced.py for the suspects' partners)."""
    if not free or field["name"] not in FIGURE_KEY:
        return []
    c, space, others = column(field["name"]), space_class(), space_class(with_blank=False)
    ascii_case = (
        f"(strlen({c}) = length({c}) AND NOT contains({c}, '  ') AND NOT starts_with({c}, ' ') AND NOT ends_with({c}, ' '))"
    )
    return [f"({ascii_case} OR NOT regexp_matches({c}, {literal('^' + space + '|' + space + '$|' + space + '{2}|' + others)}))"]


def same_figures() -> list[str]:
    """Rows whose key (the value read as a number) repeats another row's."""
    return [repeated([n for n in FIGURE_KEY if n != "value"], value_as_number=True)]


def _twin(rows):
    twin = dict(rows[3])
    twin["id"], twin["value"], twin["area"] = "twin-of-the-fourth", twin["value"] + ".0", "  "
    rows.append(twin)


RULE = Rule(
    error=DuplicateFigureError,
    fix=FIX,
    check=no_duplicate_figures,
    columnar=Columnar(cell=single_spaced, suspects=same_figures),
    fault=Fault("reform", "figures", _twin),
    uses_context=True,
)
