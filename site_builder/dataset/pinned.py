"""The schemas are the code's: each package's resource list and every resource's schema, as the
code holds them in pinned/<package>.json, are what validation and the build use.

A pull request that edits datapackage.json (drops a `minimum`, loosens a slug's pattern, adds a
resource) changes nothing the build does: the difference is reported, with its JSON path and
the fix, and the package is read with the code's schema. A maintainer who means to change a
schema changes both files in one commit. The package's and the resources' titles,
descriptions, licences and sources are read from datapackage.json (their keys and shapes are
checked by descriptor_keys.py).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from site_builder.dataset.descriptor import read_descriptor
from site_builder.dataset.schema_diff import METADATA_KEYS, schema_changes
from site_builder.errors import Problem

PINNED_DIR = Path(__file__).resolve().parent / "pinned"
SHOWN_PINNED_DIR = "site_builder/dataset/pinned"
MAX_SHOWN = 20  # differences listed; more are counted
# The package's own keys taken from datapackage.json (descriptor_keys.py checks their shape).
PACKAGE_METADATA = ("name", "title", "description", "version", "created", "keywords", "licenses", "sources")


@functools.cache
def pinned_copy(package: str) -> dict | None:
    """The code's copy of a package's resources ({"name", "resources"}), or None for a package
    the code does not know."""
    path = PINNED_DIR / f"{package}.json"
    if package not in known_packages():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def known_packages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in PINNED_DIR.glob("*.json")))


def read_package_descriptor(folder: Path, root: Path, shown: str) -> tuple[dict | None, list[Problem], list[Problem]]:
    """(the descriptor to read the package with, problems that prevent reading it, differences
    from the code's schemas). The descriptor has the code's resources and schemas, with the
    titles, descriptions, licences and sources of datapackage.json."""
    blocking: list[Problem] = []
    copy = pinned_copy(folder.name)
    if copy is None:
        known = ", ".join(known_packages())
        blocking.append(
            Problem(
                shown,
                None,
                f'"{folder.name}" is not a package the site knows ({known}); a new package is a change of code: '
                f"a maintainer adds its schemas to {SHOWN_PINNED_DIR}/. Move the data into one of those packages.",
            )
        )
        return None, blocking, []
    descriptor = read_descriptor(folder / "datapackage.json", root, shown, blocking)
    if descriptor is None:
        return None, blocking, []
    return with_pinned_schemas(descriptor, copy), blocking, differences(descriptor, copy, shown)


def differences(descriptor: dict, copy: dict, shown: str) -> list[Problem]:
    """A problem for each difference between datapackage.json's schemas and the code's copy."""
    pinned_file = f"{SHOWN_PINNED_DIR}/{copy['name']}.json"
    why = "the schemas are pinned by the code, so a change of schema is a change of code, which a maintainer makes in both files in one commit."
    found = []
    if descriptor.get("name") != copy["name"]:
        found.append(Problem(shown, None, f'$.name: must be "{copy["name"]}", the name of the package\'s folder.'))
    for change in schema_changes(copy, descriptor):
        fix = "Remove it" if change.kind.endswith("added") else "Restore it"
        found.append(
            Problem(
                shown, None, f"{change.path}: {change.describe()}, compared with the code's copy ({pinned_file}). {fix}: {why}"
            )
        )
    fix = f"Make datapackage.json's schemas those of {pinned_file}: {why}"
    if len(found) > MAX_SHOWN:
        more = len(found) - MAX_SHOWN
        found = found[:MAX_SHOWN] + [Problem(shown, None, f"… and {more} more differences from {pinned_file}. {fix}")]
    return found


def with_pinned_schemas(descriptor: dict, copy: dict) -> dict:
    """`descriptor` with the code's resources, in the code's order, each with its schema, path
    and format from the code and its title, description, licences and sources from `descriptor`;
    of the package's own keys, only its metadata (PACKAGE_METADATA). Nothing else of
    `descriptor` is kept, so nothing else is ever published. Equal to `descriptor`, key order
    included, when nothing differs."""
    written = {r.get("name"): r for r in descriptor.get("resources", []) if isinstance(r, dict)}
    resources = []
    for pinned in copy["resources"]:
        resource = {}
        for key, value in written.get(pinned["name"], {}).items():
            if key in METADATA_KEYS:
                resource[key] = value
            elif key in pinned:
                resource[key] = pinned[key]
        resources.append({**resource, **{k: v for k, v in pinned.items() if k not in resource}})
    result = {
        key: (resources if key == "resources" else value)
        for key, value in descriptor.items()
        if key in PACKAGE_METADATA or key == "resources"
    }
    result["name"] = copy["name"]
    return result
