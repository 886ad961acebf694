"""The trust line that opens the pull-request comment: data, or code for a maintainer.

A pull request that changes only rows of the CSV files in datapackages/ is data: the checks
(validation, the build, the tests) decide, and it is safe to merge when they pass. Any other
change is code, whatever it looks like: a datapackage.json (schemas), mkdocs.yml
(configuration), docs/ (hand-written pages), .github/ (workflows), site_builder/ (the builder),
the lock files, or anything else, such as a CSV replaced by a symbolic link. A maintainer
reviews those. The first line of the comment says which it is and lists the files.
"""

from __future__ import annotations

import re

from site_builder.review.git_files import ChangedFile
from site_builder.review.markdown import escape_markdown

DATA_FILE = re.compile(r"datapackages/[^/]+/[^/]+\.csv")
REGULAR_FILE_MODES = ("100644", "100755", "000000")  # 000000: the file was deleted
# What a file outside the data is, by where it is (first match).
KINDS = (
    (re.compile(r"datapackages/[^/]+/datapackage\.json"), "schemas"),
    (re.compile(r"mkdocs\.yml"), "site configuration"),
    (re.compile(r"docs/.*"), "hand-written page"),
    (re.compile(r"\.github/.*"), "workflow"),
    (re.compile(r"site_builder/.*"), "builder code"),
    (re.compile(r"(requirements.*\.lock|package-lock\.json|package\.json|pyproject\.toml)"), "dependencies"),
    (re.compile(r"datapackages/.*\.csv"), "not a data file"),
)
MAX_LISTED = 20


def is_data(change: ChangedFile) -> bool:
    """True for a change to the rows of a CSV file of a package: a regular file, added, changed or removed."""
    return bool(DATA_FILE.fullmatch(change.path)) and change.mode in REGULAR_FILE_MODES


def kind_of(change: ChangedFile) -> str:
    if DATA_FILE.fullmatch(change.path):
        return "symbolic link" if change.mode == "120000" else "not a regular file"
    return next((kind for pattern, kind in KINDS if pattern.fullmatch(change.path)), "code")


def trust_line(changed: list[ChangedFile]) -> str:
    """The comment's first line: whether the pull request is data only, and if not, the files a maintainer must review."""
    code = [change for change in changed if not is_data(change)]
    if not code:
        return (
            "**Data only**: this pull request changes rows of CSV files in datapackages/ and nothing else; "
            "it is safe to merge once the checks pass."
        )
    listed = ", ".join(f"{escape_markdown(c.path)} ({kind_of(c)})" for c in code[:MAX_LISTED])
    more = f" and {len(code) - MAX_LISTED} more" if len(code) > MAX_LISTED else ""
    return (
        f"**A maintainer must review this pull request**: it changes {len(code)} file{'s' if len(code) != 1 else ''} "
        f"that {'are' if len(code) != 1 else 'is'} code, not data rows: {listed}{more}."
    )
