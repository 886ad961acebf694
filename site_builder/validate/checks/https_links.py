"""Every link is an https:// address."""

from __future__ import annotations

from urllib.parse import urlparse

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule

# The fix every problem of this rule gives (its RULE declares it).
FIX = "links must start with https:// (no http:, javascript: or relative links)"


class LinkNotHttpsError(ReformCellError):
    type = "reform-link-not-https"
    title = "Link not https"


@attrs.define(kw_only=True, repr=False)
class https_links(ReformCheck):
    """Every `url` cell is an https:// address (no http:, javascript:, data:, relative links)."""

    type = "reform-https-links"
    Errors = [LinkNotHttpsError]

    def check_row(self, row, cells):
        for field in row.fields:
            if field.name != "url" and field.format != "uri":
                continue
            text = cells.get(field.name, "").strip()
            if not text:
                continue
            parsed = urlparse(text)
            if parsed.scheme.lower() != "https" or not parsed.netloc:
                yield LinkNotHttpsError.from_row(
                    row,
                    field_name=field.name,
                    note=(f'{field.name} "{text[:80]}" is not an https:// address; {FIX}.'),
                )


def _javascript(rows):
    rows[0]["url"] = "javascript:alert(1)"


RULE = Rule(
    error=LinkNotHttpsError,
    fix=FIX,
    check=https_links,
    # An address field makes figures.csv ineligible (predicates.unsupported).
    columnar=Columnar(elsewhere="figures.csv has no address; one would send it the exact way"),
    fault=Fault("reform", "sources", _javascript),
    explains_the_value=True,
)
