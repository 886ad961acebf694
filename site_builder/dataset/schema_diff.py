"""What differs between two descriptors' resources and schemas, field by field, each difference
with the JSON path where it is.

`validate` compares a package's datapackage.json with the copy the code holds (pinned.py); the
pull-request comment compares the base's descriptor with the head's (review/schema_changes.py).
Both read the same list: a resource added or removed, a field added, removed or moved, a type
changed, a constraint added, removed or changed, a key changed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# The parts of a resource that are its schema and reading: compared key by key. Its title,
# description, licences and sources are metadata (pinned.py takes them from datapackage.json),
# compared only where asked (`metadata`).
RESOURCE_KEYS = ("name", "path", "profile", "$schema", "format", "mediatype", "encoding", "schema")
METADATA_KEYS = ("title", "description", "licenses", "sources")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class SchemaChange:
    """One difference: `before` -> `after` at `path` (a JSON path into the descriptor it is in)."""

    path: str
    kind: str  # "resource added", "field removed", "type changed", "constraint removed" ...
    resource: str
    field: str = ""
    key: str = ""  # the constraint's or the key's name
    before: object = None  # None: absent
    after: object = None

    def describe(self) -> str:
        """The change as a sentence fragment: 'field "value" of resource "figures": constraint "minimum" removed (was 0)'."""
        where = f'resource "{self.resource}"' if self.resource else "the package"
        if self.field:
            where = f'field "{self.field}" of {where}'
        what = self.kind if not self.key else f'{self.kind.split()[0]} "{self.key}" {self.kind.split(" ", 1)[1]}'
        return f"{where}: {what}{_values(self)}"


def _values(change: SchemaChange) -> str:
    if change.kind.endswith("removed") and change.before is not None and change.key:
        return f" (was {shown(change.before)})"
    if change.kind.endswith("added") and change.after is not None and change.key:
        return f" ({shown(change.after)})"
    if change.kind.endswith("changed") or change.kind.endswith("moved"):
        return f" from {shown(change.before)} to {shown(change.after)}"
    return ""


def shown(value: object, limit: int = 80) -> str:
    """A value as compact JSON, cut to `limit` characters."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def child(path: str, key: str) -> str:
    """The JSON path of `key` in the object at `path`: `$.a.b`, or `$.a['$schema']` for a key that is not a plain name."""
    return f"{path}.{key}" if _PLAIN_KEY.fullmatch(key) else f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _named(items: object) -> dict[str, tuple[int, dict]]:
    """name -> (index, item) of a list of objects with a string "name"; others are left out."""
    found: dict[str, tuple[int, dict]] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            found.setdefault(item["name"], (index, item))
    return found


def schema_changes(before: dict, after: dict, metadata: bool = False) -> list[SchemaChange]:
    """Every difference between the resources of two descriptors, in the order of `after`'s
    resources and then `before`'s removed ones. Paths point into `after`, or into `before`
    for what `after` lacks. `metadata`: compare every key of a resource (titles, descriptions,
    licences, sources, and keys no schema has), not only RESOURCE_KEYS."""
    old, new = _named(before.get("resources")), _named(after.get("resources"))
    changes: list[SchemaChange] = []
    for name, (index, resource) in new.items():
        path = f"$.resources[{index}]"
        if name not in old:
            changes.append(SchemaChange(path, "resource added", name, after=resource.get("path")))
            continue
        old_index, old_resource = old[name]
        if old_index != index:
            changes.append(SchemaChange(path, "resource moved", name, before=old_index + 1, after=index + 1))
        keys = None if metadata else RESOURCE_KEYS  # with metadata: every key, known or not
        changes += _key_changes(old_resource, resource, path, name, "", keys, skip=("schema", "name"))
        changes += _schema_changes(old_resource.get("schema"), resource.get("schema"), f"{path}.schema", name)
    for name, (index, resource) in old.items():
        if name not in new:
            changes.append(SchemaChange(f"$.resources[{index}]", "resource removed", name, before=resource.get("path")))
    return changes


def package_changes(before: dict, after: dict) -> list[SchemaChange]:
    """Differences in the package's own keys (name, title, version, licences ...), resources aside."""
    return _key_changes(before, after, "$", "", "", None, skip=("resources",))


def _key_changes(
    old: dict, new: dict, path: str, resource: str, field: str, keys: tuple[str, ...] | None, skip=(), kind: str = "key"
) -> list[SchemaChange]:
    """A change for each key (of `keys`, or of either object) whose value differs."""
    names = keys if keys is not None else tuple(dict.fromkeys([*old, *new]))
    changes = []
    for key in names:
        if key in skip or old.get(key) == new.get(key):
            continue
        if key not in new:
            changes.append(SchemaChange(child(path, key), f"{kind} removed", resource, field, key, before=old[key]))
        elif key not in old:
            changes.append(SchemaChange(child(path, key), f"{kind} added", resource, field, key, after=new[key]))
        else:
            changes.append(SchemaChange(child(path, key), f"{kind} changed", resource, field, key, old[key], new[key]))
    return changes


def _schema_changes(old: object, new: object, path: str, resource: str) -> list[SchemaChange]:
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [] if old == new else [SchemaChange(path, "schema changed", resource, before=old, after=new)]
    changes = _key_changes(old, new, path, resource, "", None, skip=("fields",))
    old_fields, new_fields = _named(old.get("fields")), _named(new.get("fields"))
    for name, (index, field) in new_fields.items():
        field_path = f"{path}.fields[{index}]"
        if name not in old_fields:
            changes.append(SchemaChange(field_path, "field added", resource, name, after=field.get("type", "string")))
            continue
        old_index, old_field = old_fields[name]
        if old_index != index:
            changes.append(SchemaChange(field_path, "field moved", resource, name, before=old_index + 1, after=index + 1))
        if old_field.get("type", "string") != field.get("type", "string"):
            changes.append(
                SchemaChange(
                    f"{field_path}.type", "type changed", resource, name, before=old_field.get("type"), after=field.get("type")
                )
            )
        old_constraints, new_constraints = old_field.get("constraints") or {}, field.get("constraints") or {}
        if isinstance(old_constraints, dict) and isinstance(new_constraints, dict):
            changes += _key_changes(
                old_constraints, new_constraints, f"{field_path}.constraints", resource, name, None, kind="constraint"
            )
            skip: tuple[str, ...] = ("name", "type", "constraints")
        else:
            skip = ("name", "type")
        changes += _key_changes(old_field, field, field_path, resource, name, None, skip=skip)
    for name, (index, field) in old_fields.items():
        if name not in new_fields:
            changes.append(SchemaChange(f"{path}.fields[{index}]", "field removed", resource, name, before=field.get("type")))
    if old.get("fields") != new.get("fields") and not changes:  # unnamed or duplicated fields
        changes.append(SchemaChange(f"{path}.fields", "fields changed", resource))
    return changes
