"""`site-builder validate`: every data package checked by frictionless (schemas, types,
constraints, primary and foreign keys) plus our own rules, each problem reported at the file
and physical line a contributor sees, never as a traceback.

- package.py: one package: read it (dataset/reading.py), one frictionless pass, problems phrased with the fix;
  the units package is given the reform package's provinces table, which its province ids name
- large_package.py: a package whose figures table is large: that table through columnar/, the rest as package.py
- alongside.py: the units package in a second process while a large figures table is scanned
- columnar/: DuckDB reads a large table once and picks the rows the exact rules must see
- checks/: our rules, one frictionless check and one error type each
- offline.py: frictionless with no way to open an address (a refusing HTTP session, local loaders only)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_builder.dataset.vocabulary import REFORM_PACKAGE, UNITS_PACKAGE
from site_builder.errors import PROBLEM_FORMATS as FORMATS
from site_builder.errors import Problem, format_problem
from site_builder.validate import alongside
from site_builder.validate.large_package import validate_large_package
from site_builder.validate.package import reform_provinces_table, validate_package

__all__ = ["FORMATS", "Problem", "Summary", "format_problem", "validate_packages", "validate_with_summary"]


@dataclass(frozen=True)
class Summary:
    """What was read, for the command's closing line."""

    packages: int
    resources: int
    rows: int


def validate_with_summary(data_dir: Path) -> tuple[list[Problem], Summary]:
    """Problems of every package under `data_dir` (each subfolder with a datapackage.json), sorted."""
    data_dir = Path(data_dir)
    root = data_dir.parent
    if not data_dir.is_dir():
        return [Problem(data_dir.as_posix(), None, "No such folder; the data packages live in datapackages/.")], Summary(0, 0, 0)
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    problems: list[Problem] = []
    resources = rows = 0
    read: dict[str, dict] = {}  # package name -> its tables, as validated
    executor, units_job = alongside.start(data_dir) if alongside.worth_it(data_dir) else (None, None)
    try:
        for folder in folders:
            if units_job is not None and folder.name == UNITS_PACKAGE:
                try:
                    found, count_resources, count = units_job.result()
                    problems += found
                    resources, rows = resources + count_resources, rows + count
                    continue
                except Exception:  # noqa: BLE001  the second process failed: validate it here instead
                    pass
            found, read[folder.name], count = _validate_folder(folder, data_dir, root, read, problems)
            problems += found
            resources += len(read[folder.name])
            rows += count
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    if not folders:
        problems.append(
            Problem(data_dir.as_posix(), None, "No data package found; each package is a folder with a datapackage.json.")
        )
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field, p.message))
    return ordered, Summary(len(folders), resources, rows)


def _validate_folder(folder: Path, data_dir: Path, root: Path, read: dict[str, dict], problems: list[Problem]):
    """(problems, tables, rows) of one package; a missing reform provinces table goes to `problems`."""
    reform_provinces = None
    if folder.name == UNITS_PACKAGE:  # its province ids name the reform package's provinces
        # The reform package sorts first and was read just now; read it again only if it was not.
        reform_provinces = read.get(REFORM_PACKAGE, {}).get("provinces") or reform_provinces_table(data_dir, root)
        if isinstance(reform_provinces, Problem):
            problems.append(reform_provinces)
            reform_provinces = None
    return validate_large_package(folder, root, reform_provinces) or validate_package(folder, root, reform_provinces)


def validate_packages(data_dir: Path) -> list[Problem]:
    """Every problem of every package under `data_dir` (the datapackages/ folder), sorted by file and line.

    Paths are relative to `data_dir`'s parent, the project root. Never raises on bad input.
    """
    return validate_with_summary(data_dir)[0]
