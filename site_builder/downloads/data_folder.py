"""The build's "downloads" stage: data/ written once for every edition (the package files, one CSV
of figures and one of units per province, cited in English); what was written, for the pages."""

from __future__ import annotations

from pathlib import Path

from site_builder.dataset.changelog import changelog_text
from site_builder.dataset.model import RawPackage
from site_builder.downloads.package import write_downloads, write_folder_checksums
from site_builder.downloads.province_files import write_province_files
from site_builder.downloads.unit_files import write_unit_files
from site_builder.views import Site


def write_data_folder(
    site: Site, raw: RawPackage, citations: dict[str, str], build_date: str, staging: Path, translations: dict | None = None
) -> dict:
    """Write data/ into `staging` (`citations`: the dataset's citation by language, English first);
    the downloads by kind, as the pages' context names them (pages.context.PageContext)."""
    others = {name: (package.descriptor, package.tables) for name, package in raw.others.items()}
    written = write_downloads(
        raw.descriptor,
        raw.tables,
        staging,
        build_date,
        citations["en"],
        others,
        citations=citations,
        changelog=changelog_text(site.dataset.changelog) if site.dataset.changelog else "",
        translations=translations,
    )
    shown_ids = {view.province.id: view.province_ids for view in site.current + site.former}
    province_files = write_province_files(
        raw.descriptor, raw.tables.get("figures", []), shown_ids, staging, raw.tables.get("sources", [])
    )
    unit_files = write_unit_files({v.province.id: v.communes for v in site.current + site.former if v.communes}, staging)
    per_province = {f"{pid}.figures": d for pid, d in province_files.items()} | {
        f"{pid}.units": d for pid, d in unit_files.items()
    }
    return {
        "downloads": tuple(written),
        "province_downloads": province_files,
        "unit_downloads": unit_files,
        "province_checksums": write_folder_checksums(staging, per_province),
        "other_descriptors": {n: d for n, (d, _) in others.items()},
    }
