"""Our own rules, written as frictionless checks so they run in the same pass as the schema
validation and report rows the same way. Each check looks only at the resource it is about;
what it needs from other resources (province lifetimes, figure ids) it gets as `context`.
"""

from __future__ import annotations

import calendar
import numbers
from datetime import date
from typing import Any
from urllib.parse import urlparse

import attrs
from frictionless import Check, errors

FORMULA_START = ("=", "+", "-", "@")
# ISO 639-1: the two-letter language codes.
LANGUAGES = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki
kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr
nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())


class RuleError(errors.CellError):
    type = "reform-rule"
    title = "Reform data rule"
    description = "A rule of the reform data packages (site_builder/validate/rules.py)."
    template = "{note}"


class RowRuleError(errors.RowError):
    type = "reform-row-rule"
    title = "Reform data rule"
    description = "A rule of the reform data packages (site_builder/validate/rules.py)."
    template = "{note}"


def raw_cells(row) -> dict[str, str]:
    """The row's cells as the contributor typed them."""
    return {name: (row.cells[i] if i < len(row.cells) and row.cells[i] is not None else "") for i, name in enumerate(row.field_names)}


def cell_error(row, field: str, note: str) -> RuleError:
    return RuleError.from_row(row, note=note, field_name=field)


class ReformCheck(Check):
    """A check that applies to one resource (`resource_name`), or to all if it is empty."""

    resource_name = ""

    def applies(self) -> bool:
        return not self.resource_name or self.resource.name == self.resource_name


@attrs.define(kw_only=True, repr=False)
class no_formula_cells(ReformCheck):
    """No text cell starts with = + - @ (Excel would run it as a formula)."""

    type = "reform-no-formula"
    Errors = [RuleError]

    def validate_row(self, row):
        if not self.applies():
            return
        cells = raw_cells(row)
        for field in row.fields:
            text = cells.get(field.name, "")
            if field.type == "string" and text.startswith(FORMULA_START):
                yield cell_error(row, field.name, f"{field.name} starts with \"{text[0]}\", which a spreadsheet runs as a formula; "
                                 f"reword it so it starts with a letter or digit.")


@attrs.define(kw_only=True, repr=False)
class https_links(ReformCheck):
    """Every `url` cell is an https:// address (no http:, javascript:, data:, relative links)."""

    type = "reform-https-links"
    Errors = [RuleError]

    def validate_row(self, row):
        if not self.applies():
            return
        cells = raw_cells(row)
        for field in row.fields:
            if field.name != "url" and field.format != "uri":
                continue
            text = cells.get(field.name, "").strip()
            if not text:
                continue
            parsed = urlparse(text)
            if parsed.scheme.lower() != "https" or not parsed.netloc:
                yield cell_error(row, field.name, f"{field.name} \"{text[:80]}\" is not an https:// address; "
                                 f"links must start with https:// (no http:, javascript: or relative links).")


@attrs.define(kw_only=True, repr=False)
class language_codes(ReformCheck):
    """Language cells hold a lower-case ISO 639-1 code (en, vi, pl, nl ...)."""

    type = "reform-language-codes"
    Errors = [RuleError]
    resource_name = "sources"
    fields: tuple = ("language", "translated_from")

    def validate_row(self, row):
        if not self.applies():
            return
        cells = raw_cells(row)
        for name in self.fields:
            text = cells.get(name, "")
            if text and text not in LANGUAGES:
                yield cell_error(row, name, f"{name} \"{text}\" is not an ISO 639-1 language code; use two lower-case letters such as vi, en, pl, nl.")


@attrs.define(kw_only=True, repr=False)
class quote_not_empty(ReformCheck):
    """Every figure carries the sentence it came from."""

    type = "reform-quote-not-empty"
    Errors = [RuleError]
    resource_name = "figures"

    def validate_row(self, row):
        if self.applies() and row.cells and not raw_cells(row).get("quote", "").strip():
            yield cell_error(row, "quote", "quote is empty; copy the sentence the figure comes from, verbatim, in the source's language.")


def period_bounds(text: str) -> tuple[date, date] | None:
    """'2025' -> (1 Jan, 31 Dec 2025); '2025-07' -> the month; '2025-07-01' -> that day."""
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        if len(parts) == 3:
            day = date(*parts)
            return day, day
    except (ValueError, TypeError):
        return None
    return None


