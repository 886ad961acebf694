"""A package's datapackage.json: parsed, and refused if it points anywhere but its own folder,
holds a key we do not know (descriptor_keys.py), or is larger or deeper than any of ours.

Frictionless follows a `schema`, `dialect` or `profile` given as a path or an address, and
would fetch it from the network while validating a pull request. Ours are always written
inline, so any reference is reported instead of followed. A file of gigabytes, or brackets
nested thousands deep (which make Python's JSON reader fail with a RecursionError), get a
sentence, never a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_builder.dataset.descriptor_keys import key_problems
from site_builder.dataset.safe_files import UnsafeFile, read_regular_file
from site_builder.errors import Problem

# Profiles frictionless knows by name, without fetching anything.
KNOWN_PROFILES = ("data-package", "tabular-data-package", "data-resource", "tabular-data-resource")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_INLINE_ONLY = ("schema",)  # a dialect is refused whole: the code fixes it (descriptor_keys.py)
# Ours are 22 KB and 8 levels deep.
MAX_DESCRIPTOR_BYTES = 1024 * 1024
MAX_DEPTH = 32
_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}\n]')


def read_descriptor(path: Path, root: Path, shown: str, problems: list[Problem]) -> dict | None:
    """The parsed datapackage.json, or None with a problem (a syntax error names its line)."""
    try:
        text = read_regular_file(path, root, limit=MAX_DESCRIPTOR_BYTES).decode("utf-8-sig")
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
    too_deep = line_too_deep(text)
    if too_deep is not None:
        problems.append(
            Problem(
                shown,
                too_deep,
                f"Brackets are nested more than {MAX_DEPTH} levels deep here (ours need 8); "
                "a descriptor this deep is not read. Close the brackets opened above.",
            )
        )
        return None
    try:
        descriptor = json.loads(text)
    except RecursionError:  # not expected after the depth check; never a traceback all the same
        problems.append(Problem(shown, None, f"Brackets are nested too deep to read; ours need 8 levels, {MAX_DEPTH} at most."))
        return None
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
    found = reference_problems(descriptor, shown) + [Problem(shown, None, message) for message in key_problems(descriptor)]
    problems.extend(found)
    return None if found else descriptor


def line_too_deep(text: str) -> int | None:
    """The line where brackets first nest deeper than MAX_DEPTH (strings skipped), or None."""
    depth, line = 0, 1
    for match in _BRACKET_OR_STRING.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif token in "]}":
            depth -= 1
    return None


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
