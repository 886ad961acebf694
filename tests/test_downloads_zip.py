"""reform-data.zip: reproducible bytes, the CSVs, the descriptor, a README and checksums."""

from __future__ import annotations

import hashlib
import io
import zipfile

from site_builder.downloads import write_downloads
from tests.test_downloads_files import CITATION, DESCRIPTOR, TABLES


def zip_bytes(folder, date="2025-07-01") -> bytes:
    write_downloads(DESCRIPTOR, TABLES, folder, date, CITATION)
    return (folder / "data/reform-data.zip").read_bytes()


def test_zip_is_byte_identical_across_builds_of_the_same_date(tmp_path):
    assert zip_bytes(tmp_path / "a") == zip_bytes(tmp_path / "b")


def test_zip_entries_carry_the_build_date_and_fixed_modes_not_the_clock(tmp_path):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path, "2025-07-01"))) as archive:
        infos = archive.infolist()
    assert all(i.date_time == (2025, 7, 1, 0, 0, 0) for i in infos)
    assert all(i.external_attr == 0o644 << 16 and i.compress_type == zipfile.ZIP_DEFLATED for i in infos)


def test_zip_holds_sorted_csvs_descriptor_readme_and_checksums(tmp_path):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path))) as archive:
        names = archive.namelist()
    assert names == sorted(names)
    assert names == [
        "reform-data/README.md",
        "reform-data/SHA256SUMS",
        "reform-data/datapackage.json",
        "reform-data/figures.csv",
        "reform-data/provinces.csv",
    ]


def test_zip_csvs_are_the_same_bytes_as_the_downloads_beside_it(tmp_path):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path))) as archive:
        for name in ("figures.csv", "provinces.csv", "datapackage.json"):
            assert archive.read(f"reform-data/{name}") == (tmp_path / "data" / name).read_bytes()


def test_zip_readme_names_the_data_licence_citation_and_every_file_with_its_sha256(tmp_path):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path))) as archive:
        readme = archive.read("reform-data/README.md").decode("utf-8")
        files = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
    assert readme.startswith("# Vietnam apparatus reform figures\n")
    assert DESCRIPTOR["description"] in readme
    assert "Creative Commons Attribution 4.0 (CC-BY-4.0) <https://creativecommons.org/licenses/by/4.0/>" in readme
    assert CITATION in readme
    for name in ("datapackage.json", "figures.csv", "provinces.csv"):
        assert f"`{name}`  sha256 {hashlib.sha256(files[name]).hexdigest()}" in readme


def test_zip_sha256sums_verifies_with_hashlib(tmp_path):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path))) as archive:
        files = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
    listed = {}
    for line in files["SHA256SUMS"].decode("utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[name]).hexdigest() == digest for name, digest in listed.items())


def test_another_build_date_changes_only_the_timestamps(tmp_path):
    with (
        zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path / "a", "2025-07-01"))) as a,
        zipfile.ZipFile(io.BytesIO(zip_bytes(tmp_path / "b", "2026-01-02"))) as b,
    ):
        assert [i.date_time[:3] for i in b.infolist()] == [(2026, 1, 2)] * len(b.infolist())
        for name in a.namelist():
            if not name.endswith("README.md"):  # the README states the build date
                assert a.read(name) == b.read(name) or name.endswith("SHA256SUMS")


def test_the_zip_explains_itself_in_vietnamese_too(tmp_path):
    write_downloads(DESCRIPTOR, TABLES, tmp_path, "2025-07-01", CITATION, citations={"vi": "Trích dẫn thử."})
    with zipfile.ZipFile(io.BytesIO((tmp_path / "data/reform-data.zip").read_bytes())) as archive:
        names = archive.namelist()
        vietnamese = archive.read("reform-data/README.vi.md").decode("utf-8")
        english = archive.read("reform-data/README.md").decode("utf-8")
        sums = archive.read("reform-data/SHA256SUMS").decode("utf-8")
    assert "reform-data/README.md" in names
    assert "## Giấy phép" in vietnamese and "Trích dẫn thử." in vietnamese and "Ngày tạo: 2025-07-01" in vietnamese
    # each README names the others (its text comes from the translations' zip_readme section)
    assert "README này bằng các ngôn ngữ khác: `README.md`." in vietnamese
    assert "This README in the other languages: `README.vi.md`." in english
    assert "README.vi.md" in sums
