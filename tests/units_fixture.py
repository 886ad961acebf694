"""The units package of the `units_project` fixture (tests/conftest.py) and editing its CSVs.

The fixture is the reform fixture of the `project` fixture plus tests/fixtures/units/ (real rows
of Đà Nẵng) with the repository's units datapackage.json, whose sources are replaced by the
fixture's own: the fixture is not the registry's full import, so the totals rule does not apply
to it until a test restores them.
"""

from __future__ import annotations

from pathlib import Path

UNITS_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "units"
UNITS = "datapackages/units"
FIXTURE_SOURCE = {"title": "A few rows of the units package, for the tests", "path": "https://example.org/units-fixture"}


def units_file(project: Path, name: str) -> Path:
    return project / "datapackages" / "units" / name


def edit(project: Path, name: str, old: str, new: str) -> int:
    """Replace the first `old` in a units CSV; return the line where it was."""
    path = units_file(project, name)
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def add(project: Path, name: str, line: str) -> int:
    """Append a row to a units CSV; return its line."""
    path = units_file(project, name)
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1
