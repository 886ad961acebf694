"""The registry JSON -> the units package's rows: names and types, divided units, and the
disagreements between the two registry packages."""

from __future__ import annotations

import pytest

from site_builder.registry.compare import disagreement_rows, spelling_only
from site_builder.registry.corrections import Correction
from site_builder.registry.errors import RegistryError
from site_builder.registry.units import (
    AFTER_TYPES,
    BEFORE_TYPES,
    DISTRICT_TYPES,
    area_text,
    build_unit_tables,
    change_rows,
    split_unit_name,
)


@pytest.mark.parametrize(
    "full, types, expected",
    [
        ("Thành Phố Bắc Kạn", DISTRICT_TYPES, ("Bắc Kạn", "Thành phố Bắc Kạn", "city")),
        ("Thị Xã Mường Lay", DISTRICT_TYPES, ("Mường Lay", "Thị xã Mường Lay", "town")),
        ("Quận 1", DISTRICT_TYPES, ("1", "Quận 1", "urban_district")),
        ("Thị trấn Yên Viên", BEFORE_TYPES, ("Yên Viên", "Thị trấn Yên Viên", "township")),
        ("Xã Yên Viên", BEFORE_TYPES, ("Yên Viên", "Xã Yên Viên", "commune")),
        ("Đặc khu Côn Đảo", AFTER_TYPES, ("Côn Đảo", "Đặc khu Côn Đảo", "special_zone")),
    ],
)
def test_the_type_word_of_the_name_becomes_the_type(full, types, expected):
    assert split_unit_name(full, types) == expected


def test_an_unknown_type_word_names_the_module_to_update():
    with pytest.raises(RegistryError, match="units.py"):
        split_unit_name("Thị trấn Yên Viên", AFTER_TYPES)


def test_area_is_written_as_the_registry_gives_it():
    assert (area_text(305.0), area_text(2.97), area_text(None)) == ("305", "2.97", "")


def test_divided_units_mark_the_registry_s_default_part_as_main():
    changes = [
        {"old": "00001", "old_district": "001", "new": "00010", "main": None},
        {"old": "00002", "old_district": "001", "new": "00010", "main": False},
        {"old": "00002", "old_district": "001", "new": "00020", "main": True},
        {"old": "", "old_district": "318", "new": "11948", "main": None},
    ]
    rows = {
        (r["former_code"] or r["former_district_code"], r["current_code"]): (r["divided"], r["is_main"])
        for r in change_rows(changes)
    }
    assert rows == {
        ("00001", "00010"): ("false", "true"),
        ("00002", "00010"): ("true", "false"),
        ("00002", "00020"): ("true", "true"),
        ("318", "11948"): ("false", "true"),
    }


def test_tone_mark_placement_is_told_apart_from_another_name():
    assert spelling_only("Xã Thuận Hòa", "Xã Thuận Hoà")
    assert not spelling_only("Xã Thuận Hòa", "Xã Thuận Hóa")


def registry():
    before = [
        {"code": "00001", "name": "Xã Một", "type": "Xã", "district": "001", "province": "80"},
        {"code": "00002", "name": "Xã Hai", "type": "Xã", "district": "001", "province": "80"},
    ]
    return {
        "units": {
            "districts": [{"code": "001", "name": "Huyện A", "type": "Huyện", "province": "80"}],
            "before": before,
            "after": [{"code": "00010", "name": "Xã Mười", "type": "Phường", "province": "80", "area_km2": 1.5}],
            "changes": [
                {"old": "00001", "old_district": "", "new": "00010", "main": None},
                {"old": "00002", "old_district": "", "new": "00010", "main": None},
            ],
            "after_in_vietnam_provinces": [{"code": "00010", "name": "Xã Mười", "type": "xã", "province": "80"}],
        },
        "ward_conversion": [
            {"code": "00001", "district": "001", "province": "82", "partly": False, "new": [{"code": "00010", "province": "80"}]}
        ],
    }


def test_disagreements_between_the_packages_are_one_row_each_and_name_the_correction():
    fix = Correction(
        "fix", "vietnam-provinces", "ward_conversion", "00001", "province", "82", "80", "wrong", "Resolution 202/2025/QH15"
    )
    rows = {(r["kind"], r["former_code"] or r["current_code"]): r for r in disagreement_rows(registry(), [fix])}
    assert set(rows) == {
        ("former_unit_missing", "00002"),
        ("former_province_differs", "00001"),
        ("current_type_differs", "00010"),
    }
    assert "Corrected to 80 on import" in rows[("former_province_differs", "00001")]["explanation"]
    assert rows[("current_type_differs", "00010")]["vietnamadminunits"] == "Phường"


def test_a_former_unit_without_a_successor_is_an_error():
    document = registry()
    document["units"]["changes"] = document["units"]["changes"][:1]
    with pytest.raises(RegistryError, match="former units 00002 without a successor"):
        build_unit_tables(document, [])
