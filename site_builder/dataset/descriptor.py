"""A package's datapackage.json: parsed, and refused if it points anywhere but its own folder.

Frictionless follows a `schema`, `dialect` or `profile` given as a path or an address, and
would fetch it from the network while validating a pull request. Ours are always written
inline, so any reference is reported instead of followed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_builder.dataset.safe_files import UnsafeFile, read_regular_file
from site_builder.errors import Problem

# Profiles frictionless knows by name, without fetching anything.
KNOWN_PROFILES = ("data-package", "tabular-data-package", "data-resource", "tabular-data-resource")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_INLINE_ONLY = ("schema", "dialect")


def read_descriptor(path: Path, root: Path, shown: str, problems: list[Problem]) -> dict | None:
    """The parsed datapackage.json, or None with a problem (a syntax error names its line)."""
    try:
        text = read_regular_file(path, root).decode("utf-8-sig")
    except FileNotFoundError:
        problems.append(
            Problem(shown, None, "The package descriptor is missing; every folder in datapackages/ needs a datapackage.json.")
        )
        return None
    except UnsafeFile as error:
        problems.append(Problem(shown, None, f"The package descriptor {error}."))
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, None, f"Cannot read the descriptor ({type(error).__name__}); save it as UTF-8."))
        return None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem(
                shown,
                error.lineno,
                f"Not valid JSON: {error.msg} (column {error.colno}). Check for a missing comma, quote or bracket.",
            )
        )
        return None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        problems.append(Problem(shown, None, 'The descriptor must be a JSON object with a "resources" list.'))
        return None
    found = reference_problems(descriptor, shown)
    problems.extend(found)
    return None if found else descriptor


def reference_problems(descriptor: dict, shown: str) -> list[Problem]:
    """A problem for every reference the descriptor makes to something outside itself."""
    problems = [Problem(shown, None, message) for message in _profile_problems(descriptor, "The package")]
    for index, resource in enumerate(descriptor["resources"]):
        if not isinstance(resource, dict):
            continue
        where = f'Resource "{resource.get("name", index + 1)}"'
        problems += [Problem(shown, None, message) for message in _profile_problems(resource, where)]
        for key in _INLINE_ONLY:
            if key in resource and not isinstance(resource[key], dict):
                problems.append(
                    Problem(
                        shown,
                        None,
                        f'{where}: "{key}" must be written inline as a JSON object; '
                        "references to other files or addresses are not followed.",
                    )
                )
        path = resource.get("path")
        if isinstance(path, str) and _SCHEME.match(path):
            problems.append(Problem(shown, None, f'{where}: "path" must be a file in the package folder, not an address.'))
    return problems


def _profile_problems(descriptor: dict, where: str) -> list[str]:
    return [
        f'{where}: "{key}" may only name a standard profile ({", ".join(KNOWN_PROFILES)}); other profiles are not fetched.'
        for key in ("profile", "$schema")
        if key in descriptor and descriptor[key] not in KNOWN_PROFILES
    ]
