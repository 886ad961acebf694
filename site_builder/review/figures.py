"""Figure changes grouped by province and indicator: listed row by row, or counted per group.

Groups are headed by display names (the head version's, else the base's) and sorted by them,
so a reviewer reads a province's changes together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from site_builder.review.markdown import (
    cell,
    changed_columns,
    counts_text,
    escape_markdown,
)
from site_builder.review.matching import TableDiff
from site_builder.review.tables import FIGURES, INDICATORS, PROVINCES, Snapshot

CHANGE_ORDER = {"added": 0, "changed": 1, "removed": 2}
Group = tuple[str, str, str, str]  # (province name, province id, indicator name, indicator id)


@dataclass(frozen=True)
class Names:
    """Display names of provinces and indicators, from the head version first, then the base."""

    provinces: dict[str, str]
    indicators: dict[str, str]

    @classmethod
    def of(cls, base: Snapshot, head: Snapshot) -> Names:
        provinces: dict[str, str] = {}
        indicators: dict[str, str] = {}
        for snapshot in (base, head):  # head last, so its names win
            for table in snapshot.named(PROVINCES):
                provinces.update({row.get("id", ""): _province_name(row) for row in table.rows})
            for table in snapshot.named(INDICATORS):
                indicators.update(
                    {row.get("id", ""): row.get("name_en") or row.get("name_vi") or row.get("id", "") for row in table.rows}
                )
        return cls(provinces=provinces, indicators=indicators)

    def province(self, province_id: str) -> str:
        return self.provinces.get(province_id, "unknown province")

    def indicator(self, indicator_id: str) -> str:
        return self.indicators.get(indicator_id, "unknown indicator")


def _province_name(row: dict[str, str]) -> str:
    name = row.get("name_en") or row.get("name_vi") or row.get("id", "")
    if row.get("name_vi") and row.get("name_vi") != name:
        name = f"{name} ({row['name_vi']})"
    return name + (f", until {row['valid_to']}" if row.get("valid_to") else "")


@dataclass(frozen=True)
class FigureEntry:
    """One figure added, changed or removed, placed under its province and indicator."""

    change: str
    id: str
    row: dict[str, str]
    old: dict[str, str] | None = None
    columns: tuple[str, ...] = ()


def figure_groups(diffs: list[TableDiff], names: Names) -> dict[Group, list[FigureEntry]]:
    """Figure changes by (province name, province id, indicator name, indicator id), sorted."""
    groups: dict[Group, list[FigureEntry]] = defaultdict(list)

    def place(entry: FigureEntry) -> None:
        province, indicator = entry.row.get("province_id", ""), entry.row.get("indicator_id", "")
        groups[(names.province(province), province, names.indicator(indicator), indicator)].append(entry)

    for diff in diffs:
        if diff.name != FIGURES:
            continue
        for row in diff.added:
            place(FigureEntry("added", row.get("id", ""), row))
        for change in diff.changed:
            place(FigureEntry("changed", change.new.get("id", ""), change.new, change.old, change.columns))
        for row in diff.removed:
            place(FigureEntry("removed", row.get("id", ""), row))
    return {
        group: sorted(entries, key=lambda e: (CHANGE_ORDER[e.change], e.id))
        for group, entries in sorted(groups.items(), key=lambda item: tuple(part.casefold() for part in item[0]))
    }


def figures_listed(diffs: list[TableDiff], names: Names) -> list[str]:
    """The figures section with every figure added, changed or removed, one table per group."""
    groups = figure_groups(diffs, names)
    if not groups:
        return []
    lines = [_heading(groups), ""]
    for (province_name, province, indicator_name, indicator), group in groups.items():
        heading = (
            f"#### {escape_markdown(province_name)} ({escape_markdown(province)}) · "
            f"{escape_markdown(indicator_name)} ({escape_markdown(indicator)})"
        )
        lines += [
            heading,
            "",
            "| change | figure | measure | value | period | source | quote, or what else changed |",
            "|---|---|---|--:|---|---|---|",
        ]
        for entry in group:
            lines.append(_figure_line(entry))
        lines.append("")
    return lines


def figures_counted(diffs: list[TableDiff], names: Names, budget: int) -> list[str]:
    """The figures section as one count per group, as many groups as fit in `budget` characters."""
    groups = figure_groups(diffs, names)
    if not groups:
        return []
    lines = [_heading(groups), "", "| province | indicator | added | changed | removed |", "|---|---|--:|--:|--:|"]
    used = sum(len(line) + 1 for line in lines)
    shown = 0
    for (province_name, province, indicator_name, indicator), group in groups.items():
        counts = Counter(entry.change for entry in group)
        line = (
            f"| {escape_markdown(province_name)} ({escape_markdown(province)}) "
            f"| {escape_markdown(indicator_name)} ({escape_markdown(indicator)}) "
            f"| {counts['added']} | {counts['changed']} | {counts['removed']} |"
        )
        if used + len(line) + 1 > budget:
            break
        lines.append(line)
        used += len(line) + 1
        shown += 1
    if shown < len(groups):
        lines += ["", f"… and {len(groups) - shown:,} more province and indicator pairs, left out to fit the comment."]
    lines.append("")
    return lines


def _heading(groups: dict[Group, list[FigureEntry]]) -> str:
    tally = Counter(entry.change for group in groups.values() for entry in group)
    return f"### Figures: {counts_text(tally['added'], tally['changed'], tally['removed'])}"


def _figure_line(entry: FigureEntry) -> str:
    row, old = entry.row, entry.old
    value = cell(row.get("value", ""))
    if old is not None and "value" in entry.columns:
        value = f"{cell(old.get('value', ''))} → {value}"
    period = " – ".join(part for part in (row.get("period_start", ""), row.get("period_end", "")) if part)
    if entry.change == "changed":
        details = changed_columns(old or {}, row, [name for name in entry.columns if name != "value"])
    elif entry.change == "added":
        details = cell(row.get("quote", ""))
    else:
        details = ""
    return (
        f"| {entry.change} | {cell(entry.id)} | {cell(row.get('measure', ''))} | {value} | {cell(period)} "
        f"| {cell(row.get('source_id', ''))} | {details} |"
    )
