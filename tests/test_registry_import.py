"""A fresh import from the registry packages gives exactly the committed CSVs, and the totals
are the registry's: 63 and 34 provinces, 10,035 and 3,321 commune-level units.

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
PACKAGE = REPO / "datapackages" / "reform"
REGISTRY_FILES = ("provinces.csv", "successions.csv", "unit_counts.csv", "sources.csv")

pytestmark = pytest.mark.registry


def registry_python() -> str:
    python = os.environ.get("REGISTRY_PYTHON") or str(REPO / ".venv-registry" / "bin" / "python")
    if not Path(python).exists():
        pytest.fail(f"The registry environment {python} is missing: run `make test` (it creates .venv-registry) "
                    f"or set REGISTRY_PYTHON to a Python >= 3.12 with requirements-registry.lock installed.")
    return python


def rows(name: str) -> list[dict[str, str]]:
    with (PACKAGE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_fresh_import_is_byte_identical_to_the_committed_csvs(tmp_path, capsys):
    shutil.copy(PACKAGE / "sources.csv", tmp_path / "sources.csv")
    status = main(["import-registry", "--registry-python", registry_python(), "--out", str(tmp_path)])
    assert status == 0, capsys.readouterr().err
    for name in REGISTRY_FILES:
        assert (tmp_path / name).read_bytes() == (PACKAGE / name).read_bytes(), f"{name} differs from a fresh import"


def test_check_mode_reports_a_stale_file(tmp_path, capsys):
    for name in REGISTRY_FILES:
        shutil.copy(PACKAGE / name, tmp_path / name)
    with (tmp_path / "unit_counts.csv").open("a", encoding="utf-8") as handle:
        handle.write("p63-99,2025-06-30,,1,0,0,,1,registry-vietnamadminunits\n")
    status = main(["import-registry", "--registry-python", registry_python(), "--out", str(tmp_path), "--check"])
    assert status == 1
    assert "unit_counts.csv: differs from a fresh import" in capsys.readouterr().out


def test_missing_registry_python_is_a_sentence_not_a_traceback(tmp_path, capsys):
    status = main(["import-registry", "--registry-python", str(tmp_path / "nope" / "python"), "--out", str(tmp_path)])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err


def test_provinces_add_up_to_63_before_and_34_after():
    provinces = rows("provinces.csv")
    assert sum(p["id"].startswith("p63-") for p in provinces) == 63
    assert sum(p["id"].startswith("p34-") for p in provinces) == 34
    assert len({p["id"] for p in provinces}) == 97


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
