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

__all__ = ["checklist", "is_reform_error"]


def rule_context(tables: dict[str, Table]) -> dict:
    """What the rules need from other resources than the one they check."""
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
    return {"provinces": provinces, "successors": successors, "figure_ids": figure_ids, "line_of": line_of, "lines": lines}


def checklist(tables: dict[str, Table]) -> Checklist:
    """Every rule of ours, ready for one frictionless validation pass over the package."""
    context = rule_context(tables)
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
    ])
