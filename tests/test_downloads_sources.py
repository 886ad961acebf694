"""Downloads that carry their source (issue 22): a province's CSV names each figure's source (title,
publisher, address, languages) beside its source_id; the zip's README documents every table, its
columns, joins and the codes to read as text, what a quote is, in English and Vietnamese, and
claims no file the zip does not hold."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from helpers import REFORM, REPO
from site_builder.dataset.load import load_package
from site_builder.downloads import write_downloads, write_province_files
from site_builder.downloads.province_files import SOURCE_COLUMNS


@pytest.fixture(scope="module")
def raw():
    return load_package(REPO / "datapackages")[1]


@pytest.fixture(scope="module")
def zipped(raw, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    others = {name: (package.descriptor, package.tables) for name, package in raw.others.items()}
    write_downloads(raw.descriptor, raw.tables, folder, "2026-01-02", "Cite as this.", others, citations={"vi": "Trích dẫn."})
    with zipfile.ZipFile(folder / "data" / "reform-data.zip") as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def test_a_province_csv_names_each_figures_source_beside_its_id(raw, tmp_path):
    files = write_province_files(raw.descriptor, raw.tables["figures"], {"p34-51": ("p34-51",)}, tmp_path, raw.tables["sources"])
    rows = list(csv.DictReader(io.StringIO((tmp_path / files["p34-51"].path).read_text(encoding="utf-8"))))
    assert rows and all(f"source_{column}" in rows[0] for column in SOURCE_COLUMNS)
    polish = next(r for r in rows if r["id"] == "qg-commune-level-units-after")
    assert polish["source_id"] == "quangngai-nhandan" and polish["source_title"].startswith("Tỉnh ủy Quảng Ngãi")
    assert polish["source_language"] == "pl" and polish["source_translated_from"] == "vi"
    assert polish["source_url"] == "" and polish["source_original_url"].startswith("https://nhandan.vn/")
    english = next(r for r in rows if r["source_id"].startswith("laodong-en-quang-ngai"))
    assert english["source_url"].startswith("https://news.laodong.vn/")


def test_the_readme_documents_every_table_with_its_columns_joins_and_text_codes(zipped, raw):
    readme = zipped["README.md"].decode("utf-8")
    for resource in raw.descriptor["resources"]:
        assert f"### `{resource['name']}.csv`" in readme
        for field in resource["schema"]["fields"]:
            assert f"- `{field['name']}` (" in readme
    for resource in raw.others["units"].descriptor["resources"]:
        assert f"### `units/{resource['name']}.csv`" in readme
    assert "`province_id` → `provinces.csv`, column `id`" in readme
    assert "`former_code` → `units_before.csv`, column `code`" in readme
    assert "Read as text (leading zeros): `gso_code`" in readme and "leading zeros" in readme
    assert "dtype=str" in readme and 'colClasses = "character"' in readme


def test_the_readme_says_what_a_quote_is_and_which_gloss_is_ours(zipped):
    readme = zipped["README.md"].decode("utf-8")
    assert "verbatim, in the language of its source" in readme and "`sources.original_url`" in readme
    assert "`figures.quote_en` is our own" in readme


def test_the_readme_claims_no_file_the_zip_lacks(zipped):
    readme = zipped["README.md"].decode("utf-8")
    assert not [name for name in zipped if name.endswith(".excel.csv")]
    assert "not in this zip" in readme  # the Excel variants are named only as not being here


def test_the_vietnamese_readme_documents_the_tables_too(zipped):
    readme = zipped["README.vi.md"].decode("utf-8")
    assert "## Các bảng" in readme and "### `figures.csv`" in readme and "Liên kết:" in readme
    assert "giữ các số 0 ở đầu" in readme and "bản dịch tiếng Anh của chúng tôi" in readme


def test_the_repository_sources_file_has_the_columns_the_province_csv_copies():
    header = (REFORM / "sources.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert set(SOURCE_COLUMNS) <= set(header)
