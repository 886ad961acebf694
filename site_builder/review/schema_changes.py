"""The comment's section on datapackage.json: every change of a package's descriptor, field by
field (a resource added, a field removed, a type changed, a constraint removed ...), with its
JSON path. Each is a change of code for a maintainer, as the first line says (trust.py)."""

from __future__ import annotations

import json

from site_builder.dataset.schema_diff import package_changes, schema_changes
from site_builder.review.markdown import escape_markdown
from site_builder.review.tables import Snapshot

MAX_LISTED = 200


def schema_section(base: Snapshot, head: Snapshot) -> list[str]:
    """`### Schema changes` and one line per change, or nothing when no descriptor changed."""
    lines: list[str] = []
    for package in sorted(base.descriptors.keys() | head.descriptors.keys()):
        before, after = _parsed(base.descriptors.get(package)), _parsed(head.descriptors.get(package))
        if before == after:
            continue
        changes = package_changes(before, after) + schema_changes(before, after, metadata=True)
        lines += [
            f"- datapackages/{escape_markdown(package)}/datapackage.json {escape_markdown(c.path)}: {escape_markdown(c.describe())}"
            for c in changes
        ]
    if not lines:
        return []
    more = [f"- … and {len(lines) - MAX_LISTED} more changes."] if len(lines) > MAX_LISTED else []
    intro = "Every change below is a change of code: the schemas are pinned by site_builder/dataset/pinned/, for a maintainer to review."
    return ["### Schema changes", "", intro, "", *lines[:MAX_LISTED], *more, ""]


def _parsed(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
