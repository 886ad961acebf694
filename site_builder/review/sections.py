"""The comment's sections after the figures: sources, the registry and other resources, notes."""

from __future__ import annotations

from site_builder.review.markdown import (
    cell,
    changed_columns,
    counts_text,
    escape_markdown,
)
from site_builder.review.matching import TableDiff
from site_builder.review.tables import FIGURES, SOURCES, Snapshot


def sources_section(diffs: list[TableDiff], listed: bool = True) -> list[str]:
    """Sources added, changed and removed: counted in the heading, and listed unless `listed` is False."""
    lines: list[str] = []
    for diff in diffs:
        if diff.name != SOURCES:
            continue
        counts = counts_text(len(diff.added), len(diff.changed), len(diff.removed))
        lines += [f"### Sources ({escape_markdown(diff.path)}): {counts}", ""]
        if not listed:
            continue
        lines += ["| change | source | title | publisher | published | address, or what changed |", "|---|---|---|---|---|---|"]
        entries = (
            [("added", row, None, ()) for row in diff.added]
            + [("changed", change.new, change.old, change.columns) for change in diff.changed]
            + [("removed", row, None, ()) for row in diff.removed]
        )
        for change, row, old, columns in entries:
            details = changed_columns(old, row, columns) if change == "changed" else cell(row.get("url", ""), 300)
            lines.append(
                f"| {change} | {cell(row.get('id', ''))} | {cell(row.get('title', ''))} "
                f"| {cell(row.get('publisher', ''))} | {cell(row.get('published', ''))} | {details} |"
            )
        lines.append("")
    return lines


def resources_section(diffs: list[TableDiff]) -> list[str]:
    """Every other resource (provinces, unit counts, ...) as row counts and columns added or removed."""
    others = [diff for diff in diffs if diff.name not in (FIGURES, SOURCES)]
    if not others:
        return []
    lines = [
        "### Registry and other resources",
        "",
        "| file | rows before | rows after | added | changed | removed | columns |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for diff in others:
        columns = "; ".join(
            part
            for part in (
                ("added " + ", ".join(cell(name, 40) for name in diff.fields_added)) if diff.fields_added else "",
                ("removed " + ", ".join(cell(name, 40) for name in diff.fields_removed)) if diff.fields_removed else "",
            )
            if part
        )
        lines.append(
            f"| {escape_markdown(diff.path)} | {diff.rows_before:,} | {diff.rows_after:,} "
            f"| {len(diff.added):,} | {len(diff.changed):,} | {len(diff.removed):,} | {columns} |"
        )
    lines.append("")
    return lines


def notes_section(base: Snapshot, head: Snapshot) -> list[str]:
    """Packages added, removed or with a changed descriptor, and what either version could not read."""
    lines = []
    changed = sorted(
        package
        for package in base.descriptors.keys() | head.descriptors.keys()
        if base.descriptors.get(package) != head.descriptors.get(package)
    )
    for package in changed:
        if package not in base.descriptors:
            lines.append(f"- New package {escape_markdown(package)}.")
        elif package not in head.descriptors:
            lines.append(f"- Package {escape_markdown(package)} removed.")
        else:
            lines.append(f"- datapackages/{escape_markdown(package)}/datapackage.json changed (schemas or metadata).")
    for label, snapshot in (("before", base), ("after", head)):
        lines += [f"- {label}: {escape_markdown(note)}" for note in snapshot.notes]
    return (["### Notes", "", *lines, ""]) if lines else []
