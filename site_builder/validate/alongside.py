"""The units package validated in a second process while the reform package's large figures
table goes through DuckDB: on two cores the two overlap, so the units package (some 25,000 rows
through frictionless, seconds) no longer adds its time to a large validation. Only then: with
today's small figures the two run one after the other in one process, as always.

The second process gets the reform package's provinces table (which the units package's province
ids name) by reading that one file, as package.py would have read it; whatever goes wrong there
is left to the ordinary, sequential path.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from site_builder.dataset.descriptor import read_descriptor
from site_builder.dataset.reading import Reading, Table, read_table, shown_path
from site_builder.dataset.vocabulary import REFORM_PACKAGE, UNITS_PACKAGE
from site_builder.errors import Problem
from site_builder.validate import columnar
from site_builder.validate.package import reform_provinces_table, validate_package


def worth_it(data_dir: Path) -> bool:
    """True when the reform package's figures table is large enough for the columnar engine and
    there is a units package to validate beside it, and this process runs one thread (a fork
    copies no other thread, so a lock one of them held would never be released in the copy:
    `site-builder serve`, with its server and watcher threads, validates the ordinary way)."""
    if threading.active_count() > 1:
        return False
    reform, units = data_dir / REFORM_PACKAGE, data_dir / UNITS_PACKAGE
    if not (reform / "datapackage.json").is_file() or not (units / "datapackage.json").is_file():
        return False
    problems: list[Problem] = []
    descriptor = read_descriptor(reform / "datapackage.json", data_dir.parent, "", problems)
    return descriptor is not None and not problems and columnar.candidate(reform, data_dir.parent, descriptor) is not None


def start(data_dir: Path) -> tuple[ProcessPoolExecutor, Future]:
    """The units package's validation, started in a forked process (nothing to import again)."""
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return executor, executor.submit(units_alone, data_dir / UNITS_PACKAGE, data_dir, data_dir.parent)


def units_alone(folder: Path, data_dir: Path, root: Path) -> tuple[list[Problem], int, int]:
    """(problems, resources, rows) of the units package, as validate_with_summary finds them."""
    provinces = reform_provinces_only(data_dir, root) or reform_provinces_table(data_dir, root)
    problems = [provinces] if isinstance(provinces, Problem) else []
    found, tables, rows = validate_package(folder, root, None if problems else provinces)
    return problems + found, len(tables), rows


def reform_provinces_only(data_dir: Path, root: Path) -> Table | None:
    """The reform package's provinces table, read alone (not the large figures beside it)."""
    folder = data_dir / REFORM_PACKAGE
    shown_descriptor = shown_path(folder / "datapackage.json", root)
    problems: list[Problem] = []
    descriptor = read_descriptor(folder / "datapackage.json", root, shown_descriptor, problems)
    resources = descriptor.get("resources", []) if descriptor else []
    resource = next((r for r in resources if isinstance(r, dict) and r.get("name") == "provinces"), None)
    path = resource.get("path") if resource else None
    if not isinstance(path, str) or Path(path).is_absolute() or ".." in Path(path).parts:
        return None
    return read_table(folder / path, root, shown_path(folder / path, root), Reading(), "provinces", shown_descriptor)
