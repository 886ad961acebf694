"""Ids, slugs and unit codes match their patterns, checked here in code whatever the schema says.

They become file names and addresses (provinces/<slug>/, data/provinces/<id>.csv,
indicators/<id>/, #unit-<code>): a slug with "../" would make the build write outside its
folder, and a name longer than a file system takes would fail it. The schema's `pattern` says
the same for most of them; this rule holds even if a schema is changed.
"""

from __future__ import annotations

import re

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck

ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
SLUG = re.compile(r"[a-z0-9]{1,64}(?:-[a-z0-9]{1,64}){0,15}")
# (resource, field) -> (pattern, what it must be, in words)
IDENTIFIERS = {
    ("sources", "id"): (ID, "lower-case letters, digits and hyphens, starting with a letter or digit, at most 100"),
    ("indicators", "id"): (ID, "lower-case letters, digits and hyphens, starting with a letter or digit, at most 100"),
    ("figures", "id"): (ID, "lower-case letters, digits and hyphens, starting with a letter or digit, at most 100"),
    ("disagreements", "id"): (ID, "lower-case letters, digits and hyphens, starting with a letter or digit, at most 100"),
    ("provinces", "id"): (
        re.compile(r"p(?:63|34)-[0-9]{2}|vn"),
        "p63- or p34- and the two-digit GSO code (p63-49), or vn for the whole country",
    ),
    ("provinces", "slug"): (SLUG, "words of lower-case ASCII letters and digits joined by single hyphens (ba-ria-vung-tau)"),
    ("districts", "code"): (re.compile(r"[0-9]{3}"), "the three-digit GSO code"),
    ("units_before", "code"): (re.compile(r"[0-9]{5}"), "the five-digit GSO code"),
    ("units_after", "code"): (re.compile(r"[0-9]{5}"), "the five-digit GSO code"),
}
RESOURCES = frozenset(resource for resource, _ in IDENTIFIERS)


class IdentifierError(ReformCellError):
    type = "reform-identifier"
    title = "Identifier not of its pattern"


@attrs.define(kw_only=True, repr=False)
class identifiers_match(ReformCheck):
    """Each id, slug and code of IDENTIFIERS matches its pattern in full."""

    type = "reform-identifiers"
    Errors = [IdentifierError]

    def applies(self) -> bool:
        return self.resource.name in RESOURCES

    def check_row(self, row, cells):
        for field in row.fields:
            rule = IDENTIFIERS.get((self.resource.name, field.name))
            text = cells.get(field.name, "")
            if rule is None or not text or rule[0].fullmatch(text):
                continue
            shown = text[:60].encode("unicode_escape").decode("ascii") if not text.isprintable() else text[:60]
            yield IdentifierError.from_row(
                row, field_name=field.name, note=f'{field.name} "{shown}" is not a valid {field.name}: it must be {rule[1]}.'
            )
