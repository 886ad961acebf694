"""The descriptor (datapackage.json) of the units package, written by the import with the CSVs so
the schema, the columns and the registry's name and version cannot drift apart."""

from __future__ import annotations

import json

from site_builder.registry.compare import DISAGREEMENT_COLUMNS
from site_builder.registry.packages import ADMIN_UNITS, PROVINCES, RegistryPackage
from site_builder.registry.units import AFTER_COLUMNS, BEFORE_COLUMNS, CHANGE_COLUMNS, DISTRICT_COLUMNS

CODE5 = {"required": True, "pattern": "^\\d{5}$"}


def field(name: str, description: str, type_: str = "string", **constraints) -> dict:
    described = {"name": name, "type": type_, "description": description}
    return {**described, "constraints": constraints} if constraints else described


NAME = field("name", "Name with diacritics, without the type word (as name_vi in reform/provinces.csv).", required=True)
FULL_NAME = field("full_name", "Official name: the type word as the law writes it, then the name.", required=True)
P63 = field(
    "province_id",
    "The province it belonged to, as in reform/provinces.csv (p63-<GSO code before 1 July 2025>).",
    required=True,
    pattern="^p63-\\d{2}$",
)
P34 = field(
    "province_id",
    "The province it belongs to, as in reform/provinces.csv (p34-<code since 1 July 2025>).",
    required=True,
    pattern="^p34-\\d{2}$",
)

FIELDS = {
    "districts": [
        field("code", "Three-digit GSO code of the district-level unit.", required=True, pattern="^\\d{3}$"),
        NAME,
        FULL_NAME,
        field(
            "type",
            "rural_district (huyện), urban_district (quận), town (thị xã) or city (thành phố thuộc tỉnh).",
            required=True,
            enum=["rural_district", "urban_district", "town", "city"],
        ),
        P63,
    ],
    "units_before": [
        field("code", "Five-digit GSO code.", **CODE5),
        NAME,
        FULL_NAME,
        field("type", "commune (xã), ward (phường) or township (thị trấn).", required=True, enum=["commune", "ward", "township"]),
        field("district_code", "The district it belonged to.", required=True),
        P63,
    ],
    "units_after": [
        field("code", "Five-digit code (the GSO code it carries since 1 July 2025).", **CODE5),
        NAME,
        FULL_NAME,
        field(
            "type",
            "commune (xã), ward (phường) or special_zone (đặc khu).",
            required=True,
            enum=["commune", "ward", "special_zone"],
        ),
        P34,
        field("area_km2", "Area in km² as the registry gives it; empty where it has none.", "number", minimum=0),
    ],
    "unit_changes": [
        field(
            "former_code",
            "The unit before 1 July 2025; empty for an island district that had no commune-level unit.",
            pattern="^\\d{5}$",
        ),
        field(
            "former_district_code",
            "Only for those island districts: the district that became the current unit.",
            pattern="^\\d{3}$",
        ),
        field("current_code", "A unit since 1 July 2025 that the former unit (or a part of it) went to.", **CODE5),
        field("divided", "true when the former unit was divided between several current units.", "boolean", required=True),
        field(
            "is_main",
            "true for the current unit that took the main part of the former one (the only one when not divided), "
            "false for the others; empty when the registry does not say.",
            "boolean",
        ),
    ],
    "registry_disagreements": [
        field(
            "kind",
            "What the packages disagree about (successors_differ, divided_differs, former_unit_missing, ...).",
            required=True,
        ),
        field("former_code", "The former unit concerned, if any."),
        field("current_code", "The current unit concerned, if any."),
        field("vietnamadminunits", "What vietnamadminunits says (codes separated by spaces, a name, a type or a province code)."),
        field("vietnam_provinces", "What vietnam-provinces says, in the same form."),
        field("explanation", "The disagreement in a sentence, and what the import did about it.", required=True),
    ],
}
COLUMNS = {
    "districts": DISTRICT_COLUMNS,
    "units_before": BEFORE_COLUMNS,
    "units_after": AFTER_COLUMNS,
    "unit_changes": CHANGE_COLUMNS,
    "registry_disagreements": DISAGREEMENT_COLUMNS,
}
KEYS = {
    "districts": (["code"], []),
    "units_before": (["code"], [("district_code", "districts", "code")]),
    "units_after": (["code"], []),
    "unit_changes": (
        ["former_code", "former_district_code", "current_code"],
        [
            ("former_code", "units_before", "code"),
            ("former_district_code", "districts", "code"),
            ("current_code", "units_after", "code"),
        ],
    ),
    # The codes may name a unit only one package lists, so they are not foreign keys.
    "registry_disagreements": (["kind", "former_code", "current_code"], []),
}
TITLES = {
    "districts": ("Districts on 30 June 2025", "The 696 district-level units the day before the district level was abolished."),
    "units_before": ("Commune-level units on 30 June 2025", "The 10,035 communes, wards and townships before the reform."),
    "units_after": ("Commune-level units since 1 July 2025", "The 3,321 communes, wards and special zones since the reform."),
    "unit_changes": ("Former to current units", "Each former unit and the current unit(s) it went to, marking divided units."),
    "registry_disagreements": (
        "Disagreements between the registry packages",
        "Where vietnam-provinces' old → new table or unit list differs from vietnamadminunits, one row each.",
    ),
}


