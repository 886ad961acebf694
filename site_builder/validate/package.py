"""Validate one data package: read it safely, then one frictionless pass with our checks.

The package is validated from a normalised copy (BOM removed, LF line endings) so a file saved
by Excel is accepted; line numbers are the same in the copy and the original.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

from frictionless import FrictionlessException, Package

from site_builder.dataset.reading import Table, read_package_files, shown_path
from site_builder.dataset.vocabulary import REFORM_PACKAGE, UNITS_PACKAGE
from site_builder.errors import Problem
from site_builder.validate.checks import checklist, is_reform_error
from site_builder.validate.offline import offline

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


FIXED_DIALECT = {"csv": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True}}
# Our rules that say what is wrong with a cell's value itself, better than frictionless's type or
# constraint error on the same cell (which is then left out). Other rules of ours report a
# consequence (a unit that goes nowhere), so frictionless's own error on the cell stays.
EXPLAINS_THE_VALUE = frozenset(
    {
        "reform-number-syntax",
        "reform-calendar-date",
        "reform-measure-value",
        "reform-link-not-https",
        "reform-control-character",
        "reform-text-not-nfc",
        "reform-future-date",
        "reform-formula-cell",
        "reform-language-code",
        "reform-identifier",
        "reform-invisible-character",
        "reform-mixed-scripts",
        "reform-number-out-of-range",
    }
)
TITLES = {"primary-key": "Primary key", "foreign-key": "Foreign key", "blank-row": "Blank row"}
ROW_POSITION = re.compile(r'(?:the )?row at position "?(\d+)"?')
# The one problem of the units package that is not a frictionless check's: the reform package it names is missing.
UNITS_NEED_REFORM = "reform-units-need-reform-provinces"
STRUCTURE_ERRORS = ("resource-error", "package-error", "schema-error", "field-error", "check-error")


def _header_message(error) -> str:
    label, field = getattr(error, "label", "") or "", getattr(error, "field_name", "") or ""
    position = getattr(error, "field_number", "")
    if error.type == "missing-label":
        what = f'Header: the column "{field}" is missing (position {position})'
    elif error.type == "extra-label":
        what = f'Header: extra label "{label}" at position {position}'
    elif error.type == "incorrect-label":
        what = f'Header: incorrect label "{label}" at position {position} (expected field "{field}")'
    else:
        what = f'Header: {error.title.lower()} "{label}" at position {position}'
    return f"{what}; {HINTS[error.type]}."


def _message(error, line_of=None) -> str:
    field = getattr(error, "field_name", "") or ""
    cell = getattr(error, "cell", None)
    if is_reform_error(error):
        return error.note
    if error.type == "constraint-error" and field and cell in (None, "") and "required" in (error.note or ""):
        return f"{field} is empty but required; fill it in."
    if error.type in ("type-error", "constraint-error") and field:
        return f'{field} "{cell}" is not valid: {error.note}; {HINTS[error.type]}.'
    if error.type.endswith("-label"):
        return _header_message(error)
    hint = HINTS.get(error.type)
    note = error.note or ""
    if line_of:  # frictionless counts logical rows; contributors see lines
        note = ROW_POSITION.sub(lambda m: f"line {line_of(int(m.group(1)))}", note)
    title = TITLES.get(error.type, error.title)
    return f"{title}" + (f": {note}" if note else "") + (f"; {hint}." if hint else ".")


def _row_problems(errors: list, shown: str, table) -> list[Problem]:
    """Problems of one resource's errors, one per row for the structural ones.

    A short row gives frictionless one missing-cell error per absent cell plus a 'required'
    error for each; a blank row also breaks the primary key. A contributor needs one
    sentence per row saying what to do, so those are folded together.
    """
    blank = {e.row_number for e in errors if e.type == "blank-row"}
    missing: dict[int, list[str]] = {}
    extra: dict[int, list[str]] = {}
    for error in errors:
        if error.type == "missing-cell":
            missing.setdefault(error.row_number, []).append(error.field_name)
        elif error.type == "extra-cell":
            extra.setdefault(error.row_number, []).append(str(error.cell))
    # Where one of our rules explains a cell (url "/x" is not https, unit_share "NaN" is not a
    # finite number), frictionless's type or constraint error on the same cell (not a
    # "string/uri"; NaN is above the maximum) only repeats it less helpfully.
    ruled = {
        (e.row_number, e.field_name)
        for e in errors
        if is_reform_error(e) and getattr(e, "field_name", "") and e.type in EXPLAINS_THE_VALUE
    }
    line_of = table.line_of if table else None
    problems = []
    for error in errors:
        row_number = getattr(error, "row_number", None)
        line = line_of(row_number) if line_of and row_number else None
        field = getattr(error, "field_name", "") or ""
        if error.type.endswith("-label"):
            line = 1 if table else None
        if row_number in blank and error.type != "blank-row":
            continue  # the blank row explains it
        if error.type == "missing-cell":
            names = missing[row_number]
            if field != names[0]:
                continue
            message = (
                f"Missing cell: the row has {len(error.cells)} cells but the header has {len(error.cells) + len(names)} "
                f"(missing {', '.join(names)}); add the missing commas or values."
            )
        elif error.type == "extra-cell":
            values = extra[row_number]
            if str(error.cell) != values[0]:
                continue
            message = (
                f'Extra cell: the row has {len(values)} more cell(s) than the header, starting with "{values[0][:40]}"; '
                f"{HINTS['extra-cell']}."
            )
        elif (error.type == "constraint-error" or is_reform_error(error)) and field in missing.get(row_number, ()):
            continue  # the missing-cell problem names it
        elif error.type in ("type-error", "constraint-error") and (row_number, field) in ruled:
            continue
        else:
            message = _message(error, line_of)
        problems.append(Problem(shown, line, message, field, rule=error.type))
    return problems


def validate_package(
    folder: Path, root: Path, reform_provinces: Table | None = None
) -> tuple[list[Problem], dict[str, Table], int]:
    """Problems of the package in `folder` (paths shown relative to `root`), the tables read (by
    resource name) and the number of rows. `reform_provinces`, the reform package's provinces
    table, is what the units package's province ids are checked against (see reform_provinces_table)."""
    files = read_package_files(folder, root)
    if files.problems or files.descriptor is None:
        return files.problems, files.tables, 0  # the files cannot be read as tables yet: fix these first
    problems = frictionless_problems(files.descriptor, files.tables, files.shown_paths, files.shown_descriptor, reform_provinces)
    return files.differences + problems, files.tables, sum(len(t.rows) for t in files.tables.values())


