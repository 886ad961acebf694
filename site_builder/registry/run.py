"""Run the extractor in the registry environment and write the registry tables.

I/O only: the decisions are in transform.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

from site_builder.registry.errors import RegistryError
from site_builder.registry.packages import EXPECTED_VERSIONS, SOURCE_IDS
from site_builder.registry.transform import PROVINCE_COLUMNS, SUCCESSION_COLUMNS, UNIT_COUNT_COLUMNS, Tables
from site_builder.registry.units import UnitTables
from site_builder.registry.units_package import COLUMNS as UNIT_COLUMNS
from site_builder.registry.units_package import descriptor_text

EXTRACTOR = Path(__file__).with_name("extract.py")


def default_registry_python(root: Path) -> Path:
    """$REGISTRY_PYTHON if set (the Makefile sets it), else the project's .venv-registry."""
    return Path(os.environ.get("REGISTRY_PYTHON") or root / ".venv-registry" / "bin" / "python")


def run_extractor(python: Path, timeout: float = 300) -> dict:
    """The registry document printed by extract.py, or RegistryError saying what to fix."""
    if not Path(python).exists():
        raise RegistryError(
            f"{python} does not exist. Create the registry environment with `make .venv-registry/bin/python` "
            f"(needs Python >= 3.12) or pass --registry-python."
        )
    try:
        done = subprocess.run(
            [str(python), str(EXTRACTOR)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    except subprocess.TimeoutExpired:
        raise RegistryError(f"The registry extractor did not finish within {timeout:.0f} s.") from None
    except OSError as error:
        raise RegistryError(f"Cannot run {python}: {error.strerror}.") from None
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise RegistryError(
            f"The registry extractor failed (exit {done.returncode}). Is {python} the registry environment "
            f"with requirements-registry.lock installed?\n{tail}"
        )
    try:
        document = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise RegistryError(f"The registry extractor printed no valid JSON ({error}).") from None
    wrong = {name: version for name, version in document.get("packages", {}).items() if EXPECTED_VERSIONS.get(name) != version}
    if wrong or set(document.get("packages", {})) != set(EXPECTED_VERSIONS):
        found = ", ".join(f"{n} {v}" for n, v in sorted(document.get("packages", {}).items()))
        want = ", ".join(f"{n} {v}" for n, v in sorted(EXPECTED_VERSIONS.items()))
        raise RegistryError(
            f"The registry environment has {found}; the data was imported with {want}. "
            f"Reinstall it from requirements-registry.lock (on Python 3.11 pip picks an older vietnam-provinces)."
        )
    return document


def csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def table_files(tables: Tables) -> dict[str, str]:
    """File name -> CSV text, the way they are committed."""
    return {
        "provinces.csv": csv_text(tables.provinces, PROVINCE_COLUMNS),
        "successions.csv": csv_text(tables.successions, SUCCESSION_COLUMNS),
        "unit_counts.csv": csv_text(tables.unit_counts, UNIT_COUNT_COLUMNS),
    }


def unit_files(tables: UnitTables) -> dict[str, str]:
    """File name -> text of the units package, datapackage.json included."""
    files = {f"{name}.csv": csv_text(getattr(tables, name), columns) for name, columns in UNIT_COLUMNS.items()}
    files["datapackage.json"] = descriptor_text()
    return files


def with_versions(sources_csv: str, packages: dict[str, str]) -> str:
    """sources.csv with the `version` of the registry rows set; every other line kept byte for byte."""
    lines = sources_csv.splitlines(keepends=True)
    if not lines:
        raise RegistryError("sources.csv is empty; restore it from git before importing.")
    header = next(csv.reader([lines[0]]))
    version_at = header.index("version")
    wanted = {f"{SOURCE_IDS[name]},": version for name, version in packages.items()}
    for number, line in enumerate(lines):
        prefix = next((p for p in wanted if line.startswith(p)), None)
        if prefix is None:
            continue
        row = next(csv.reader([line]))
        row[version_at] = wanted[prefix]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n" if line.endswith("\n") else "").writerow(row)
        lines[number] = out.getvalue()
    return "".join(lines)


def differing_files(files: dict[Path, str]) -> list[Path]:
    """The paths whose committed text is not the fresh import's (or that are missing)."""
    return [path for path, text in sorted(files.items()) if not path.is_file() or path.read_text(encoding="utf-8") != text]
