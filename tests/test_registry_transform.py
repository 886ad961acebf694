"""The registry JSON -> our tables: names, slugs, types, successors, continuity, counts."""

from __future__ import annotations

import pytest

from site_builder.registry.corrections import Correction
from site_builder.registry.run import with_versions
from site_builder.registry.transform import RegistryError, build_tables, slugify, split_type

NAMES = {
    ("p63", "01"): "Hanoi",
    ("p63", "02"): "Ha Giang",
    ("p63", "08"): "Tuyen Quang",
    ("p63", "77"): "Ba Ria-Vung Tau",
    ("p34", "01"): "Hanoi",
    ("p34", "08"): "Tuyen Quang",
}


def conversion(flows):
    """The old -> new table of units that gives these whole-unit flows between provinces."""
    entries, number = [], 0
    for flow in flows:
        for _ in range(flow["units"]):
            number += 1
            entries.append(
                {
                    "code": f"{number:05d}",
                    "district": "001",
                    "province": flow["old"],
                    "partly": False,
                    "new": [{"code": f"9{number:04d}", "province": flow["new"]}],
                }
            )
    return entries


def build(registry, names=NAMES, corrections=()):
    return build_tables(registry, names, list(corrections))


def registry(flows=None, table=None):
    return {
        "packages": {"vietnam-provinces": "2026.9.0", "vietnamadminunits": "1.0.4"},
        "old_provinces": [
            {"code": "01", "name": "Thành phố Hà Nội", "districts": 30, "communes": 382, "wards": 175, "townships": 21},
            {"code": "02", "name": "Tỉnh Hà Giang", "districts": 11, "communes": 170, "wards": 5, "townships": 9},
            {"code": "08", "name": "Tỉnh Tuyên Quang", "districts": 7, "communes": 121, "wards": 10, "townships": 6},
        ],
        "new_provinces": [
            {
                "code": "01",
                "name": "Thành phố Hà Nội",
                "name_on_reform_day": "Thành phố Hà Nội",
                "communes": 75,
                "wards": 51,
                "special_zones": 0,
            },
            {
                "code": "08",
                "name": "Tỉnh Tuyên Quang",
                "name_on_reform_day": "Tỉnh Tuyên Quang",
                "communes": 117,
                "wards": 7,
                "special_zones": 0,
            },
        ],
        "ward_conversion": conversion(
            flows
            or [
                {"old": "01", "new": "01", "units": 578},
                {"old": "02", "new": "08", "units": 183},
                {"old": "08", "new": "08", "units": 137},
            ]
        ),
        "province_table": table or {"01": ["01"], "02": ["08"], "08": ["08"]},
    }


def test_type_word_is_removed_and_becomes_the_type():
    assert split_type("Thành phố Hà Nội") == ("Hà Nội", "city")
    assert split_type("Tỉnh Bà Rịa - Vũng Tàu") == ("Bà Rịa - Vũng Tàu", "province")


def test_unknown_type_word_is_a_clear_error():
    with pytest.raises(RegistryError, match="does not start with"):
        split_type("Đặc khu Côn Đảo")


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Hà Nội", "ha-noi"),
        ("Hồ Chí Minh", "ho-chi-minh"),
        ("Huế", "hue"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Đắk Lắk", "dak-lak"),
        ("Điện Biên", "dien-bien"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
    ],
)
def test_slug_drops_diacritics_and_maps_d_with_stroke(name, slug):
    assert slugify(name) == slug


def test_ids_carry_the_era_so_reused_codes_stay_distinct():
    tables = build(registry())
    by_id = {row["id"]: row for row in tables.provinces}
    assert by_id["p63-08"]["valid_to"] == "2025-06-30" and by_id["p63-08"]["valid_from"] == ""
    assert by_id["p34-08"]["valid_from"] == "2025-07-01" and by_id["p34-08"]["valid_to"] == ""
    assert by_id["p34-01"]["type"] == "city" and by_id["p63-02"]["type"] == "province"
    assert by_id["p63-01"]["name_en"] == "Hanoi" and by_id["p63-01"]["slug"] == "ha-noi"


