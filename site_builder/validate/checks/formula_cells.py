"""No text cell starts like a spreadsheet formula."""

from __future__ import annotations

import attrs

from site_builder.dataset.vocabulary import FORMULA_START
from site_builder.validate.checks.base import ReformCellError, ReformCheck


class FormulaCellError(ReformCellError):
    type = "reform-formula-cell"
    title = "Formula in a text cell"


@attrs.define(kw_only=True, repr=False)
class no_formula_cells(ReformCheck):
    """No text cell starts with = + - @, a tab or a carriage return (Excel would run it as a formula)."""

    type = "reform-no-formula"
    Errors = [FormulaCellError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if field.type == "string" and text.startswith(FORMULA_START):
                shown = repr(text[0])[1:-1]
                yield FormulaCellError.from_row(row, field_name=field.name, note=(
                    f"{field.name} starts with \"{shown}\", which a spreadsheet runs as a formula; "
                    f"reword it so it starts with a letter or digit."))
