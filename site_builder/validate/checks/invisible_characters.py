"""No invisible format character (Unicode category Cf) in a name, title, slug or id.

Zero-width spaces and joiners, byte-order marks, direction marks (U+200B, U+200D, U+FEFF,
U+200F, U+061C ...) cannot be seen, yet make two equal-looking names differ, hide a word from
search, or turn the text around it. Quotes and notes keep them (a source's text is quoted
verbatim); the names and titles the site shows as headings, links and addresses do not.
"""

from __future__ import annotations

import re

import attrs

from site_builder.dataset.lookalikes import describe_invisible
from site_builder.validate.checks.base import ReformCellError, ReformCheck

# Field names of names, titles, slugs and ids in every package.
NAMED = re.compile(r"id|[a-z_]+_id|slug|code|[a-z_]+_code|title|name|full_name|name_[a-z]{2}|publisher|republished_by")


class InvisibleCharacterError(ReformCellError):
    type = "reform-invisible-character"
    title = "Invisible character in a name"


@attrs.define(kw_only=True, repr=False)
class no_invisible_characters(ReformCheck):
    """No cell of a NAMED field holds a character of Unicode category Cf."""

    type = "reform-no-invisible-characters"
    Errors = [InvisibleCharacterError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if text.isascii() or not NAMED.fullmatch(field.name):
                continue
            found = describe_invisible(text)
            if found:
                yield InvisibleCharacterError.from_row(
                    row, field_name=field.name, note=f"{field.name} {found}; delete it (it cannot be seen, but changes the name)."
                )
