"""The data change between two versions of the packages, as Markdown for a pull-request comment.

Rows are matched by their resource's primary key (from datapackage.json), never by line
position, so a re-sorted file shows no change. Everything here is pure: snapshots of rows in,
Markdown out; only `load_snapshot` reads, through the object it is given.

Contributed text is data: every cell value put into the Markdown goes through
`escape_markdown`, so a quote cannot open a link, an HTML tag, a code span or a new table cell.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import ClassVar, Protocol

# GitHub refuses comments over 65,536 characters; below this the full listing is posted.
MAX_CHARS = 60_000
# The resource names the comment knows the meaning of; any other resource is counted.
FIGURES, SOURCES, PROVINCES, INDICATORS, UNIT_COUNTS = "figures", "sources", "provinces", "indicators", "unit_counts"
CHANGE_ORDER = {"added": 0, "changed": 1, "removed": 2}
DETAIL_CHARS = 160  # a quote or a changed cell longer than this is cut (the diff is for review, not for reading)


# ---------------------------------------------------------------- reading


class DataFiles(Protocol):
    """Where a snapshot's files come from: a git revision or the working tree (see git_files)."""

    def descriptor_paths(self) -> list[str]: ...

    def read(self, path: str) -> str | None: ...


def read_rows(text: str) -> list[dict[str, str]]:
    """The rows of a CSV text as dicts keyed by its header (UTF-8, comma, '"' quoting).

    The one place this module parses CSV, so it can be switched to the project's reader.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=",", quotechar='"',
                            doublequote=True, skipinitialspace=False, strict=False, restval="")
    rows = []
    for row in reader:
        extra = row.pop(None, None)  # cells past the header's end: kept under a visible name
        clean = {name: value or "" for name, value in row.items()}
        if extra:
            clean["(extra cells)"] = ",".join(extra)
        if any(value for value in clean.values()):
            rows.append(clean)
    return rows


@dataclass(frozen=True)
class Table:
    """One resource's rows at one revision, with the fields that identify a row."""

    package: str
    name: str
    path: str  # repository-relative, for people to read
    fields: tuple[str, ...]
    key: tuple[str, ...]
    rows: tuple[dict[str, str], ...]

    @property
    def id(self) -> str:
        return f"{self.package}/{self.name}"


@dataclass(frozen=True)
class Snapshot:
    """Every resource of every package at one revision, and what could not be read."""

    tables: dict[str, Table] = field(default_factory=dict)
    descriptors: dict[str, str] = field(default_factory=dict)  # package -> descriptor without its resources' schemas' rows
    notes: tuple[str, ...] = ()

    def named(self, resource: str) -> list[Table]:
        return [table for table in self.tables.values() if table.name == resource]


def load_snapshot(files: DataFiles) -> Snapshot:
    """Read every package's descriptor and the CSV of each of its resources."""
    tables: dict[str, Table] = {}
    descriptors: dict[str, str] = {}
    notes: list[str] = []
    for descriptor_path in files.descriptor_paths():
        folder = PurePosixPath(descriptor_path).parent
        package = folder.name
        try:
            descriptor = json.loads(files.read(descriptor_path) or "")
            resources = descriptor["resources"]
            if not isinstance(resources, list):
                raise TypeError("resources is not a list")
        except (ValueError, KeyError, TypeError) as error:
            notes.append(f"{descriptor_path} could not be read ({error}); its package is left out.")
            continue
        descriptors[package] = json.dumps(descriptor, sort_keys=True, ensure_ascii=False)
        for resource in resources:
            table = _load_table(files, folder, package, resource, notes)
            if table is not None:
                tables[table.id] = table
    return Snapshot(tables=tables, descriptors=descriptors, notes=tuple(notes))


