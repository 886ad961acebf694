"""Our rules, written as frictionless checks so they run in the same pass as the schema
validation and report rows the same way. One module per rule, each with its own error type
(code and title), as frictionless/checks/ does. A check looks only at the resource it is
about; what it needs from other resources (province lifetimes, figure ids) it gets as `context`.

- base.py: the shared guard, the raw cells, the error base classes
- partial_dates.py: reading a period bound, the earliest year, today (shared by the date rules)
- text_keys.py: text, numbers and addresses as the duplicate rules compare them
- formula_cells.py: no text cell starts like a spreadsheet formula
- number_syntax.py: every number is a plain finite decimal (no NaN, inf, 1e400, 1_2, 1,000)
- control_characters.py: no control, bidirectional-override or noncharacter code point
- unicode_nfc.py: text is in Unicode NFC
- invisible_characters.py: no invisible format character (Cf) in a name, title, slug or id
- mixed_scripts.py: no name or address host mixing Latin with Cyrillic or Greek letters
- identifiers.py: ids, slugs and unit codes match their patterns, in code whatever the schema says
- number_range.py: every number is below 10^15, what the site shows exactly
- calendar_dates.py: dates and period bounds are real calendar dates from 1900 on
- period_order.py: a period does not end before it starts
- future_dates.py: nothing is dated after today
- measure_values.py: a value fits its measure (counts >= 0 and whole, percent 0-100, rank >= 1)
- https_links.py: every link is https://
- language_codes.py: ISO 639-1 language codes
- quote_present.py: every figure has its quote
- figure_lifetime.py: a figure's period lies within its province's lifetime
- duplicate_figures.py: no figure recorded twice (spacing, Unicode form and 11 vs 11.0 aside)
- duplicate_sources.py: no document recorded as two sources (same address)
- figures_add_up.py: before − reduction = after
- disagreement_figures.py: a disagreement names existing figures
- page_addresses.py: no slug or id takes a reserved page's address or another's
- units_common.py: what the units rules share (cells by name, the files are generated, which registry they cite)
- units_provinces.py: a unit's province exists in reform/provinces.csv and is of the unit's era
- units_former_successors.py: every former unit went to at least one current unit
- units_current_predecessors.py: every current unit came from at least one former unit
- units_division.py: divided=true means two or more current units, false exactly one
- units_main_successor.py: at most one main successor per former unit
- units_registry_totals.py: as many units as the registry lists (only the registry's own import)
"""

from __future__ import annotations

import datetime as dt

from frictionless import Checklist

from site_builder.dataset.reading import Table
from site_builder.validate.checks import partial_dates
from site_builder.validate.checks.base import is_reform_error
from site_builder.validate.checks.calendar_dates import calendar_dates
from site_builder.validate.checks.control_characters import no_control_characters
from site_builder.validate.checks.disagreement_figures import disagreement_figures_exist
from site_builder.validate.checks.duplicate_figures import no_duplicate_figures
from site_builder.validate.checks.duplicate_sources import no_duplicate_source_urls
from site_builder.validate.checks.figure_lifetime import figure_within_lifetime
from site_builder.validate.checks.figures_add_up import figures_add_up
from site_builder.validate.checks.formula_cells import no_formula_cells
from site_builder.validate.checks.future_dates import no_future_dates
from site_builder.validate.checks.https_links import https_links
from site_builder.validate.checks.identifiers import identifiers_match
from site_builder.validate.checks.invisible_characters import no_invisible_characters
from site_builder.validate.checks.language_codes import language_codes
from site_builder.validate.checks.measure_values import measure_values
from site_builder.validate.checks.mixed_scripts import one_script_per_name
from site_builder.validate.checks.number_range import numbers_in_range
from site_builder.validate.checks.number_syntax import plain_numbers
from site_builder.validate.checks.page_addresses import page_addresses_free
from site_builder.validate.checks.period_order import period_in_order
from site_builder.validate.checks.quote_present import quote_not_empty
from site_builder.validate.checks.unicode_nfc import text_in_nfc
from site_builder.validate.checks.units_current_predecessors import current_unit_has_predecessor
from site_builder.validate.checks.units_division import division_matches_links
from site_builder.validate.checks.units_former_successors import former_unit_has_successor
from site_builder.validate.checks.units_main_successor import one_main_successor
from site_builder.validate.checks.units_provinces import unit_province_of_its_era
from site_builder.validate.checks.units_registry_totals import registry_totals

