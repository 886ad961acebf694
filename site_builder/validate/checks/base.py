"""What every rule of ours shares: the guard that it applies to one resource, the row's cells
as the contributor typed them, and the three kinds of error (about a cell, a row, a whole file)."""

from __future__ import annotations

from frictionless import Check, errors


class ReformCellError(errors.CellError):
    """A rule of ours about one cell; each rule subclasses it with its own type and title."""

    type = "reform-cell"
    title = "Reform data rule"
    description = "A rule of the reform data packages (site_builder/validate/checks/)."
    template = "{note}"


class ReformRowError(errors.RowError):
    """A rule of ours about a whole row; each rule subclasses it with its own type and title."""

    type = "reform-row"
    title = "Reform data rule"
    description = "A rule of the reform data packages (site_builder/validate/checks/)."
    template = "{note}"


class ReformTableError(errors.TableError):
    """A rule of ours about a whole file (no line); each rule subclasses it with its own type and title."""

    type = "reform-table"
    title = "Reform data rule"
    description = "A rule of the reform data packages (site_builder/validate/checks/)."
    template = "{note}"


def is_reform_error(error) -> bool:
    """True for an error raised by one of our rules (its message is already a full sentence)."""
    return isinstance(error, (ReformCellError, ReformRowError, ReformTableError))


# The last row's cells: every rule looks at the same row in turn, so the dict is built once per
# row, not once per rule (the rules only read it). The row is held, so `is` cannot match a new
# row that happens to reuse a freed one's address.
_last: list = [None, None]


def raw_cells(row) -> dict[str, str]:
    """The row's cells as the contributor typed them (shared by the rules: do not change it)."""
    if _last[0] is not row:
        cells = row.cells
        _last[:] = [
            row,
            {name: (cells[i] if i < len(cells) and cells[i] is not None else "") for i, name in enumerate(row.field_names)},
        ]
    return _last[1]


class ReformCheck(Check):
    """A rule that applies to one resource (`resource_name`), or to all if it is empty.

    Subclasses implement `check_row(row, cells)` and, for rules across rows, `check_end()`;
    the guard and the raw cells are handled here once.
    """

    resource_name = ""

    def applies(self) -> bool:
        return not self.resource_name or self.resource.name == self.resource_name

    def validate_row(self, row):
        if self.applies() and row.cells:
            yield from self.check_row(row, raw_cells(row)) or ()

    def validate_end(self):
        if self.applies():
            yield from self.check_end() or ()

    def check_row(self, row, cells: dict[str, str]):
        return ()

    def check_end(self):
        return ()
