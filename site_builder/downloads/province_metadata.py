"""data/provinces/<id>.metadata.json beside each province's CSV: the province, the places whose
figures its page shows, the file's columns (read from the CSV's own header, so the two always
agree), sources, licence, citation and when its figures last changed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from site_builder.downloads.metadata import ADDED_COLUMNS, SliceFacts, figure_columns, metadata_json
from site_builder.downloads.package import Download, write_download

PROVINCE_FIELDS = ("id", "gso_code", "name_vi", "name_en", "slug", "type", "valid_from", "valid_to")


def write_province_metadata(
    descriptor: dict,
    tables: dict[str, list[dict[str, str]]],
    files: dict[str, Download],
    shown_ids: dict[str, tuple[str, ...]],
    pages: dict[str, str],
    facts: SliceFacts,
    last_changes: dict[str, str],
    docs_dir: Path,
) -> dict[str, Download]:
    """One metadata file beside each province CSV in `files` (province id -> its CSV); `pages` maps
    a province id to its page's address from the site root. Province id -> the metadata written."""
    provinces = {row["id"]: row for row in tables.get("provinces", [])}
    sources = {row["id"]: row for row in tables.get("sources", [])}
    described = dict(figure_columns(descriptor)) | ADDED_COLUMNS
    written = {}
    for province_id, data in files.items():
        folder = Path(docs_dir) / Path(data.path).parent
        header = next(csv.reader(io.StringIO((folder / data.name).read_text(encoding="utf-8-sig"))), [])
        ids = set(shown_ids.get(province_id, (province_id,)))
        rows = [row for row in tables.get("figures", []) if row.get("province_id") in ids]
        province = provinces.get(province_id, {})
        subject = {
            "province": {key: province.get(key, "") for key in PROVINCE_FIELDS},
            "includes": sorted(ids),
        }
        links = {
            "page": f"../../{pages.get(province_id, '')}",
            "package": "../datapackage.json",
            "catalogue": "../catalog.jsonld",
        }
        meta = metadata_json(
            subject,
            rows,
            sources,
            data,
            [(name, described.get(name, "")) for name in header],
            facts,
            last_changes.get(province_id, facts.build_date),
            links,
        )
        name = data.name.removesuffix(".csv") + ".metadata.json"
        written[province_id] = write_download(folder, name, meta, "Metadata of one province's figures", "json", "")
    return written
