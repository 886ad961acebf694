"""Our rules, written as frictionless checks so they run in the same pass as the schema
validation and report rows the same way. One module per rule, each with its own error type
(code and title), as frictionless/checks/ does. A check looks only at the resource it is
about; what it needs from other resources (province lifetimes, figure ids) it gets as `context`.

- base.py: the shared guard, the raw cells, the error base classes
- formula_cells.py: no text cell starts like a spreadsheet formula
- https_links.py: every link is https://
- language_codes.py: ISO 639-1 language codes
- quote_present.py: every figure has its quote
- figure_lifetime.py: a figure's period lies within its province's lifetime
- duplicate_figures.py: no figure recorded twice
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

from frictionless import Checklist

from site_builder.dataset.reading import Table
from site_builder.validate.checks.base import is_reform_error
from site_builder.validate.checks.disagreement_figures import disagreement_figures_exist
from site_builder.validate.checks.duplicate_figures import no_duplicate_figures
from site_builder.validate.checks.figure_lifetime import figure_within_lifetime
from site_builder.validate.checks.figures_add_up import figures_add_up
from site_builder.validate.checks.formula_cells import no_formula_cells
from site_builder.validate.checks.https_links import https_links
from site_builder.validate.checks.language_codes import language_codes
from site_builder.validate.checks.page_addresses import page_addresses_free
from site_builder.validate.checks.quote_present import quote_not_empty
from site_builder.validate.checks.units_current_predecessors import current_unit_has_predecessor
from site_builder.validate.checks.units_division import division_matches_links
from site_builder.validate.checks.units_former_successors import former_unit_has_successor
from site_builder.validate.checks.units_main_successor import one_main_successor
from site_builder.validate.checks.units_provinces import unit_province_of_its_era
from site_builder.validate.checks.units_registry_totals import registry_totals

__all__ = ["checklist", "is_reform_error"]


def province_lifetimes(table: Table) -> dict[str, tuple[str, str, str]]:
    """id -> (valid_from, valid_to, name) of another package's provinces table (as "provinces" below)."""
    return {row.get("id", ""): (row.get("valid_from", ""), row.get("valid_to", ""), row.get("name_en") or row.get("id", ""))
            for _, row in table.records()}


def rule_context(tables: dict[str, Table], reform_provinces: Table | None = None) -> dict:
    """What the rules need from other resources than the one they check; `reform_provinces` is
    the reform package's provinces table, which the units package's province ids name."""
    provinces, successors, figure_ids = {}, {}, set()
    if "provinces" in tables:
        for _, row in tables["provinces"].records():
            provinces[row.get("id", "")] = (row.get("valid_from", ""), row.get("valid_to", ""), row.get("name_en") or row.get("id", ""))
    if "successions" in tables:
        successors = {row.get("predecessor_id", ""): row.get("successor_id", "") for _, row in tables["successions"].records()}
    if "figures" in tables:
        figure_ids = {row.get("id", "") for _, row in tables["figures"].records()}
    line_of = tables["figures"].line_of if "figures" in tables else None
    lines = {name: table.line_of for name, table in tables.items()}  # resource -> row number -> physical line
    changes = tables["unit_changes"].records() if "unit_changes" in tables else None
    return {"provinces": provinces, "successors": successors, "figure_ids": figure_ids, "line_of": line_of, "lines": lines,
            "reform_provinces": province_lifetimes(reform_provinces) if reform_provinces is not None else None,
            "former_codes": {row.get("former_code", "") for _, row in changes} if changes is not None else None,
            "current_codes": {row.get("current_code", "") for _, row in changes} if changes is not None else None,
            "row_counts": {name: sum(1 for row in table.rows if any(cell.strip() for cell in row)) for name, table in tables.items()}}


def checklist(tables: dict[str, Table], reform_provinces: Table | None = None) -> Checklist:
    """Every rule of ours, ready for one frictionless validation pass over the package
    (`reform_provinces`: see rule_context; given when validating the units package)."""
    context = rule_context(tables, reform_provinces)
    return Checklist(checks=[
        no_formula_cells(),
        https_links(),
        language_codes(),
        quote_not_empty(),
        figure_within_lifetime(context=context),
        no_duplicate_figures(context=context),
        figures_add_up(context=context),
        disagreement_figures_exist(context=context),
        page_addresses_free(context=context),
        unit_province_of_its_era(context=context),
        former_unit_has_successor(context=context),
        current_unit_has_predecessor(context=context),
        division_matches_links(context=context),
        one_main_successor(context=context),
        registry_totals(context=context),
    ])