def reform_provinces_table(data_dir: Path, root: Path) -> Table | Problem:
    """The reform package's provinces table, read for the units package's rules (its province ids
    name those provinces), or the one problem saying the units package needs it. The reform
    package's own problems are reported when it is validated; this only says what is missing."""
    folder = data_dir / REFORM_PACKAGE
    files = read_package_files(folder, root) if (folder / "datapackage.json").is_file() else None
    table = files.tables.get("provinces") if files is not None else None
    if table is not None:
        return table
    shown = shown_path(data_dir / UNITS_PACKAGE / "datapackage.json", root)
    where = shown_path(folder / "provinces.csv", root)
    why = (
        "is missing: restore the reform package beside it" if files is None else "cannot be read: fix the problems reported in it"
    )
    return Problem(
        shown,
        None,
        (f"The units package's province_id values name the provinces of {where}, which {why}; until then they are not checked."),
        rule=UNITS_NEED_REFORM,
    )


def with_fixed_dialect(descriptor: dict) -> dict:
    """The descriptor frictionless validates: every resource read as the project's one dialect
    (UTF-8, comma, '"'), so frictionless never guesses a delimiter the build would not use."""
    fixed = dict(descriptor)
    fixed["resources"] = [{**r, "format": "csv", "encoding": "utf-8", "dialect": FIXED_DIALECT} for r in descriptor["resources"]]
    return fixed


def frictionless_problems(
    descriptor: dict,
    tables: dict[str, Table],
    shown_paths: dict[str, str],
    shown_descriptor: str,
    reform_provinces: Table | None = None,
    today: dt.date | None = None,
    whole: dict | None = None,
) -> list[Problem]:
    """Frictionless's report on the package with our rules, as problems; `today` and `whole`:
    see checks.checklist."""
    with tempfile.TemporaryDirectory(prefix="validate-") as temporary:
        base = Path(temporary)
        for resource in descriptor["resources"]:
            target = base / resource["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(tables[resource["name"]].text, encoding="utf-8", newline="")
        (base / "datapackage.json").write_text(json.dumps(with_fixed_dialect(descriptor)), encoding="utf-8")
        try:
            with offline():
                package = Package(str(base / "datapackage.json"))
                report = package.validate(checklist(tables, today, reform_provinces, whole), limit_errors=10_000)
        except FrictionlessException as error:  # a descriptor frictionless cannot use (bad schema, profile ...)
            return [Problem(shown_descriptor, None, f"The descriptor is not a valid data package: {error}.")]
        except Exception as error:  # a bug of ours must still not show a contributor a traceback
            return [
                Problem(
                    shown_descriptor,
                    None,
                    f"The validator failed on this package ({type(error).__name__}: {error}); "
                    "please report it with the files you changed.",
                )
            ]
    problems = []
    for task in report.tasks:
        shown = shown_paths.get(task.name, shown_descriptor)
        structure = [e for e in task.errors if e.type in STRUCTURE_ERRORS]
        problems += [Problem(shown_descriptor, None, f"{e.title}: {e.note}.") for e in structure]
        rows = [e for e in task.errors if e.type not in STRUCTURE_ERRORS]
        problems += _row_problems(rows, shown, tables.get(task.name))
    for error in getattr(report, "errors", []):
        problems.append(Problem(shown_descriptor, None, f"{error.title}: {error.note}."))
    return problems
