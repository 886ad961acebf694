"""The data of the commune pages: "Find your commune" (communes.md), the bulk conversion
(communes/convert.md) and the browsing by former province and district (communes/browse.md).
Interface text for their scripts comes from the edition's translations."""

from __future__ import annotations

from collections import defaultdict

from site_builder.addresses.rules import load_rules
from site_builder.pages.formatting import format_date, format_number
from site_builder.pages.translations import Translations
from site_builder.views import Site
from site_builder.views.unit_resolutions import ProvinceResolution, province_resolutions

UNIT_TYPES = ("commune", "ward", "township", "special_zone")
LOOKUP_TEXT = (
    "hint", "loading", "none", "one", "other", "likely", "ambiguous", "more", "failed", "former", "current", "went_to",
    "not_linked", "fuzzy", "divided", "main_part", "part", "legal_basis", "not_recorded",
)  # fmt: skip
CONVERT_ERRORS = ("empty", "too_big", "workbook", "not_utf8", "binary", "no_rows", "ragged", "failed")


def lookup_page(site: Site, t: Translations, lookup: str) -> dict:
    labels = {key: t(f"communes.js.{key}") for key in LOOKUP_TEXT}
    labels.update({f"type.{kind}": t(f"communes.type.{kind}") for kind in UNIT_TYPES})
    return {
        "units_before": len(site.dataset.units.former),
        "units_after": len(site.dataset.units.current),
        "lookup": lookup,
        "labels": labels,
        "resolutions": resolution_labels(province_resolutions(site.dataset), t),
    }


def resolution_labels(resolutions: tuple[ProvinceResolution, ...], t: Translations) -> dict[str, dict]:
    """For the lookup's script: each recorded resolution's label, date and page, by province id."""
    return {
        r.province.id: {
            "label": resolution_name(r, t),
            "adopted": format_date(r.resolution.adopted, t) if r.resolution.adopted else "",
            "url": r.source.url if r.source else "",
        }
        for r in resolutions
        if r.resolution and r.source and r.source.url
    }


def resolution_name(r: ProvinceResolution, t: Translations) -> str:
    number = r.resolution.resolution if r.resolution else ""
    return t("communes.resolution", number=number) if number else t("communes.resolution_unnumbered")


def convert_page(t: Translations, lookup: str) -> dict:
    size = f"{format_number(load_rules().csv['max_bytes'] // 1_000_000, t)} MB"
    # Texts with a number are given with their plural forms (convert.js chooses by the number).
    labels = {
        key: t.forms(f"communes.convert.js.{key}")
        for key in ("reading", "ready", "rows", "columns", "column_number", "loading", "progress", "done")
    }
    labels.update({f"error.{key}": t(f"communes.convert.js.error.{key}") for key in CONVERT_ERRORS})
    return {"lookup": lookup, "labels": labels, "limit": size}


def browse_page(site: Site) -> dict:
    """The former provinces, each with its districts (in file order), and the resolutions."""
    districts = defaultdict(list)
    for district in site.dataset.units.districts:
        districts[district.province_id].append(district)
    former = [(view.province, districts.get(view.province.id, [])) for view in site.former]
    return {"former": former, "resolutions": province_resolutions(site.dataset)}
