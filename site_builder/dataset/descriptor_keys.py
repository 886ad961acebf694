"""The keys a datapackage.json may hold, and the shape of each: anything else is refused, never
read and never published.

Frictionless reads many more keys than ours (`extrapaths` makes it fetch more files, from
anywhere; `dialect` changes how a CSV is read), and a key we do not know would be published in
the downloads' datapackage.json, where every user who validates it would follow it. So the
descriptor is read against this list; adding a key is a change of code, made by a maintainer.
"""

from __future__ import annotations

import re

from site_builder.dataset.lookalikes import describe_host_lookalike, describe_invisible, describe_mixed_scripts
from site_builder.dataset.schema_diff import child

PACKAGE_KEYS = (
    "name",
    "title",
    "description",
    "version",
    "created",
    "keywords",
    "licenses",
    "sources",
    "resources",
    "profile",
    "$schema",
)
RESOURCE_KEYS = (
    "name",
    "path",
    "title",
    "description",
    "profile",
    "$schema",
    "format",
    "mediatype",
    "encoding",
    "licenses",
    "sources",
    "schema",
)
# A licence or a source named by the package or a resource.
REFERENCE_KEYS = ("name", "path", "title", "version")
TEXT_KEYS = ("title", "description", "version", "created")
# Package and resource names: they name folders and files of the downloads.
NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
HTTPS = re.compile(r"https://[^\s/?#]+(?:[/?#]\S*)?")


def key_problems(descriptor: dict) -> list[str]:
    """Every key outside the lists above, and every value of the wrong shape, as
    `JSON path: sentence` (the caller adds the file)."""
    problems = _unknown(descriptor, "$", PACKAGE_KEYS, "a package")
    problems += _values(descriptor, "$")
    for index, resource in enumerate(descriptor.get("resources") or []):
        path = f"$.resources[{index}]"
        if not isinstance(resource, dict):
            problems.append(f"{path}: a resource must be a JSON object.")
            continue
        problems += _unknown(resource, path, RESOURCE_KEYS, "a resource")
        problems += _values(resource, path)
    return problems


def _unknown(described: dict, path: str, known: tuple[str, ...], what: str) -> list[str]:
    return [
        f'{child(path, key)}: "{key[:60]}" is not a key the site reads for {what}, and it would be published with the '
        f"downloads; remove it (the keys it may have: {', '.join(known)}; another needs a change of code by a maintainer)."
        for key in described
        if key not in known
    ]


def _values(described: dict, path: str) -> list[str]:
    problems = []
    name = described.get("name")
    if "name" in described and not (isinstance(name, str) and NAME.fullmatch(name)):
        problems.append(
            f"{child(path, 'name')}: must be lower-case letters, digits and underscores, starting with a letter "
            f"(it names files of the downloads); {_shown(name)} is not."
        )
    for key in TEXT_KEYS:
        if key in described:
            problems += _text_problems(described[key], child(path, key), names=key == "title")
    keywords = described.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problems.append(f"{child(path, 'keywords')}: must be a list of words.")
    for key in ("licenses", "sources"):
        if key in described:
            problems += _reference_problems(described[key], child(path, key))
    return problems


def _text_problems(value: object, path: str, names: bool) -> list[str]:
    if not isinstance(value, str):
        return [f"{path}: must be text, not {_shown(value)}."]
    invisible = describe_invisible(value) if names else None
    if invisible:
        return [f"{path}: {invisible}; delete it."]
    return []


def _reference_problems(entries: object, path: str) -> list[str]:
    if not isinstance(entries, list):
        return [f"{path}: must be a list of objects with {', '.join(REFERENCE_KEYS)}."]
    problems = []
    for index, entry in enumerate(entries):
        where = f"{path}[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be an object with {', '.join(REFERENCE_KEYS)}.")
            continue
        problems += _unknown(entry, where, REFERENCE_KEYS, "a licence or a source")
        for key in ("name", "title", "version"):
            if key in entry:
                problems += _text_problems(entry[key], child(where, key), names=True)
        address = entry.get("path")
        if "path" in entry and not (isinstance(address, str) and HTTPS.fullmatch(address)):
            problems.append(f"{child(where, 'path')}: must be an https:// address; {_shown(address)} is not.")
        elif isinstance(address, str) and (lookalike := describe_host_lookalike(address)):
            problems.append(f"{child(where, 'path')}: {lookalike}; type the address in Latin letters.")
    for key in ("title", "name"):
        for index, entry in enumerate(entries):
            text = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(text, str) and (mixed := describe_mixed_scripts(text)):
                problems.append(f"{child(f'{path}[{index}]', key)}: {mixed}; retype it in one script.")
    return problems


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:59] + "…"
