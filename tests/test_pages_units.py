"""The units on the province pages of the fixture build: every current unit has its anchor,
former units link to their successors' anchors (the build's link check resolves every one, so a
build that passes is itself the test), names are escaped, and the downloads are linked."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import pytest
from test_pages import Elements, page

from fixtures.build.project import make_fixture_project
from helpers import REPO
from site_builder.dataset.load import load_package
from site_builder.pages.environment import make_environment
from site_builder.pages.translations import load_translations
from site_builder.pipeline import build_site
from site_builder.views import derive_site

FIXTURE_UNITS = Path(__file__).resolve().parent / "fixtures" / "build" / "units"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    paths = make_fixture_project(tmp_path_factory.mktemp("pages-units"))
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, workers=1)
    return paths.site_dir


def current_codes(province_id: str) -> set[str]:
    with (FIXTURE_UNITS / "units_after.csv").open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle) if row["province_id"] == province_id}


def ids(parsed: Elements) -> set[str]:
    return {attrs["id"] for _, attrs in parsed.elements if attrs.get("id")}


@pytest.mark.parametrize("slug, province_id", [("da-nang", "p34-48"), ("quang-ngai", "p34-51"), ("lai-chau", "p34-12")])
def test_every_current_unit_has_its_anchor_on_its_province_page(built, slug, province_id):
    found = {i.removeprefix("unit-") for i in ids(page(built, f"provinces/{slug}")) if i.startswith("unit-")}
    assert found == current_codes(province_id)


def test_former_units_link_to_the_anchor_of_each_unit_they_went_to(built):
    base = "provinces/former/da-nang/"
    links = [attrs["href"] for tag, attrs in page(built, base).elements if tag == "a" and "#unit-" in attrs.get("href", "")]
    assert "../../../provinces/da-nang/#unit-20194" in links and "../../../provinces/da-nang/#unit-20305" in links
    for href in links:
        target, anchor = urljoin(base, href).split("#")
        assert anchor in ids(page(built, target.rstrip("/"))), href


def test_a_divided_unit_is_marked_a_part_under_each_successor(built):
    html = (built / "provinces/da-nang/index.html").read_text(encoding="utf-8")
    hai_van = html[html.index('id="unit-20194"') :]
    tam_ky = html[html.index('id="unit-20305"') :]
    assert "Hòa Khánh Bắc (ward)" in hai_van[: hai_van.index("</tr>")] and "(main part)" in hai_van[: hai_van.index("</tr>")]
    assert "Hòa Khánh Bắc (ward)" in tam_ky[: tam_ky.index("</tr>")] and "(part)" in tam_ky[: tam_ky.index("</tr>")]


def test_a_unit_name_with_markup_shows_as_text(built):
    for path in ("provinces/quang-ngai", "provinces/former/kon-tum"):
        html = (built / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(3)" not in html
        assert "Vinh Quang <script>alert(3)</script>" in "".join(page(built, path).text)


def test_registry_figures_are_a_section_of_their_own_apart_from_the_figures_of_sources(built):
    html = (built / "provinces/da-nang/index.html").read_text(encoding="utf-8")
    derived, sources, units = (
        html.index('id="derived-from-the-registry"'),
        html.index('id="figures-and-sources"'),
        html.index('id="communes-and-wards-since-1-july-2025"'),
    )
    assert derived < sources < units
    section = html[derived : html.index("<h2", derived + 1)]
    assert "vietnamadminunits" in section and "Largest merger" in section and 'href="#unit-20194"' in section
    assert "Area, where known" in section


def test_a_former_province_page_lists_its_units_by_district(built):
    parsed = page(built, "provinces/former/quang-ngai")
    assert {"district-522", "district-536", "former-unit-21034", "former-unit-21037"} <= ids(parsed)
    text = "".join(parsed.text)
    assert "Lý Sơn (rural district)" in text and "the whole district, which had no commune-level unit" in text


def test_each_province_page_links_its_units_csv_and_the_data_page_lists_them(built):
    for path, file in (("provinces/quang-ngai", "p34-51-units.csv"), ("provinces/former/kon-tum", "p63-62-units.csv")):
        hrefs = [a.get("href", "") for tag, a in page(built, path).elements if tag == "a"]
        assert f"../../{'../' if 'former' in path else ''}data/provinces/{file}" in hrefs
        assert (built / "data" / "provinces" / file).is_file()
    data_hrefs = [a.get("href", "") for tag, a in page(built, "data").elements if tag == "a"]
    assert "../data/provinces/p34-51-units.csv" in data_hrefs
    assert "../data/units/unit_changes.csv" in data_hrefs and "../data/units/datapackage.json" in data_hrefs
    assert "resource-units_after" in ids(page(built, "data"))


def test_the_units_csv_of_a_page_has_a_row_for_every_link_it_shows(built):
    rows = list(csv.DictReader(io.StringIO((built / "data/provinces/p34-48-units.csv").read_text(encoding="utf-8"))))
    assert {r["current_code"] for r in rows} == current_codes("p34-48")
    assert len(rows) == 9  # Hải Vân 3, Tam Kỳ 3, Hội An 2, Hoàng Sa 1


def test_the_vietnamese_edition_writes_unit_and_district_types_the_vietnamese_way(tmp_path):
    for name in ("reform", "units"):
        shutil.copytree(FIXTURE_UNITS.parent / name, tmp_path / name)
        shutil.copy(REPO / "datapackages" / name / "datapackage.json", tmp_path / name)
    site = derive_site(load_package(tmp_path)[0])
    env = make_environment(
        load_translations("vi"),
        jinja2.ChoiceLoader(
            [
                jinja2.DictLoader(
                    {
                        "t.md": '{% import "partials/units.html" as um %}{{ um.current_units_table(c, p) }}'
                        '{{ um.former_units_table(f, fp, "../../../", fp) }}{{ um.registry_figures(c, p, "../../", "danh mục") }}'
                    }
                ),
                jinja2.PackageLoader("site_builder", "templates"),
            ]
        ),
    )
    current, former = site.view("p34-51"), site.view("p63-51")
    html = env.get_template("t.md").render(c=current.communes, p=current.province, f=former.communes, fp=former.province)
    assert "phường Lê Hồng Phong" in html and "thành phố Quảng Ngãi" in html
    assert "huyện Lý Sơn" in html and "đặc khu Lý Sơn" in html
    assert "Đặc khu" in html and "Số phường" in html and "Đơn vị hành chính cấp huyện" in html
    assert "Vinh Quang &lt;script&gt;" in html
