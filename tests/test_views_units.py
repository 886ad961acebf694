"""What became of each commune, as the views derive it from the units package: on the real data
(every unit counted once, divided units under each successor) and on the build fixture (sorting,
island districts, shared territory, areas where known)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.dataset.load import load_package
from site_builder.dataset.model import CurrentUnit, Province, Units
from site_builder.errors import BuildError
from site_builder.views import derive_site
from site_builder.views.units import index_units, name_key

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "build"


@pytest.fixture(scope="module")
def real():
    """The repository's packages, derived once."""
    return derive_site(load_package(REPO / "datapackages")[0])


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("units-data")
    for name in ("reform", "units"):
        shutil.copytree(FIXTURES / name, root / name)
        shutil.copy(REPO / "datapackages" / name / "datapackage.json", root / name)
    return derive_site(load_package(root)[0])


# The real data.


def test_current_provinces_units_add_up_to_the_3321_units_since_the_reform(real):
    assert sum(v.communes.figures.after_total for v in real.current) == 3321
    assert sum(len(v.communes.current) for v in real.current) == 3321


def test_former_provinces_units_add_up_to_the_10035_units_before_and_696_districts(real):
    assert sum(v.communes.figures.before_total for v in real.former) == 10035
    assert sum(v.communes.former_count for v in real.former) == 10035
    assert sum(v.communes.figures.districts for v in real.former) == 696
    # ... and seen from the current provinces, every former unit is counted once too
    assert sum(v.communes.figures.before_total for v in real.current) == 10035
    assert sum(v.communes.figures.districts for v in real.current) == 696


def test_every_province_page_has_its_units(real):
    assert all(v.communes is not None for v in real.current + real.former)


def test_every_current_unit_carries_a_unique_anchor_of_its_five_digit_code(real):
    anchors = [cv.anchor for v in real.current for cv in v.communes.current]
    assert all(re.fullmatch(r"unit-\d{5}", a) for a in anchors)
    assert len(set(anchors)) == len(anchors) == 3321
    for v in real.current:
        assert all(cv.province.id == v.province.id for cv in v.communes.current)


def test_a_divided_unit_appears_under_each_unit_that_took_a_part_of_it(real):
    units = real.dataset.units
    successors = {}
    for link in units.links:
        if link.divided:
            successors.setdefault(link.former_code, set()).add(link.current_code)
    assert len(successors) > 100
    shown = {}
    for v in real.current:
        for cv in v.communes.current:
            for p in cv.predecessors:
                if p.divided:
                    assert p.unit is not None
                    shown.setdefault(p.unit.code, set()).add(cv.unit.code)
    assert shown == successors
    # the former province's page links the unit to each of them, the main part first
    former = {f.code: f for f in units.former}
    code = sorted(successors)[0]
    view = real.view(former[code].province_id)
    row = next(u for g in view.communes.districts for u in g.units if u.unit and u.unit.code == code)
    assert {d.unit.unit.code for d in row.destinations} == successors[code]
    assert row.divided and row.destinations[0].is_main is True


def test_an_island_district_without_units_is_the_predecessor_of_its_special_zone(real):
    ba_ria = real.view("p63-77")
    con_dao = next(g for g in ba_ria.communes.districts if g.district.code == "755")
    assert [u.unit for u in con_dao.units] == [None]
    zone = con_dao.units[0].destinations[0].unit
    assert zone.unit.type == "special_zone" and zone.province.slug == "ho-chi-minh"
    assert [p.district.code for p in zone.predecessors] == ["755"]


def test_the_largest_merger_is_the_unit_with_the_most_predecessors(real):
    for v in real.current:
        f = v.communes.figures
        assert len(f.largest_merger.predecessors) == max(len(cv.predecessors) for cv in v.communes.current)
    assert Counter(len(cv.predecessors) for v in real.current for cv in v.communes.current).most_common(1)[0][0] >= 2


def test_area_is_summed_where_known_and_means_are_left_out_where_an_area_is_missing(real):
    ha_noi = real.view("p34-01").communes.figures
    assert ha_noi.area_km2 == pytest.approx(3359.97)
    assert ha_noi.mean_area_after == pytest.approx(3359.97 / 126, abs=0.01)
    assert ha_noi.mean_area_before == pytest.approx(3359.97 / 526, abs=0.01)
    missing = [v for v in real.current if v.communes.figures.area_known < v.communes.figures.after_total]
    assert missing, "the registry lacks some areas"
    for v in missing:
        assert v.communes.figures.area_km2 is not None
        assert v.communes.figures.mean_area_after is None and v.communes.figures.mean_area_before is None