def _load_table(files: DataFiles, folder: PurePosixPath, package: str, resource, notes: list[str]) -> Table | None:
    if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
        notes.append(f"{folder}/datapackage.json has a resource without a name; it is left out.")
        return None
    path = resource.get("path")
    if not isinstance(path, str) or "://" in path or ".." in PurePosixPath(path).parts or path.startswith("/"):
        notes.append(f"{package}/{resource['name']} has no local CSV path; it is left out.")
        return None
    schema = resource.get("schema")
    if isinstance(schema, str):  # a schema kept in its own file beside the descriptor
        try:
            schema = json.loads(files.read(str(folder / schema)) or "")
        except ValueError:
            schema = None
    schema = schema if isinstance(schema, dict) else {}
    key = schema.get("primaryKey") or []
    key = [key] if isinstance(key, str) else [name for name in key if isinstance(name, str)]
    fields = [item.get("name") for item in schema.get("fields", []) if isinstance(item, dict)]
    text = files.read(str(folder / path))
    if text is None:
        notes.append(f"{folder / path} is listed in datapackage.json but missing; counted as empty.")
        text = ""
    rows = read_rows(text)
    if not fields and rows:
        fields = list(rows[0])
    return Table(package=package, name=resource["name"], path=str(folder / path),
                 fields=tuple(name for name in fields if isinstance(name, str)), key=tuple(key), rows=tuple(rows))


# ---------------------------------------------------------------- comparing


@dataclass(frozen=True)
class RowChange:
    """One row whose key is in both versions, with the columns whose value differs."""

    key: tuple[str, ...]
    old: dict[str, str]
    new: dict[str, str]
    columns: tuple[str, ...]


@dataclass(frozen=True)
class TableDiff:
    """What happened to one resource between two versions."""

    id: str
    path: str
    name: str
    rows_before: int
    rows_after: int
    added: tuple[dict[str, str], ...]
    removed: tuple[dict[str, str], ...]
    changed: tuple[RowChange, ...]
    fields_added: tuple[str, ...] = ()
    fields_removed: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.fields_added or self.fields_removed)


def row_key(row: dict[str, str], key: tuple[str, ...]) -> tuple[str, ...]:
    """The values that identify a row; the whole row when the resource has no primary key."""
    if key:
        return tuple(row.get(name, "") for name in key)
    return tuple(f"{name}={value}" for name, value in sorted(row.items()))


def diff_tables(old: Table | None, new: Table | None) -> TableDiff:
    """Rows added, removed and changed, matched by the primary key (the new version's, else the old's)."""
    some = new or old
    assert some is not None
    key = (new.key if new and new.key else None) or (old.key if old else ())
    old_rows = {row_key(row, key): row for row in (old.rows if old else ())}
    new_rows = {row_key(row, key): row for row in (new.rows if new else ())}
    added = tuple(new_rows[k] for k in sorted(new_rows.keys() - old_rows.keys()))
    removed = tuple(old_rows[k] for k in sorted(old_rows.keys() - new_rows.keys()))
    changed = []
    for k in sorted(old_rows.keys() & new_rows.keys()):
        before, after = old_rows[k], new_rows[k]
        columns = [name for name in _ordered_union(before, after) if before.get(name, "") != after.get(name, "")]
        if columns:
            changed.append(RowChange(key=k, old=before, new=after, columns=tuple(columns)))
    old_fields = old.fields if old else ()
    new_fields = new.fields if new else ()
    return TableDiff(
        id=some.id, path=some.path, name=some.name,
        rows_before=len(old_rows), rows_after=len(new_rows),
        added=added, removed=removed, changed=tuple(changed),
        fields_added=tuple(name for name in new_fields if name not in old_fields) if old else (),
        fields_removed=tuple(name for name in old_fields if name not in new_fields) if new else (),
    )


def diff_snapshots(base: Snapshot, head: Snapshot) -> list[TableDiff]:
    """One diff per resource present in either version, sorted by package and resource name."""
    ids = sorted(base.tables.keys() | head.tables.keys())
    return [diff_tables(base.tables.get(i), head.tables.get(i)) for i in ids]


