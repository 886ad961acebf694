"""No invisible control, direction-override or non-character code point in any cell (which
characters those are: characters.forbidden_kind, shared with the columnar path's classes)."""

from __future__ import annotations

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.characters import MAYBE_FORBIDDEN, forbidden_kind, plain_class
from site_builder.validate.checks.rule import Columnar, Fault, Rule, column, full_match


class ControlCharacterError(ReformCellError):
    type = "reform-control-character"
    title = "Control character in a cell"


@attrs.define(kw_only=True, repr=False)
class no_control_characters(ReformCheck):
    """No cell of any resource holds a C0 control character but the newline (tab included),
    DEL (U+007F), a C1 control (U+0080-U+009F), a bidirectional embedding, override or isolate
    (U+202A-U+202E, U+2066-U+2069) or a noncharacter (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF)."""

    type = "reform-no-control-characters"
    Errors = [ControlCharacterError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if not MAYBE_FORBIDDEN.search(text):
                continue  # the common case, settled by one search instead of a loop over the characters
            found = [(i, kind) for i, char in enumerate(text) if (kind := forbidden_kind(char))]
            if not found:
                continue
            position, kind = found[0]
            more = f" (and {len(found) - 1} more such character{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
            yield ControlCharacterError.from_row(
                row,
                field_name=field.name,
                note=(f"{field.name} has U+{ord(text[position]):04X} at character {position + 1}{more}: {kind}."),
            )


def plain_characters(field: dict, free: bool, implied: bool) -> list[str]:
    """Free text made only of plain characters (characters.py, derived from forbidden_kind and
    NFC): no control character and nothing NFC would change."""
    return [full_match(column(field["name"]), plain_class() + "*")] if free else []


def _tab(rows):
    rows[3]["notes"] = "tab\there"


RULE = Rule(
    error=ControlCharacterError,
    fix="delete the character (a tab: replace it by a space)",
    check=no_control_characters,
    columnar=Columnar(cell=plain_characters),
    fault=Fault("reform", "figures", _tab),
    explains_the_value=True,
)
