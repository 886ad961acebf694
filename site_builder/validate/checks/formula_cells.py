"""No text cell starts like a spreadsheet formula, nor does any line inside it (a program that
reads the file line by line, or a spreadsheet that splits on a lone carriage return, sees each
line of a multi-line cell as a row of its own)."""

from __future__ import annotations

import re

import attrs

from site_builder.dataset.vocabulary import FORMULA_START
from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, literal

LINE_BREAK = re.compile(r"\r\n|\r|\n")


# The fix every problem of this rule gives (its RULE declares it).
FIX = "reword it so it starts with a letter or digit"


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
            if field.type != "string":
                continue
            for number, line in enumerate(LINE_BREAK.split(cells.get(field.name, ""))):
                if line.startswith(FORMULA_START):
                    shown = repr(line[0])[1:-1]
                    where = "starts" if number == 0 else f"has a line ({number + 1}) that starts"
                    yield FormulaCellError.from_row(
                        row,
                        field_name=field.name,
                        note=(f'{field.name} {where} with "{shown}", which a spreadsheet runs as a formula; {FIX}.'),
                    )
                    break


# Formula starts but tab and carriage return, which are never plain characters (characters.py).
FORMULA_FIRST = ", ".join(literal(s) for s in FORMULA_START if s not in "\t\r")


def clear_of_formulas(field: dict, free: bool, implied: bool) -> list[str]:
    """A text cell of one line that does not start like a formula; a cell of a pattern (printable
    ASCII on one line, see predicates.SIMPLE_PATTERN) needs only its first character checked."""
    c = column(field["name"])
    if free:
        return [f"NOT contains({c}, chr(10))", f"left({c}, 1) NOT IN ({FORMULA_FIRST})"]
    return [f"left({c}, 1) NOT IN ({FORMULA_FIRST})"] if "pattern" in (field.get("constraints") or {}) else []


def _formula(rows):
    rows[3]["notes"] = "=SUM(A1) of the cases"


RULE = Rule(
    error=FormulaCellError,
    fix=FIX,
    check=no_formula_cells,
    columnar=Columnar(cell=clear_of_formulas),
    fault=Fault("reform", "figures", _formula),
    explains_the_value=True,
)