def _ordered_union(*rows: dict[str, str]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


# ---------------------------------------------------------------- headline totals


@dataclass(frozen=True)
class Totals:
    """The national numbers a reviewer checks a change against."""

    figures: int
    sources: int
    current_provinces: int
    former_provinces: int
    units_former: int  # commune-level units of the provinces before 1 July 2025, latest count each
    units_current: int

    LABELS: ClassVar[dict[str, str]] = {
        "figures": "figures",
        "sources": "sources",
        "current_provinces": "current provinces",
        "former_provinces": "former provinces",
        "units_former": "commune-level units, former provinces (before)",
        "units_current": "commune-level units, current provinces (after)",
    }


def headline_totals(snapshot: Snapshot) -> Totals:
    """Counts of figures, sources and provinces, and commune-level units summed from unit_counts."""
    provinces = [row for table in snapshot.named(PROVINCES) for row in table.rows]
    current = {row.get("id", "") for row in provinces if not row.get("valid_to")}
    former = {row.get("id", "") for row in provinces if row.get("valid_to")}
    latest: dict[str, dict[str, str]] = {}
    for table in snapshot.named(UNIT_COUNTS):
        for row in table.rows:
            province = row.get("province_id", "")
            if province not in latest or row.get("as_of", "") > latest[province].get("as_of", ""):
                latest[province] = row
    return Totals(
        figures=sum(len(table.rows) for table in snapshot.named(FIGURES)),
        sources=sum(len(table.rows) for table in snapshot.named(SOURCES)),
        current_provinces=len(current),
        former_provinces=len(former),
        units_former=sum(_integer(row.get("total")) for p, row in latest.items() if p in former),
        units_current=sum(_integer(row.get("total")) for p, row in latest.items() if p in current),
    )


def _integer(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


# ---------------------------------------------------------------- escaping


_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_BACKSLASHED = set("\\`*_[]|~$")  # code spans, emphasis, links, table cells, strikethrough, math


def escape_markdown(value: object) -> str:
    """Text shown as itself in GitHub Markdown, on one line, inside a table cell or a sentence.

    No HTML (entities for < > &), no Markdown (backslash before ` * _ [ ] | ~ $ \\),
    no line breaks (shown as ↵), control and bidirectional-formatting characters shown as U+XXXX,
    and no @mention (a word joiner after @ keeps GitHub from notifying anyone).
    """
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for char in text:
        if char == "\n":
            out.append(" ↵ ")
        elif char == "\t":
            out.append(" ")
        elif char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            out.append("\\" + char)
        elif char == "@":
            out.append("@\u2060")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"U+{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, limit: int = DETAIL_CHARS) -> str:
    """`text` cut to `limit` characters with an ellipsis (cut before escaping, never inside an escape)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def changed_text(old: str, new: str, limit: int = DETAIL_CHARS) -> str:
    """`old → new`, escaped; long texts cut to the part that differs, with a little context either side."""
    if len(old) <= limit and len(new) <= limit:
        return f"{cell(old)} → {cell(new)}"
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    context = 30

    def part(text: str) -> str:
        first, last = max(0, start - context), len(text) - max(0, end - context)
        middle = shorten(text[first:last], limit)
        return ("…" if first else "") + middle + ("…" if last < len(text) and not middle.endswith("…") else "")

    return f"{escape_markdown(part(old))} → {escape_markdown(part(new))}"


def cell(value: object, limit: int = DETAIL_CHARS) -> str:
    """A value ready for a Markdown table cell: shortened, escaped, and never empty-looking by accident."""
    return escape_markdown(shorten(str(value), limit))


# ---------------------------------------------------------------- names


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
                indicators.update({row.get("id", ""): row.get("name_en") or row.get("name_vi") or row.get("id", "")
                                   for row in table.rows})
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


# ---------------------------------------------------------------- Markdown


@dataclass(frozen=True)
class FigureEntry:
    """One figure added, changed or removed, placed under its province and indicator."""

    change: str
    id: str
    row: dict[str, str]
    old: dict[str, str] | None = None
    columns: tuple[str, ...] = ()


def figure_groups(diffs: list[TableDiff], names: Names) -> dict[tuple[str, str, str, str], list[FigureEntry]]:
    """Figure changes by (province name, province id, indicator name, indicator id), sorted."""
    groups: dict[tuple[str, str, str, str], list[FigureEntry]] = defaultdict(list)

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


def render_diff(base: Snapshot, head: Snapshot, base_label: str, head_label: str, max_chars: int = MAX_CHARS) -> str:
    """The pull-request comment: headline totals, figures, sources, registry and other resources.

    Over `max_chars`, figures are counted per province and indicator instead of listed, and the
    comment says so.
    """
    diffs = [diff for diff in diff_snapshots(base, head) if not diff.is_empty]
    names = Names.of(base, head)
    header = _header(base, head, base_label, head_label, diffs)
    if not diffs and base.descriptors == head.descriptors:
        return "\n".join(header + ["No changes to the data.", ""])
    full = "\n".join(header + _figures_listed(diffs, names) + _sources(diffs) + _resources(diffs) + _notes(base, head))
    if len(full) <= max_chars:
        return full
    note = (f"> The full list of changes is {len(full):,} characters, more than the {max_chars:,} a comment "
            "holds, so figures are counted per province and indicator here. Run `site-builder diff` "
            "locally to see every row.")
    summary_tail = _sources(diffs, listed=False) + _resources(diffs) + _notes(base, head)
    budget = max_chars - len("\n".join(header + [note, ""] + summary_tail)) - 200
    return "\n".join(header + [note, ""] + _figures_counted(diffs, names, budget) + summary_tail)


def _header(base: Snapshot, head: Snapshot, base_label: str, head_label: str, diffs: list[TableDiff]) -> list[str]:
    lines = ["## Data changes", "", f"From {escape_markdown(base_label)} to {escape_markdown(head_label)}.", ""]
    before, after = headline_totals(base), headline_totals(head)
    lines += ["| headline total | before | after | change |", "|---|--:|--:|--:|"]
    for name, label in Totals.LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        lines.append(f"| {label} | {old:,} | {new:,} | {_signed(new - old)} |")
    lines.append("")
    return lines


def _signed(number: int) -> str:
    return "—" if number == 0 else f"{number:+,}"


def _counts(added: int, changed: int, removed: int) -> str:
    return f"{added} added, {changed} changed, {removed} removed"


def _figures_listed(diffs: list[TableDiff], names: Names) -> list[str]:
    groups = figure_groups(diffs, names)
    if not groups:
        return []
    entries = [entry for group in groups.values() for entry in group]
    tally = Counter(entry.change for entry in entries)
    lines = [f"### Figures: {_counts(tally['added'], tally['changed'], tally['removed'])}", ""]
    for (province_name, province, indicator_name, indicator), group in groups.items():
        heading = (f"#### {escape_markdown(province_name)} ({escape_markdown(province)}) · "
                   f"{escape_markdown(indicator_name)} ({escape_markdown(indicator)})")
        lines += [heading, "",
                  "| change | figure | measure | value | period | source | quote, or what else changed |",
                  "|---|---|---|--:|---|---|---|"]
        for entry in group:
            lines.append(_figure_line(entry))
        lines.append("")
    return lines


def _figure_line(entry: FigureEntry) -> str:
    row, old = entry.row, entry.old
    value = cell(row.get("value", ""))
    if old is not None and "value" in entry.columns:
        value = f"{cell(old.get('value', ''))} → {value}"
    period = " – ".join(part for part in (row.get("period_start", ""), row.get("period_end", "")) if part)
    if entry.change == "changed":
        details = "; ".join(f"{cell(name, 40)}: {changed_text(old.get(name, '') if old else '', row.get(name, ''))}"
                            for name in entry.columns if name != "value")
    elif entry.change == "added":
        details = cell(row.get("quote", ""))
    else:
        details = ""
    return (f"| {entry.change} | {cell(entry.id)} | {cell(row.get('measure', ''))} | {value} | {cell(period)} "
            f"| {cell(row.get('source_id', ''))} | {details} |")


def _figures_counted(diffs: list[TableDiff], names: Names, budget: int) -> list[str]:
    groups = figure_groups(diffs, names)
    if not groups:
        return []
    entries = [entry for group in groups.values() for entry in group]
    tally = Counter(entry.change for entry in entries)
    lines = [f"### Figures: {_counts(tally['added'], tally['changed'], tally['removed'])}", "",
             "| province | indicator | added | changed | removed |", "|---|---|--:|--:|--:|"]
    used = sum(len(line) + 1 for line in lines)
    shown = 0
    for (province_name, province, indicator_name, indicator), group in groups.items():
        counts = Counter(entry.change for entry in group)
        line = (f"| {escape_markdown(province_name)} ({escape_markdown(province)}) "
                f"| {escape_markdown(indicator_name)} ({escape_markdown(indicator)}) "
                f"| {counts['added']} | {counts['changed']} | {counts['removed']} |")
        if used + len(line) + 1 > budget:
            break
        lines.append(line)
        used += len(line) + 1
        shown += 1
    if shown < len(groups):
        lines += ["", f"… and {len(groups) - shown:,} more province and indicator pairs, left out to fit the comment."]
    lines.append("")
    return lines


def _sources(diffs: list[TableDiff], listed: bool = True) -> list[str]:
    lines: list[str] = []
    for diff in diffs:
        if diff.name != SOURCES:
            continue
        counts = _counts(len(diff.added), len(diff.changed), len(diff.removed))
        lines += [f"### Sources ({escape_markdown(diff.path)}): {counts}", ""]
        if not listed:
            continue
        lines += ["| change | source | title | publisher | published | address, or what changed |",
                  "|---|---|---|---|---|---|"]
        entries = ([("added", row, None, ()) for row in diff.added]
                   + [("changed", change.new, change.old, change.columns) for change in diff.changed]
                   + [("removed", row, None, ()) for row in diff.removed])
        for change, row, old, columns in entries:
            if change == "changed":
                details = "; ".join(f"{cell(name, 40)}: {changed_text(old.get(name, ''), row.get(name, ''))}"
                                    for name in columns)
            else:
                details = cell(row.get("url", ""), 300)
            lines.append(f"| {change} | {cell(row.get('id', ''))} | {cell(row.get('title', ''))} "
                         f"| {cell(row.get('publisher', ''))} | {cell(row.get('published', ''))} | {details} |")
        lines.append("")
    return lines


def _resources(diffs: list[TableDiff]) -> list[str]:
    others = [diff for diff in diffs if diff.name not in (FIGURES, SOURCES)]
    if not others:
        return []
    lines = ["### Registry and other resources", "",
             "| file | rows before | rows after | added | changed | removed | columns |",
             "|---|--:|--:|--:|--:|--:|---|"]
    for diff in others:
        columns = "; ".join(part for part in (
            ("added " + ", ".join(cell(name, 40) for name in diff.fields_added)) if diff.fields_added else "",
            ("removed " + ", ".join(cell(name, 40) for name in diff.fields_removed)) if diff.fields_removed else "",
        ) if part)
        lines.append(f"| {escape_markdown(diff.path)} | {diff.rows_before:,} | {diff.rows_after:,} "
                     f"| {len(diff.added):,} | {len(diff.changed):,} | {len(diff.removed):,} | {columns} |")
    lines.append("")
    return lines


def _notes(base: Snapshot, head: Snapshot) -> list[str]:
    lines = []
    changed = sorted(package for package in base.descriptors.keys() | head.descriptors.keys()
                     if base.descriptors.get(package) != head.descriptors.get(package))
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
