"""Every province and indicator gets a page of its own: a slug or id may not name a page the
site already has (an index, the folder of former provinces) nor another province's page."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule

# Names taken by index pages and folders: provinces/index, provinces/former/, indicators/index.
RESERVED = {"provinces": frozenset({"index", "former"}), "indicators": frozenset({"index"})}
FIELD = {"provinces": "slug", "indicators": "id"}


class PageAddressTakenError(ReformCellError):
    type = "reform-page-address-taken"
    title = "Page address taken"


@attrs.define(kw_only=True, repr=False)
class page_addresses_free(ReformCheck):
    """No province slug or indicator id names a reserved page or repeats one of its era."""

    type = "reform-page-addresses"
    Errors = [PageAddressTakenError]
    context: Any = None  # {"lines": resource name -> (row number -> physical line)}
    seen: dict = attrs.field(factory=dict)

    def applies(self) -> bool:
        return self.resource.name in RESERVED

    def check_row(self, row, cells):
        name = self.resource.name
        field = FIELD[name]
        value = cells.get(field, "")
        if value in RESERVED[name]:
            yield PageAddressTakenError.from_row(
                row, field_name=field, note=(f'{field} "{value}" is the name of a page the site already has; choose another.')
            )
            return
        # Current provinces live at provinces/<slug>/, former ones at provinces/former/<slug>/.
        era = "former" if name == "provinces" and cells.get("valid_to", "") else "current"
        key = (name, era, value)
        if value and key in self.seen:
            yield PageAddressTakenError.from_row(
                row,
                field_name=field,
                note=(
                    f'{field} "{value}" is already used by line {self._line(self.seen[key])} for another page; two pages cannot share an address.'
                ),
            )
        else:
            self.seen[key] = row.row_number

    def _line(self, row_number: int) -> int:
        line_of = ((self.context or {}).get("lines") or {}).get(self.resource.name)
        return line_of(row_number) if line_of else row_number


def _index(rows):
    rows[0]["slug"] = "index"


RULE = Rule(
    error=PageAddressTakenError,
    fix="choose another slug or id",
    check=page_addresses_free,
    columnar=Columnar(elsewhere="provinces.csv and indicators.csv only"),
    fault=Fault("reform", "provinces", _index),
    uses_context=True,
)
