"""Rows matched by their resource's primary key: what was added, removed and changed.

Never by line position, so a re-sorted file shows no change. A resource without a primary key
is matched on whole rows (a corrected row is then one removed and one added).
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.review.tables import Snapshot, Table


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
        id=some.id,
        path=some.path,
        name=some.name,
        rows_before=len(old_rows),
        rows_after=len(new_rows),
        added=added,
        removed=removed,
        changed=tuple(changed),
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
