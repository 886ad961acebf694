"""A fresh import from the registry packages gives exactly the committed files (the reform
package's registry CSVs and the whole units package), and the totals are the registry's: 63 and
34 provinces, 10,035 and 3,321 commune-level units.

Runs the real packages in the registry environment (Python >= 3.12). Missing that environment
is a failure, not a skip: CI must run this (`make test` creates .venv-registry and sets
REGISTRY_PYTHON).
"""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from site_builder.cli import main

REPO = Path(__file__).resolve().parents[1]
PACKAGES = REPO / "datapackages"
PACKAGE = PACKAGES / "reform"
REGISTRY_FILES = ("provinces.csv", "successions.csv", "unit_counts.csv", "sources.csv")
UNITS_FILES = (
    "datapackage.json",
    "districts.csv",
    "units_before.csv",
    "units_after.csv",
    "unit_changes.csv",
    "registry_disagreements.csv",
)

pytestmark = pytest.mark.registry


def registry_python() -> str:
    python = os.environ.get("REGISTRY_PYTHON") or str(REPO / ".venv-registry" / "bin" / "python")
    if not Path(python).exists():
        pytest.fail(
            f"The registry environment {python} is missing: run `make test` (it creates .venv-registry) "
            f"or set REGISTRY_PYTHON to a Python >= 3.12 with requirements-registry.lock installed."
        )
    return python


def rows(name: str) -> list[dict[str, str]]:
    with (PACKAGE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_fresh_import_is_byte_identical_to_the_committed_files(tmp_path, capsys):
    (tmp_path / "reform").mkdir()
    shutil.copy(PACKAGE / "sources.csv", tmp_path / "reform" / "sources.csv")
    status = main(["import-registry", "--registry-python", registry_python(), "--out", str(tmp_path)])
    output = capsys.readouterr()
    assert status == 0, output.err
    for folder, names in (("reform", REGISTRY_FILES), ("units", UNITS_FILES)):
        for name in names:
            fresh, committed = tmp_path / folder / name, PACKAGES / folder / name
            assert fresh.read_bytes() == committed.read_bytes(), f"{folder}/{name} differs from a fresh import"
    assert "corrected: vietnam-provinces ward_conversion 27691: province 82 -> 80" in output.out
    assert "successors_differ: 37" in output.out


def test_check_mode_reports_a_stale_file_in_either_package(tmp_path, capsys):
    shutil.copytree(PACKAGE, tmp_path / "reform")
    shutil.copytree(PACKAGES / "units", tmp_path / "units")
    with (tmp_path / "reform" / "unit_counts.csv").open("a", encoding="utf-8") as handle:
        handle.write("p63-99,2025-06-30,,1,0,0,,1,registry-vietnamadminunits\n")
    (tmp_path / "units" / "unit_changes.csv").unlink()
    status = main(["import-registry", "--registry-python", registry_python(), "--out", str(tmp_path), "--check"])
    out = capsys.readouterr().out
    assert status == 1
    assert "unit_counts.csv: differs from a fresh import" in out
    assert "unit_changes.csv: differs from a fresh import" in out


def test_missing_registry_python_is_a_sentence_not_a_traceback(tmp_path, capsys):
    status = main(["import-registry", "--registry-python", str(tmp_path / "nope" / "python"), "--out", str(tmp_path)])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err


def test_provinces_add_up_to_63_before_and_34_after():
    provinces = rows("provinces.csv")
    assert sum(p["id"].startswith("p63-") for p in provinces) == 63
    assert sum(p["id"].startswith("p34-") for p in provinces) == 34
    assert len({p["id"] for p in provinces}) == 98
    assert [p["id"] for p in provinces if p["type"] == "country"] == ["vn"]


def test_commune_level_units_add_up_to_the_national_totals():
    counts = rows("unit_counts.csv")
    before = [c for c in counts if c["province_id"].startswith("p63-")]
    after = [c for c in counts if c["province_id"].startswith("p34-")]
    assert sum(int(c["total"]) for c in before) == 10_035
    assert sum(int(c["districts"]) for c in before) == 696
    assert sum(int(c["total"]) for c in after) == 3_321
    assert sum(int(c["communes"]) for c in after) == 2_621
    assert sum(int(c["wards"]) for c in after) == 687
    assert sum(int(c["special_zones"]) for c in after) == 13


def test_every_old_province_has_one_successor_and_every_new_one_a_predecessor():
    successions = rows("successions.csv")
    assert len({s["predecessor_id"] for s in successions}) == 63
    assert {s["successor_id"] for s in successions} == {p["id"] for p in rows("provinces.csv") if p["id"].startswith("p34-")}
    continued = {s["predecessor_id"] for s in successions if s["kind"] == "continued"}
    assert len(continued) == 11


def test_registry_versions_are_recorded_as_sources():
    sources = {s["id"]: s for s in rows("sources.csv")}
    assert sources["registry-vietnam-provinces"]["version"] == "2026.9.0"
    assert sources["registry-vietnamadminunits"]["version"] == "1.0.4"


def test_no_coordinates_are_published():
    for name in ("provinces.csv", "unit_counts.csv", "successions.csv"):
        header = (PACKAGE / name).read_text(encoding="utf-8").splitlines()[0].lower()
        assert not any(word in header for word in ("lat", "lon", "bounds", "geo"))