# The fixture.


def test_units_are_listed_by_type_then_name(fixture_site):
    units = fixture_site.view("p34-12").communes.current
    assert [(cv.unit.type, cv.unit.name) for cv in units] == [("commune", "Bình Lư"), ("ward", "Đoàn Kết"), ("ward", "Tân Phong")]
    assert name_key("Đoàn Kết") < name_key("Tân Phong")


def test_a_merged_province_names_the_former_province_of_each_predecessor(fixture_site):
    communes = fixture_site.view("p34-48").communes
    assert communes.several_provinces
    tam_ky = next(cv for cv in communes.current if cv.unit.code == "20305")
    assert {(p.unit.code, p.province.id, p.divided, p.is_main) for p in tam_ky.predecessors} == {
        ("20197", "p63-48", True, False),
        ("20305", "p63-49", False, True),
        ("20308", "p63-49", False, True),
    }
    assert not fixture_site.view("p34-12").communes.several_provinces


def test_a_divided_unit_whose_main_part_is_unknown_is_marked_divided_without_a_main_part(fixture_site):
    units = fixture_site.view("p34-12").communes.current
    parts = [(cv.unit.code, p.is_main) for cv in units for p in cv.predecessors if p.unit.code == "03391"]
    assert sorted(parts) == [("03388", None), ("03391", None)]


def test_a_current_provinces_figures_count_both_sides_of_its_territory(fixture_site):
    f = fixture_site.view("p34-48").communes.figures
    assert [(c.type, c.count) for c in f.before] == [("commune", 0), ("ward", 7), ("township", 0)]
    assert [(c.type, c.count) for c in f.after] == [("commune", 0), ("ward", 3), ("special_zone", 1)]
    assert f.type_rows()[-1] == ("special_zone", None, 1)
    assert f.districts == 4 and f.same_territory
    assert f.area_km2 == pytest.approx(460.1)
    assert f.mean_area_before == pytest.approx(65.73) and f.mean_area_after == pytest.approx(115.03)
    assert f.largest_merger.unit.code == "20194" and len(f.largest_merger.predecessors) == 3


def test_a_former_province_sharing_a_unit_with_another_shows_no_area(fixture_site):
    f = fixture_site.view("p63-48").communes.figures  # Hòa Khánh Bắc went partly into Tam Kỳ, with Quảng Nam's units
    assert not f.same_territory
    assert f.area_km2 is None and f.mean_area_before is None and f.mean_area_after is None
    assert f.after_total == 3  # Hải Vân, Tam Kỳ, Hoàng Sa


def test_a_former_province_whose_units_went_only_to_their_own_successors_has_an_area(fixture_site):
    f = fixture_site.view("p63-62").communes.figures  # Kon Tum's three wards became Kon Tum and Đăk Cấm
    assert f.same_territory and f.area_km2 == pytest.approx(100)
    assert f.mean_area_before == pytest.approx(33.33) and f.mean_area_after == pytest.approx(50)


def test_a_missing_area_is_left_out_of_the_sum_and_of_the_means(fixture_site):
    f = fixture_site.view("p34-12").communes.figures
    assert (f.area_km2, f.area_known, f.after_total) == (pytest.approx(170.75), 2, 3)
    assert f.mean_area_after is None and f.mean_area_before is None


def test_former_units_are_grouped_by_district_island_districts_included(fixture_site):
    groups = fixture_site.view("p63-51").communes.districts
    assert [(g.district.name, g.unit_count) for g in groups] == [("Lý Sơn", 0), ("Quảng Ngãi", 2)]
    assert groups[0].units[0].destinations[0].unit.unit.code == "21548"


def test_a_unit_of_a_province_the_reform_package_lacks_stops_the_build_with_the_file_named():
    units = Units(current=(CurrentUnit("99999", "X", "Xã X", "commune", "p34-99"),))
    with pytest.raises(BuildError, match=r"units_after\.csv: 99999 belongs to p34-99"):
        index_units(units, {"p34-01": Province("p34-01", "01", "Hà Nội", "Hanoi", "ha-noi", "city", "2025-07-01", "", "s")})


def test_without_a_units_package_province_pages_have_no_units(tmp_path):
    shutil.copytree(FIXTURES / "reform", tmp_path / "reform")
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", tmp_path / "reform")
    site = derive_site(load_package(tmp_path)[0])
    assert all(v.communes is None for v in site.current + site.former)