def test_successor_is_where_most_units_went_even_against_the_province_table():
    flows = [
        {"old": "01", "new": "01", "units": 578},
        {"old": "02", "new": "01", "units": 3},
        {"old": "02", "new": "08", "units": 180},
        {"old": "08", "new": "08", "units": 137},
    ]
    tables = build(registry(flows, table={"01": ["01"], "02": ["01"], "08": ["08"]}))
    succession = {row["predecessor_id"]: row for row in tables.successions}
    assert succession["p63-02"]["successor_id"] == "p34-08"
    assert succession["p63-02"]["unit_share"] == "0.9836"
    assert tables.table_differences == ["old 02: the package's province table says 01, most units went to 08"]


def test_continued_only_when_the_territory_went_whole_into_a_province_that_took_nothing_else():
    tables = build(registry())
    kinds = {row["predecessor_id"]: row["kind"] for row in tables.successions}
    assert kinds == {"p63-01": "continued", "p63-02": "merged", "p63-08": "merged"}
    assert {row["legal_basis"] for row in tables.successions} == {"Resolution 202/2025/QH15"}


def test_unit_counts_add_up_per_era():
    counts = {row["province_id"]: row for row in build(registry()).unit_counts}
    assert counts["p63-01"]["total"] == str(382 + 175 + 21) and counts["p63-01"]["as_of"] == "2025-06-30"
    assert counts["p34-08"]["total"] == "124" and counts["p34-08"]["as_of"] == "2025-07-01"
    assert counts["p34-08"]["districts"] == "" and counts["p63-08"]["special_zones"] == ""


def test_missing_english_name_names_the_file_to_edit():
    names = {k: v for k, v in NAMES.items() if k != ("p63", "02")}
    with pytest.raises(RegistryError, match="No English name for Hà Giang .*province_names_en.csv"):
        build(registry(), names)


def test_old_province_absent_from_the_conversion_table_is_an_error():
    flows = [{"old": "01", "new": "01", "units": 578}, {"old": "08", "new": "08", "units": 137}]
    with pytest.raises(RegistryError, match="no unit of the old provinces 02"):
        build(registry(flows))


def test_recording_versions_changes_only_the_registry_rows():
    before = 'id,kind,title,version,notes\na,article,"Quoted, title",,"note"\nregistry-vietnamadminunits,registry,x,,"a, b"\n'
    after = with_versions(before, {"vietnamadminunits": "1.0.4", "vietnam-provinces": "2026.9.0"})
    assert after.splitlines()[1] == 'a,article,"Quoted, title",,"note"'
    assert after.splitlines()[2] == 'registry-vietnamadminunits,registry,x,1.0.4,"a, b"'


def test_a_correction_moves_a_unit_to_its_true_province_and_is_reported():
    flows = [
        {"old": "01", "new": "01", "units": 578},
        {"old": "02", "new": "08", "units": 182},
        {"old": "01", "new": "08", "units": 1},
        {"old": "08", "new": "08", "units": 137},
    ]
    document = registry(flows)
    stray = next(e for e in document["ward_conversion"] if e["province"] == "01" and e["new"][0]["province"] == "08")
    assert build(document).successions[0]["unit_share"] == "0.9983"
    fix = Correction(
        "stray",
        "vietnam-provinces",
        "ward_conversion",
        stray["code"],
        "province",
        "01",
        "02",
        "wrong code",
        "Resolution 202/2025/QH15",
    )
    tables = build(document, corrections=[fix])
    assert {row["predecessor_id"]: row["unit_share"] for row in tables.successions}["p63-01"] == "1"
    assert tables.corrections == [fix]
    assert stray["province"] == "01", "the registry document itself is left as the registry gave it"


def test_a_correction_the_registry_no_longer_needs_is_an_error():
    fix = Correction("gone", "vietnam-provinces", "ward_conversion", "00001", "province", "82", "80", "wrong code", "x")
    with pytest.raises(RegistryError, match="remove the row"):
        build(registry(), corrections=[fix])
