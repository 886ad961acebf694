"""No document is recorded as two sources."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.validate.checks.base import ReformCellError, ReformCheck
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.text_keys import text_key, url_key


class DuplicateSourceUrlError(ReformCellError):
    type = "reform-duplicate-source-url"
    title = "Two sources with one address"


@attrs.define(kw_only=True, repr=False)
class no_duplicate_source_urls(ReformCheck):
    """No two sources have the same address (compared as text_keys.url_key does: case of scheme
    and host, default port, fragment, trailing slash, spacing and Unicode form ignored), unless
    their `version` differs: two versions of one registry package share the package's page.
    context = {"lines": {resource name: row number -> physical line}}."""

    type = "reform-no-duplicate-source-urls"
    Errors = [DuplicateSourceUrlError]
    resource_name = "sources"
    context: Any = None
    seen: dict = attrs.field(factory=dict)

    def check_row(self, row, cells):
        url = cells.get("url", "")
        if not url.strip():
            return
        key = (url_key(url), text_key(cells.get("version", "")))
        first = self.seen.setdefault(key, (row.row_number, cells.get("id", "")))
        if first[0] == row.row_number:
            return
        line_of = (self.context or {}).get("lines", {}).get("sources")
        line = line_of(first[0]) if line_of else first[0]
        yield DuplicateSourceUrlError.from_row(
            row,
            field_name="url",
            note=(
                f"url is the address of source {first[1]} (line {line}) too; one document is one source: "
                f"remove this row and point its figures (source_id) to {first[1]}."
            ),
        )


def _same_address(rows):
    rows[1]["url"], rows[1]["version"] = rows[0]["url"], rows[0]["version"]


RULE = Rule(
    error=DuplicateSourceUrlError,
    fix="remove one of the two sources and point its figures (source_id) to the other",
    check=no_duplicate_source_urls,
    columnar=Columnar(elsewhere="sources.csv only"),
    fault=Fault("reform", "sources", _same_address),
    uses_context=True,
)
