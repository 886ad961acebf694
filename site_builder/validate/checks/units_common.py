"""What the rules of the units package share: reading only the cells a rule needs, the hint that
the files are generated, naming a former unit and reporting at a row remembered until the end of
the file, and which registry version a file cites."""

from __future__ import annotations

from typing import ClassVar

import attrs

from site_builder.validate.checks.base import ReformCheck

# The units files are written by the import, never by hand; a fix goes through it.
REIMPORT = (
    "re-run `site-builder import-registry`, which writes the units files (never edit them by hand); "
    "a registry error is corrected in site_builder/registry/corrections.csv"
)


@attrs.define(kw_only=True, repr=False)
class UnitsCheck(ReformCheck):
    """A rule of the units package. Its files hold some 25,000 rows that every rule sees, so what
    ReformCheck asks at each row (does the rule apply, every raw cell) is settled once per file
    here, and `check_row` gets only the cells named in `fields`, as the file has them."""

    fields: ClassVar[tuple[str, ...]] = ()
    active: bool = attrs.field(default=False, init=False)
    positions: dict = attrs.field(factory=dict, init=False)  # field name -> its cell's index

    def connect(self, resource):
        super().connect(resource)
        self.active = self.applies()
        self.positions = {name: index for index, name in enumerate(resource.schema.field_names) if name in self.fields}

    def validate_row(self, row):
        if not self.active or not row.cells:
            return ()  # no generator to make and run for a row the rule is not about
        cells = row.cells
        named = {name: (cells[i] if i < len(cells) and cells[i] is not None else "") for name, i in self.positions.items()}
        return self.check_row(row, named) or ()

    def validate_end(self):
        return (self.check_end() or ()) if self.active else ()


def former_unit(cells: dict[str, str]) -> tuple[str, str]:
    """The former unit a row of unit_changes is about, and how to name it: its code, or for an
    island district that had no commune-level unit, the district's."""
    if cells.get("former_code"):
        return cells["former_code"], f"Former unit {cells['former_code']}"
    return "district " + cells.get("former_district_code", ""), f"Island district {cells.get('former_district_code', '')}"


def cell_error(kind, link: dict, field: str, note: str):
    """An error at the `field` of a row remembered by `remember`."""
    number = link["names"].index(field)
    cells = ["" if c is None else str(c) for c in link["cells"]]
    return kind(
        note=note,
        cells=cells,
        row_number=link["row_number"],
        cell=cells[number] if number < len(cells) else "",
        field_name=field,
        field_number=number + 1,
    )


def remember(row) -> dict:
    """What an end-of-file rule needs of a row to report at it later (not the row itself)."""
    return {"row_number": row.row_number, "names": row.field_names, "cells": row.cells}


def lines_of(context, links: list[dict]) -> str:
    """The physical lines of rows of unit_changes remembered by `remember`, for a message."""
    line_of = ((context or {}).get("lines") or {}).get("unit_changes")
    return ", ".join(str(line_of(link["row_number"]) if line_of else link["row_number"]) for link in links)


def names_registry(sources: list | None, name: str) -> str | None:
    """The version of registry package `name` that `sources` (a descriptor's list) cite, or None.

    The import cites it as {"title": "<name> <version> (...)", "path": "https://pypi.org/project/<name>/<version>/",
    "version": "<version>"}.
    """
    for source in sources or ():
        if isinstance(source, dict) and f"/project/{name}/" in str(source.get("path", "")):
            return str(source.get("version", ""))
    return None


class LinkedUnitCheck(UnitsCheck):
    """A unit of `resource_name` must appear among the unit_changes codes named by `codes_key`
    (a former unit went somewhere, a current one came from somewhere); subclasses give the
    error type and the sentence."""

    fields = ("code", "full_name")
    codes_key = ""
    missing_link_error = None

    def applies(self) -> bool:
        return super().applies() and (self.context or {}).get(self.codes_key) is not None

    def check_row(self, row, cells):
        code = cells.get("code", "")
        if code and code not in self.context[self.codes_key]:
            yield self.missing_link_error.from_row(
                row, field_name="code", note=self.sentence(cells.get("full_name") or "The unit", code)
            )

    def sentence(self, name: str, code: str) -> str:
        raise NotImplementedError