@attrs.define(kw_only=True, repr=False)
class figure_within_lifetime(ReformCheck):
    """A figure's period lies within the lifetime of the province it is recorded for.

    context = {"provinces": {id: (valid_from, valid_to, name)}, "successors": {old id: new id}}.
    A period overlapping the lifetime is accepted ('2025' for a province that ended on 30 June 2025).
    """

    type = "reform-figure-lifetime"
    Errors = [RuleError]
    resource_name = "figures"
    context: Any = None

    def validate_row(self, row):
        if not self.applies():
            return
        cells = raw_cells(row)
        province = self.context["provinces"].get(cells.get("province_id", ""))
        if province is None:
            return  # the foreign key check reports it
        valid_from, valid_to, name = province
        # A malformed date in provinces.csv is reported there by the schema; judge nothing by it.
        first, last = period_bounds(valid_from or ""), period_bounds(valid_to or "")
        start = first[0] if first else date.min
        end = last[1] if last else date.max
        for field in ("period_start", "period_end"):
            bounds = period_bounds(cells.get(field, ""))
            if bounds is None:
                continue
            if bounds[1] < start:
                yield cell_error(row, field, f"{field} {cells[field]} is before {name} ({cells['province_id']}) existed "
                                 f"(from {valid_from}); record the figure for the province that existed then.")
            elif bounds[0] > end:
                successor = self.context["successors"].get(cells["province_id"])
                hint = f"; record it for its successor {successor}" if successor else ""
                yield cell_error(row, field, f"{field} {cells[field]} is after {name} ({cells['province_id']}) ceased to exist "
                                 f"on {valid_to}{hint}.")


FIGURE_KEY = ("province_id", "indicator_id", "measure", "area", "period_start", "period_end", "source_id", "value")


@attrs.define(kw_only=True, repr=False)
class figures_consistent(ReformCheck):
    """No duplicate figure; before − reduction = after where all three are given for one
    province, indicator, area and period."""

    type = "reform-figures-consistent"
    Errors = [RowRuleError]
    resource_name = "figures"
    context: Any = None  # {"line_of": row number -> physical line}
    seen: dict = attrs.field(factory=dict)
    groups: dict = attrs.field(factory=dict)

    def validate_row(self, row):
        if not self.applies() or not row.cells:
            return
        cells = raw_cells(row)
        key = tuple(cells.get(name, "").strip() for name in FIGURE_KEY)
        if key in self.seen:
            yield RowRuleError.from_row(row, note=f"The same figure as line {self._line(self.seen[key])} (same province, indicator, measure, "
                                                  f"area, period, source and value); remove one of them.")
        else:
            self.seen[key] = row.row_number
        group = (cells.get("province_id"), cells.get("indicator_id"), cells.get("area"), cells.get("period_start"), cells.get("period_end"))
        if cells.get("measure") in ("count_before", "reduction", "count_after"):
            value = row.get("value")
            # A value that is not a number is reported by the schema's type check.
            number = value if isinstance(value, numbers.Number) and not isinstance(value, bool) else None
            self.groups.setdefault(group, {})[cells["measure"]] = (row.row_number, number, list(row.cells))

    def _line(self, row_number: int) -> int:
        line_of = (self.context or {}).get("line_of")
        return line_of(row_number) if line_of else row_number

    def validate_end(self):
        if not self.applies():
            return
        for group, measures in self.groups.items():
            if len(measures) < 3 or any(m[1] is None for m in measures.values()):
                continue
            before, reduction, after = (measures[m][1] for m in ("count_before", "reduction", "count_after"))
            if before - reduction != after:
                number, _, cells = measures["count_after"]
                yield RowRuleError(
                    note=f"Count before {before:g} − reduction {reduction:g} = {before - reduction:g}, but the count after is "
                         f"{after:g} (lines {self._line(measures['count_before'][0])}, {self._line(measures['reduction'][0])}, {self._line(number)}); check the three figures "
                         f"against the source, and if the source itself does not add up, record it in disagreements.csv.",
                    cells=[str(c) for c in cells], row_number=number)


@attrs.define(kw_only=True, repr=False)
class disagreement_figures_exist(ReformCheck):
    """Every id in disagreements.figure_ids is a figure. context = {"figure_ids": set}."""

    type = "reform-disagreement-figures"
    Errors = [RuleError]
    resource_name = "disagreements"
    context: Any = None

    def validate_row(self, row):
        if not self.applies():
            return
        ids = raw_cells(row).get("figure_ids", "").split()
        unknown = [i for i in ids if i not in self.context["figure_ids"]]
        if unknown:
            yield cell_error(row, "figure_ids", f"figure_ids names {', '.join(unknown)}, which figures.csv does not have; "
                             f"list existing figure ids separated by spaces.")
