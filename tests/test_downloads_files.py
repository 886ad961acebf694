"""data/: every resource as UTF-8 CSV and as a CSV for Excel, the descriptor, checksums."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.downloads import Download, figures_csv, write_downloads

CITATION = "Vietnam Apparatus Reform Data, data package “reform” version 0.1.0, built 1 July 2025."

DESCRIPTOR = {
    "name": "reform",
    "title": "Vietnam apparatus reform figures",
    "description": "Province-level figures on the streamlining of Vietnam's state apparatus.",
    "version": "0.1.0",
    "licenses": [
        {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
    ],
    "resources": [
        {
            "name": "provinces",
            "path": "provinces.csv",
            "schema": {
                "fields": [
                    {"name": "id", "type": "string"},
                    {"name": "name_vi", "type": "string"},
                    {"name": "code", "type": "string"},
                ]
            },
        },
        {
            "name": "figures",
            "path": "figures.csv",
            "schema": {
                "fields": [
                    {"name": "id", "type": "string"},
                    {"name": "value", "type": "number"},
                    {"name": "quote", "type": "string"},
                ]
            },
        },
    ],
}
TABLES = {
    "provinces": [
        {"id": "p34-51", "name_vi": "Quảng Ngãi", "code": "51"},
        {"id": "p63-49", "name_vi": "Quảng Nam", "code": "49"},
    ],
    "figures": [
        {"id": "f1", "value": "-3", "quote": '=HYPERLINK("http://evil","click")'},
        {"id": "f2", "value": "96", "quote": "+ 96 xã, phường\nvà đặc khu"},
        {"id": "f3", "value": "1.5", "quote": "@SUM(A1)"},
        {"id": "f4", "value": "2", "quote": "-1+1"},
        {"id": "f5", "value": "4", "quote": "\tcmd"},
        {"id": "f6", "value": "5", "quote": "a = b, 'quoted' \"twice\""},
    ],
}


def write(folder: Path, date: str = "2025-07-01") -> list[Download]:
    return write_downloads(DESCRIPTOR, TABLES, folder, date, CITATION)


def by_name(downloads: list[Download]) -> dict[str, Download]:
    return {d.name: d for d in downloads}


def test_every_resource_is_written_as_csv_and_excel_csv_plus_package_files(tmp_path):
    names = [d.name for d in write(tmp_path)]
    assert names == [
        "provinces.csv",
        "provinces.excel.csv",
        "figures.csv",
        "figures.excel.csv",
        "datapackage.json",
        "reform-data.zip",
        "SHA256SUMS",
    ]
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == sorted(names)


def test_listed_path_size_and_sha256_match_the_file_written(tmp_path):
    for d in write(tmp_path):
        data = (tmp_path / d.path).read_bytes()
        assert d.path == f"data/{d.name}"
        assert d.size == len(data) and d.sha256 == hashlib.sha256(data).hexdigest()


def test_each_file_has_a_kind_and_names_its_resource(tmp_path):
    kinds = {d.name: (d.kind, d.resource) for d in write(tmp_path)}
    assert kinds["figures.csv"] == ("csv", "figures")
    assert kinds["figures.excel.csv"] == ("excel-csv", "figures")
    assert kinds["datapackage.json"] == ("json", "")
    assert kinds["reform-data.zip"] == ("zip", "")
    assert kinds["SHA256SUMS"] == ("checksums", "")


def test_plain_csv_is_utf8_with_lf_no_bom_and_columns_in_schema_order(tmp_path):
    write(tmp_path)
    data = (tmp_path / "data/provinces.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    assert data.decode("utf-8").splitlines() == ["id,name_vi,code", "p34-51,Quảng Ngãi,51", "p63-49,Quảng Nam,49"]


def test_excel_csv_has_a_bom_and_crlf_and_reads_back_as_the_same_table(tmp_path):
    write(tmp_path)
    excel = (tmp_path / "data/figures.excel.csv").read_bytes()
    plain = (tmp_path / "data/figures.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and excel.count(b"\r\n") == len(TABLES["figures"]) + 1
    read_excel = list(csv.reader(io.StringIO(excel.decode("utf-8-sig"), newline="")))
    read_plain = list(csv.reader(io.StringIO(plain.decode("utf-8"), newline="")))
    assert read_excel == read_plain
    assert read_excel[2][2] == "'+ 96 xã, phường\nvà đặc khu"


def test_text_cells_that_look_like_formulas_are_prefixed_but_numbers_are_not(tmp_path):
    write(tmp_path)
    for name in ("figures.csv", "figures.excel.csv"):
        rows = list(csv.DictReader(io.StringIO((tmp_path / "data" / name).read_bytes().decode("utf-8-sig"), newline="")))
        assert [r["quote"][:2] for r in rows] == ["'=", "'+", "'@", "'-", "'\t", "a "]
        assert [r["value"] for r in rows] == ["-3", "96", "1.5", "2", "4", "5"]


def test_figures_csv_for_a_province_is_utf8_and_formula_safe():
    data = figures_csv(TABLES["figures"][:2], ["id", "value", "quote"])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert not data.startswith(b"\xef\xbb\xbf")
    assert rows == [
        ["id", "value", "quote"],
        ["f1", "-3", '\'=HYPERLINK("http://evil","click")'],
        ["f2", "96", "'+ 96 xã, phường\nvà đặc khu"],
    ]


def test_figures_csv_of_a_province_without_figures_has_the_header_only():
    assert figures_csv([], ["id", "value"]) == b"id,value\n"


def test_published_descriptor_points_at_the_csv_files_beside_it(tmp_path):
    write(tmp_path)
    published = json.loads((tmp_path / "data/datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in published["resources"]] == ["provinces.csv", "figures.csv"]
    assert published["licenses"] == DESCRIPTOR["licenses"]
    assert DESCRIPTOR["resources"][0]["path"] == "provinces.csv"  # the caller's descriptor is left alone


def test_sha256sums_verifies_every_other_file_in_the_folder(tmp_path):
    write(tmp_path)
    folder = tmp_path / "data"
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    checked = set()
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        checked.add(name)
    assert checked == {p.name for p in folder.iterdir()} - {"SHA256SUMS"}


def test_writing_twice_gives_the_same_bytes(tmp_path):
    first, second = write(tmp_path / "a"), write(tmp_path / "b")
    assert first == second
    for d in first:
        assert (tmp_path / "a" / d.path).read_bytes() == (tmp_path / "b" / d.path).read_bytes()


def read_table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_repository_package_is_written_whole(tmp_path):
    descriptor = json.loads((REPO / "datapackages/reform/datapackage.json").read_text(encoding="utf-8"))
    tables = {
        r["name"]: read_table(REPO / "datapackages/reform" / r["path"])
        for r in descriptor["resources"]
        if (REPO / "datapackages/reform" / r["path"]).is_file()
    }
    if "figures" not in tables:
        pytest.skip("the repository has no figures.csv yet")
    downloads = by_name(write_downloads(descriptor, tables, tmp_path, "2025-07-01", CITATION))
    written = read_table(tmp_path / "data/provinces.csv")
    assert len(written) == len(tables["provinces"]) and downloads["provinces.csv"].size > 0
    assert {"p34-51", "p63-49"} <= {row["id"] for row in written}
