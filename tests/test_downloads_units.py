"""The units downloads: the units package in data/units/ and in the zip under units/, covered by
the checksums, and one CSV per province of its units and their links (formula-safe)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import pytest

from helpers import REPO
from site_builder.dataset.load import load_package
from site_builder.downloads import unit_csv, write_downloads, write_unit_files
from site_builder.downloads.unit_files import UNIT_COLUMNS
from site_builder.views import derive_site
from tests.test_downloads_files import CITATION, DESCRIPTOR, TABLES

UNITS_DESCRIPTOR = {
    "name": "units",
    "title": "Commune-level units",
    "description": "Units before and since 1 July 2025.",
    "licenses": [{"name": "MIT", "title": "MIT licence of the registry", "path": "https://spdx.org/licenses/MIT.html"}],
    "resources": [
        {
            "name": "units_after",
            "path": "units_after.csv",
            "schema": {
                "fields": [
                    {"name": "code", "type": "string"},
                    {"name": "name", "type": "string"},
                    {"name": "area_km2", "type": "number"},
                ]
            },
        },
    ],
}
UNITS_TABLES = {
    "units_after": [
        {"code": "00004", "name": "Ba Đình", "area_km2": "2.97"},
        {"code": "00008", "name": "=Ngọc Hà", "area_km2": ""},
    ]
}


@pytest.fixture(scope="module")
def real():
    dataset, raw = load_package(REPO / "datapackages")
    return derive_site(dataset), raw


def write(folder, date="2025-07-01"):
    return write_downloads(DESCRIPTOR, TABLES, folder, date, CITATION, {"units": (UNITS_DESCRIPTOR, UNITS_TABLES)})


def parse(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def test_the_units_package_is_written_in_its_own_folder_with_its_descriptor(tmp_path):
    downloads = {d.name: d for d in write(tmp_path)}
    for name in ("units/units_after.csv", "units/units_after.excel.csv", "units/datapackage.json"):
        assert downloads[name].package == "units" and downloads[name].path == f"data/{name}"
    assert downloads["figures.csv"].package == ""
    published = json.loads((tmp_path / "data/units/datapackage.json").read_text(encoding="utf-8"))
    assert published["name"] == "units" and published["resources"][0]["path"] == "units_after.csv"
    rows = parse((tmp_path / "data/units/units_after.csv").read_bytes())
    assert rows[1]["name"] == "'=Ngọc Hà"  # formula-safe like every download


def test_the_checksums_cover_the_units_package(tmp_path):
    write(tmp_path)
    data = tmp_path / "data"
    lines = dict(reversed(line.split("  ", 1)) for line in (data / "SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert {"units/units_after.csv", "units/units_after.excel.csv", "units/datapackage.json", "reform-data.zip"} <= set(lines)
    for name, digest in lines.items():
        assert hashlib.sha256((data / name).read_bytes()).hexdigest() == digest, name


def test_the_zip_holds_the_units_package_under_units_with_its_licence_in_the_readme(tmp_path):
    write(tmp_path)
    with zipfile.ZipFile(tmp_path / "data/reform-data.zip") as archive:
        names = archive.namelist()
        readme = archive.read("reform-data/README.md").decode("utf-8")
        sums = archive.read("reform-data/SHA256SUMS").decode("utf-8")
        assert archive.read("reform-data/units/units_after.csv") == (tmp_path / "data/units/units_after.csv").read_bytes()
    assert "reform-data/units/datapackage.json" in names
    assert not any(n.endswith(".excel.csv") for n in names)
    assert "(`units/`)" in readme and "MIT licence of the registry" in readme and "`units/units_after.csv`" in readme
    assert "units/units_after.csv" in sums


def test_the_zip_with_the_units_package_is_reproducible(tmp_path):
    write(tmp_path / "a")
    write(tmp_path / "b")
    assert (tmp_path / "a/data/reform-data.zip").read_bytes() == (tmp_path / "b/data/reform-data.zip").read_bytes()


def test_a_current_provinces_units_csv_parses_and_has_every_unit_and_every_predecessor(real):
    site, _ = real
    communes = site.view("p34-79").communes  # Hồ Chí Minh City: the most units
    rows = parse(unit_csv(communes))
    assert list(rows[0]) == UNIT_COLUMNS
    assert {r["current_code"] for r in rows} == {cv.unit.code for cv in communes.current}
    assert len(rows) == communes.link_count == sum(len(cv.predecessors) for cv in communes.current)
    assert {r["current_province_id"] for r in rows} == {"p34-79"}
    assert {r["former_province_id"] for r in rows} == {"p63-79", "p63-74", "p63-77"}


def test_a_former_provinces_units_csv_has_every_former_unit(real):
    site, _ = real
    communes = site.view("p63-01").communes
    rows = parse(unit_csv(communes))
    assert {r["former_code"] for r in rows} == {u.unit.code for g in communes.districts for u in g.units}
    assert len({r["former_code"] for r in rows}) == 526
    assert {r["former_province_id"] for r in rows} == {"p63-01"}


def test_flags_and_areas_are_written_as_in_the_package(real):
    site, _ = real
    rows = parse(unit_csv(site.view("p34-01").communes))
    assert {r["divided"] for r in rows} == {"true", "false"}
    assert {r["is_main"] for r in rows} <= {"true", "false", ""}
    ba_dinh = next(r for r in rows if r["current_code"] == "00004")
    assert ba_dinh["area_km2"] == "2.97"


def test_one_units_file_per_province_in_data_provinces(real, tmp_path):
    site, _ = real
    files = write_unit_files({v.province.id: v.communes for v in site.current + site.former}, tmp_path)
    assert len(files) == 97
    assert files["p34-01"].path == "data/provinces/p34-01-units.csv"
    assert (tmp_path / "data/provinces/p63-77-units.csv").read_bytes() == unit_csv(site.view("p63-77").communes)
    total = sum(len(parse((tmp_path / f"data/provinces/p34-{v.province.gso_code}-units.csv").read_bytes())) for v in site.current)
    assert total == len(site.dataset.units.links)