# The same in Vietnamese (the descriptors are bilingual: title_vi, description_vi).
TITLES_VI = {
    "districts": (
        "Các đơn vị cấp huyện ngày 30 tháng 6 năm 2025",
        "696 đơn vị hành chính cấp huyện vào ngày trước khi bỏ cấp huyện.",
    ),
    "units_before": ("Các đơn vị cấp xã ngày 30 tháng 6 năm 2025", "10.035 xã, phường và thị trấn trước khi sắp xếp."),
    "units_after": ("Các đơn vị cấp xã từ ngày 1 tháng 7 năm 2025", "3.321 xã, phường và đặc khu sau khi sắp xếp."),
    "unit_changes": (
        "Đơn vị cũ sang đơn vị mới",
        "Mỗi đơn vị cũ và (các) đơn vị hiện nay mà nó được nhập vào, đánh dấu các đơn vị bị chia.",
    ),
    "registry_disagreements": (
        "Khác biệt giữa các gói dữ liệu đăng ký",
        "Chỗ bảng cũ → mới hoặc danh sách đơn vị của vietnam-provinces khác với vietnamadminunits, mỗi chỗ một dòng.",
    ),
}
GENERATED_VI = " Tạo bởi site-builder import-registry; không bao giờ biên tập thủ công."


def contributors() -> list[dict]:
    """Who made the rows (the registry's author) and who publishes them (Frictionless v1 `role`, v2 `roles`)."""
    return [
        {"title": f"{ADMIN_UNITS.author} ({ADMIN_UNITS.name})", "path": ADMIN_UNITS.url, "role": "author", "roles": ["creator"]},
        {
            "title": "Vietnam Apparatus Reform Data",
            "path": "https://github.com/vietnam-apparatus-reform/data",
            "role": "publisher",
            "roles": ["publisher"],
        },
    ]


def source(package: RegistryPackage) -> dict:
    return {
        "title": f"{package.name} {package.version} (Python package by {package.author}, {package.licence})",
        "path": package.url,
        "version": package.version,
    }


def licence(package: RegistryPackage) -> dict:
    return {
        "name": package.licence,
        "path": f"https://spdx.org/licenses/{package.licence}.html",
        "title": f"{package.licence} licence of {package.name} {package.version}, from which the rows are imported",
    }


def resource(name: str) -> dict:
    title, description = TITLES[name]
    primary_key, foreign_keys = KEYS[name]
    packages = [ADMIN_UNITS, PROVINCES] if name == "registry_disagreements" else [ADMIN_UNITS]
    schema = {"fields": FIELDS[name], "primaryKey": primary_key, "missingValues": [""]}
    if foreign_keys:
        schema["foreignKeys"] = [{"fields": f, "reference": {"resource": r, "fields": k}} for f, r, k in foreign_keys]
    if [f["name"] for f in FIELDS[name]] != COLUMNS[name]:
        raise AssertionError(f"units_package.FIELDS[{name!r}] and the columns written disagree")
    return {
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "title_vi": TITLES_VI[name][0],
        "description": description + " Generated by site-builder import-registry; never edited by hand.",
        "description_vi": TITLES_VI[name][1] + GENERATED_VI,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [licence(packages[0])],
        "sources": [source(p) for p in packages],
        "schema": schema,
    }


def descriptor_text() -> str:
    """datapackage.json of the units package. The versions are the pinned ones, which the import
    checks the registry environment has (run.run_extractor)."""
    descriptor = {
        "name": "units",
        "title": "Vietnam's commune-level units before and since 1 July 2025",
        "title_vi": "Các đơn vị hành chính cấp xã của Việt Nam trước và từ ngày 1 tháng 7 năm 2025",
        "description": "Districts and commune-level units on 30 June 2025, commune-level units since 1 July 2025, and which "
        "current unit(s) each former unit went to, imported from vietnamadminunits by site-builder "
        "import-registry, with the disagreements between it and vietnam-provinces. No coordinates: the "
        "registry's come from a geocoding service whose terms do not allow republishing them.",
        "description_vi": "Các đơn vị cấp huyện và cấp xã ngày 30 tháng 6 năm 2025, các đơn vị cấp xã từ ngày 1 tháng 7 năm 2025 "
        "và (các) đơn vị hiện nay mà mỗi đơn vị cũ được nhập vào, nhập từ vietnamadminunits bằng site-builder "
        "import-registry, kèm các khác biệt giữa gói này và vietnam-provinces. Không có tọa độ: tọa độ của gói đăng ký "
        "lấy từ một dịch vụ mã hóa địa lý có điều khoản không cho phép công bố lại.",
        "contributors": contributors(),
        "licenses": [licence(ADMIN_UNITS)],
        "sources": [source(ADMIN_UNITS)],
        "resources": [resource(name) for name in FIELDS],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
