"""The build's "catalogue" stage, after the downloads: each indicator's CSV and metadata, the
metadata beside each province's CSV, the releases, and the DCAT catalogue; the page contexts
with what the pages' JSON-LD and citations need of them."""

from __future__ import annotations

from dataclasses import replace

from site_builder.catalogue.about import about_data
from site_builder.catalogue.build import write_catalogue
from site_builder.downloads.indicator_files import write_indicator_files
from site_builder.downloads.metadata import SliceFacts
from site_builder.downloads.package import write_folder_checksums
from site_builder.downloads.province_metadata import write_province_metadata
from site_builder.pages.paths import page_url, province_path
from site_builder.releases.publish import write_releases
from site_builder.releases.status import ReleaseStatus, figure_history, last_changes


def write_catalogue_files(site, raw, contexts: dict, paths, releases: tuple, status: ReleaseStatus) -> dict:
    """Write data/indicators/, data/provinces/*.metadata.json, data/releases/ and data/catalog.jsonld
    into the staging docs; each edition's context with them (pages.render.PageContext)."""
    english = contexts["en"]
    staging = paths.staging_docs
    about = about_data(raw.descriptor, english.site_name)
    licence = (raw.descriptor.get("licenses") or [{}])[0]
    facts = SliceFacts(
        licence, {lang: c.citation for lang, c in contexts.items()}, status.shown, status.latest, english.build_date
    )
    history = figure_history(releases, paths.data_dir) if releases else None
    by_indicator = _last_changes(history, lambda row: (row.get("indicator_id", ""),), english.build_date)
    indicator_files = write_indicator_files(raw.descriptor, raw.tables, facts, by_indicator, staging)
    views = site.current + site.former
    shown_ids = {v.province.id: v.province_ids for v in views}
    pages_showing: dict[str, list[str]] = {}
    for page_id, ids in shown_ids.items():
        for province_id in ids:
            pages_showing.setdefault(province_id, []).append(page_id)
    by_province = _last_changes(history, lambda row: tuple(pages_showing.get(row.get("province_id", ""), ())), english.build_date)
    province_files = english.province_downloads or {}
    pages = {v.province.id: page_url(province_path(v.province)) for v in views}
    province_metadata = write_province_metadata(
        raw.descriptor, raw.tables, province_files, shown_ids, pages, facts, by_province, staging
    )
    per_province = (
        {f"{pid}.figures": d for pid, d in province_files.items()}
        | {f"{pid}.units": d for pid, d in (english.unit_downloads or {}).items()}
        | {f"{pid}.metadata": d for pid, d in province_metadata.items()}
    )
    checksums = write_folder_checksums(staging, per_province)
    write_folder_checksums(staging, {f"{i}.{n}": d for i, files in indicator_files.items() for n, d in enumerate(files)})
    published = write_releases(releases, paths.root, staging)
    catalogue = write_catalogue(
        descriptors={"": raw.descriptor} | dict(english.other_descriptors or {}),
        downloads=english.downloads,
        indicator_files=indicator_files,
        indicator_rows=raw.tables.get("indicators", []),
        figure_rows=raw.tables.get("figures", []),
        about=about,
        date=english.build_date,
        releases=releases,
        site_names={lang: c.site_name for lang, c in contexts.items()},
        repository=english.repository_url,
        docs_dir=staging,
    )
    return {
        lang: replace(
            c,
            about=about,
            indicator_downloads=indicator_files,
            province_metadata=province_metadata,
            province_checksums=checksums,
            releases=published,
            catalogue=catalogue,
        )
        for lang, c in contexts.items()
    }


def _last_changes(history, group_of, build_date: str) -> dict[str, str]:
    """With no release, every group last changed on the build date (the metadata's default)."""
    return last_changes(history, group_of, build_date) if history else {}