__all__ = ["checklist", "is_reform_error"]


def province_lifetimes(table: Table) -> dict[str, tuple[str, str, str]]:
    """id -> (valid_from, valid_to, name) of another package's provinces table (as "provinces" below)."""
    return {
        row.get("id", ""): (row.get("valid_from", ""), row.get("valid_to", ""), row.get("name_en") or row.get("id", ""))
        for _, row in table.records()
    }


def rule_context(tables: dict[str, Table], today: dt.date | None = None, reform_provinces: Table | None = None) -> dict:
    """What the rules need from other resources than the one they check, and today's date
    (`today`, for tests; the clock's by default, see partial_dates.current_day); `reform_provinces`
    is the reform package's provinces table, which the units package's province ids name."""
    provinces, successors, figure_ids, units = {}, {}, set(), {}
    if "provinces" in tables:
        for _, row in tables["provinces"].records():
            provinces[row.get("id", "")] = (
                row.get("valid_from", ""),
                row.get("valid_to", ""),
                row.get("name_en") or row.get("id", ""),
            )
    if "successions" in tables:
        successors = {row.get("predecessor_id", ""): row.get("successor_id", "") for _, row in tables["successions"].records()}
    if "figures" in tables:
        figure_ids = {row.get("id", "") for _, row in tables["figures"].records()}
    if "indicators" in tables:
        units = {row.get("id", ""): row.get("unit", "").strip() for _, row in tables["indicators"].records()}
    line_of = tables["figures"].line_of if "figures" in tables else None
    changes = tables["unit_changes"].records() if "unit_changes" in tables else None
    return {
        "provinces": provinces,
        "successors": successors,
        "figure_ids": figure_ids,
        "line_of": line_of,
        "lines": {name: table.line_of for name, table in tables.items()},
        "indicator_units": units,
        "today": today or partial_dates.current_day(),
        "reform_provinces": province_lifetimes(reform_provinces) if reform_provinces is not None else None,
        "former_codes": {row.get("former_code", "") for _, row in changes} if changes is not None else None,
        "current_codes": {row.get("current_code", "") for _, row in changes} if changes is not None else None,
        "row_counts": {name: sum(1 for row in table.rows if any(cell.strip() for cell in row)) for name, table in tables.items()},
    }


def checklist(
    tables: dict[str, Table], today: dt.date | None = None, reform_provinces: Table | None = None, whole: dict | None = None
) -> Checklist:
    """Every rule of ours, ready for one frictionless validation pass over the package; `today`
    is the date after which nothing may be dated (the clock's by default); `reform_provinces`:
    see rule_context (given when validating the units package). `whole`: context values of a
    table given here only in part (its suspect rows, see validate/columnar/), taken from the
    whole table: "figure_ids" and "row_counts" (merged by resource)."""
    context = rule_context(tables, today, reform_provinces)
    if whole:
        context["row_counts"] = {**context["row_counts"], **whole.get("row_counts", {})}
        context.update({key: value for key, value in whole.items() if key != "row_counts"})
    return Checklist(
        checks=[
            no_formula_cells(),
            plain_numbers(),
            numbers_in_range(),
            no_control_characters(),
            no_invisible_characters(),
            one_script_per_name(),
            identifiers_match(),
            text_in_nfc(),
            calendar_dates(),
            period_in_order(),
            no_future_dates(context=context),
            measure_values(context=context),
            https_links(),
            language_codes(),
            quote_not_empty(),
            figure_within_lifetime(context=context),
            no_duplicate_figures(context=context),
            no_duplicate_source_urls(context=context),
            figures_add_up(context=context),
            disagreement_figures_exist(context=context),
            page_addresses_free(context=context),
            unit_province_of_its_era(context=context),
            former_unit_has_successor(context=context),
            current_unit_has_predecessor(context=context),
            division_matches_links(context=context),
            one_main_successor(context=context),
            registry_totals(context=context),
        ]
    )
