"""Validate one data package: read it safely, then one frictionless pass with our checks.

The package is validated from a normalised copy (BOM removed, LF line endings) so a file saved
by Excel is accepted; line numbers are the same in the copy and the original.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from frictionless import Checklist, Package

from site_builder.validate import rules
from site_builder.validate.problem import Problem
from site_builder.validate.reading import Reading, Table, decode, parse_table, read_descriptor

# Frictionless error types whose message we phrase ourselves, with the fix.
HINTS = {
    "type-error": "fix the value so it matches the field's type",
    "constraint-error": "see the field's constraints in datapackage.json",
    "missing-cell": "the row has fewer cells than the header; add the missing commas or values",
    "extra-cell": "the row has more cells than the header; quote cells that contain commas",
    "blank-row": "remove the empty line",
    "primary-key": "ids must be unique; change or remove one of the rows",
    "foreign-key": "the value must exist in the resource it refers to",
    "incorrect-label": "the header must be exactly the field names of datapackage.json, in that order",
    "missing-label": "the header lacks a column of datapackage.json",
    "extra-label": "the header has a column datapackage.json does not define",
    "blank-label": "a header cell is empty",
    "duplicate-label": "a column name appears twice in the header",
}


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _context(tables: dict[str, Table]) -> dict:
    provinces, successors, figure_ids = {}, {}, set()
    if "provinces" in tables:
        for _, row in tables["provinces"].records():
            provinces[row.get("id", "")] = (row.get("valid_from", ""), row.get("valid_to", ""), row.get("name_en") or row.get("id", ""))
    if "successions" in tables:
        successors = {row.get("predecessor_id", ""): row.get("successor_id", "") for _, row in tables["successions"].records()}
    if "figures" in tables:
        figure_ids = {row.get("id", "") for _, row in tables["figures"].records()}
    line_of = tables["figures"].line_of if "figures" in tables else None
    return {"provinces": provinces, "successors": successors, "figure_ids": figure_ids, "line_of": line_of}


def checklist(tables: dict[str, Table]) -> Checklist:
    context = _context(tables)
    return Checklist(checks=[
        rules.no_formula_cells(),
        rules.https_links(),
        rules.language_codes(),
        rules.quote_not_empty(),
        rules.figure_within_lifetime(context=context),
        rules.figures_consistent(context=context),
        rules.disagreement_figures_exist(context=context),
    ])


TITLES = {"primary-key": "Primary key", "foreign-key": "Foreign key", "extra-cell": "Extra cell",
          "missing-cell": "Missing cell", "blank-row": "Blank row"}
ROW_POSITION = re.compile(r'(?:the )?row at position "?(\d+)"?')


def _message(error, line_of=None) -> str:
    field = getattr(error, "field_name", "") or ""
    cell = getattr(error, "cell", None)
    if error.type in ("reform-rule", "reform-row-rule"):
        return error.note
    if error.type in ("type-error", "constraint-error") and field:
        return f"{field} \"{cell}\" is not valid: {error.note}; {HINTS[error.type]}."
    if error.type in ("incorrect-label", "missing-label", "extra-label", "blank-label", "duplicate-label"):
        label = getattr(error, "label", "")
        return f"Header: {error.title.lower()} \"{label}\" (expected field \"{field}\"); {HINTS[error.type]}."
    hint = HINTS.get(error.type)
    note = error.note or ""
    if line_of:  # frictionless counts logical rows; contributors see lines
        note = ROW_POSITION.sub(lambda m: f"line {line_of(int(m.group(1)))}", note)
    title = TITLES.get(error.type, error.title)
    return f"{title}" + (f": {note}" if note else "") + (f"; {hint}." if hint else ".")


def validate_package(folder: Path, root: Path) -> tuple[list[Problem], int]:
    """Problems of the package in `folder` (paths shown relative to `root`) and the number of rows read."""
    reading = Reading()
    shown_descriptor = _relative(folder / "datapackage.json", root)
    descriptor = read_descriptor(folder / "datapackage.json", shown_descriptor, reading)
    if descriptor is None:
        return reading.problems, 0
    tables: dict[str, Table] = {}
    shown_paths: dict[str, str] = {}
    for index, resource in enumerate(descriptor["resources"]):
        name, path = resource.get("name"), resource.get("path")
        if not isinstance(name, str) or not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
            reading.problems.append(Problem(shown_descriptor, None, f"Resource {index + 1} needs a \"name\" and a relative \"path\" inside the package."))
            continue
        file = folder / path
        shown = shown_paths[name] = _relative(file, root)
        try:
            data = file.read_bytes()
        except OSError:
            reading.problems.append(Problem(shown, None, f"The file of resource \"{name}\" is missing; create it or fix \"path\" in {shown_descriptor}."))
            continue
        text = decode(data, shown, reading)
        table = parse_table(text, shown, reading) if text is not None else None
        if table is not None:
            tables[name] = table
    if reading.problems:
        return reading.problems, 0  # the files cannot be read as tables yet: fix these first
    problems = _frictionless_problems(descriptor, tables, shown_paths, shown_descriptor)
    return problems, sum(len(t.rows) for t in tables.values())


def _frictionless_problems(descriptor: dict, tables: dict[str, Table], shown_paths: dict[str, str], shown_descriptor: str) -> list[Problem]:
    import json

    with tempfile.TemporaryDirectory(prefix="validate-") as temporary:
        base = Path(temporary)
        for resource in descriptor["resources"]:
            target = base / resource["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(tables[resource["name"]].text, encoding="utf-8")
        (base / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        try:
            package = Package(str(base / "datapackage.json"))
            report = package.validate(checklist(tables), limit_errors=10_000)
        except Exception as error:  # frictionless raises its own FrictionlessException on bad descriptors
            return [Problem(shown_descriptor, None, f"The descriptor is not a valid data package: {error}.")]
    problems = []
    for task in report.tasks:
        name = task.name
        shown = shown_paths.get(name, shown_descriptor)
        table = tables.get(name)
        for error in task.errors:
            row_number = getattr(error, "row_number", None)
            line = table.line_of(row_number) if table and row_number else (1 if "label" in error.type and table else None)
            if error.type in ("resource-error", "package-error", "schema-error", "field-error", "check-error"):
                shown_here = shown_descriptor
                line = None
            else:
                shown_here = shown
            problems.append(Problem(shown_here, line, _message(error, table.line_of if table else None), getattr(error, "field_name", "") or ""))
    for error in getattr(report, "errors", []):
        problems.append(Problem(shown_descriptor, None, f"{error.title}: {error.note}."))
    return problems
