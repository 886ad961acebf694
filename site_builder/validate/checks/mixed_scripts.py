"""No name, and no address's host, mixes Latin letters with Cyrillic or Greek ones.

A Cyrillic "а" or a Greek "ο" looks like the Latin letter: "Hà Nộі" with a Cyrillic "і" is
another name that reads the same, and an address whose host has one leads elsewhere.
Vietnamese letters with diacritics (Đ, ơ, ư, ạ ...) are Latin and pass.
"""

from __future__ import annotations

import re

import attrs

from site_builder.dataset.lookalikes import describe_host_lookalike, describe_mixed_scripts
from site_builder.validate.checks.base import ReformCellError, ReformCheck

NAMES = re.compile(r"name|full_name|name_[a-z]{2}|publisher|republished_by")
ADDRESSES = re.compile(r"url")


class MixedScriptsError(ReformCellError):
    type = "reform-mixed-scripts"
    title = "Letters of several scripts"


@attrs.define(kw_only=True, repr=False)
class one_script_per_name(ReformCheck):
    """A NAMES cell has letters of one of Latin, Cyrillic and Greek; an address's host too, label by label."""

    type = "reform-one-script-per-name"
    Errors = [MixedScriptsError]

    def check_row(self, row, cells):
        for field in row.fields:
            text = cells.get(field.name, "")
            if text.isascii() and "xn--" not in text.lower():
                continue  # ASCII letters are all Latin, unless an address's host is punycode
            if NAMES.fullmatch(field.name) and (found := describe_mixed_scripts(text)):
                note = f"{field.name} {found}; retype the name in one script."
            elif (ADDRESSES.fullmatch(field.name) or field.format == "uri") and (found := describe_host_lookalike(text)):
                note = f"{field.name} {found}; type the address as the source's site writes it, in Latin letters."
            else:
                continue
            yield MixedScriptsError.from_row(row, field_name=field.name, note=note)
