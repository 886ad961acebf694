"""data/indicators/<indicator_id>.csv and .metadata.json: every figure of one indicator, for all
places, with the name of each place and the title, publisher and address of each source, so a
script needs one request for one indicator (a stable address: the data page documents it)."""

from __future__ import annotations

from pathlib import Path

from site_builder.downloads.csv_files import figures_csv
from site_builder.downloads.metadata import ADDED_COLUMNS, SliceFacts, figure_columns, metadata_json
from site_builder.downloads.package import DATA_FOLDER, Download, write_download

FOLDER = "indicators"


def indicator_columns(descriptor: dict) -> list[tuple[str, str]]:
    """The figures' columns with the place's names after province_id and the source's after source_id."""
    columns = []
    for name, description in figure_columns(descriptor):
        columns.append((name, description))
        if name == "province_id":
            columns += [(c, ADDED_COLUMNS[c]) for c in ("province_name_vi", "province_name_en")]
        if name == "source_id":
            columns += [(c, ADDED_COLUMNS[c]) for c in ("source_title", "source_publisher", "source_url")]
    return columns


def write_indicator_files(
    descriptor: dict,
    tables: dict[str, list[dict[str, str]]],
    facts: SliceFacts,
    last_changes: dict[str, str],
    docs_dir: Path,
) -> dict[str, tuple[Download, Download]]:
    """One CSV and one metadata file per indicator (those without figures too: an empty table is
    an answer); indicator id -> (CSV, metadata)."""
    folder = Path(docs_dir) / DATA_FOLDER / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    provinces = {row["id"]: row for row in tables.get("provinces", [])}
    sources = {row["id"]: row for row in tables.get("sources", [])}
    columns = indicator_columns(descriptor)
    by_indicator: dict[str, list[dict[str, str]]] = {row["id"]: [] for row in tables.get("indicators", [])}
    for row in tables.get("figures", []):
        by_indicator.setdefault(row.get("indicator_id", ""), []).append(row)
    files = {}
    for indicator in tables.get("indicators", []):
        rows = by_indicator[indicator["id"]]
        wide = [_with_names(row, provinces, sources) for row in rows]
        csv = write_download(
            folder,
            f"{indicator['id']}.csv",
            figures_csv(wide, [name for name, _ in columns]),
            "Every figure of one indicator, all places, with sources (UTF-8 CSV)",
            "csv",
            "figures",
        )
        subject = {
            "id": indicator["id"],
            "title": {"en": indicator.get("name_en", ""), "vi": indicator.get("name_vi", "")},
            "definition": {"en": indicator.get("definition", ""), "vi": indicator.get("definition_vi", "")},
            "unit": indicator.get("unit", ""),
            "level": indicator.get("level", ""),
            "theme": indicator.get("theme", ""),
        }
        links = {
            "page": f"../../indicators/{indicator['id']}/",
            "package": "../datapackage.json",
            "catalogue": "../catalog.jsonld",
        }
        meta = metadata_json(
            subject, rows, sources, csv, columns, facts, last_changes.get(indicator["id"], facts.build_date), links
        )
        files[indicator["id"]] = (
            csv,
            write_download(folder, f"{indicator['id']}.metadata.json", meta, "Metadata of one indicator's figures", "json", ""),
        )
    return files


def _with_names(row: dict[str, str], provinces: dict, sources: dict) -> dict[str, str]:
    province = provinces.get(row.get("province_id", ""), {})
    source = sources.get(row.get("source_id", ""), {})
    return {
        **row,
        "province_name_vi": province.get("name_vi", ""),
        "province_name_en": province.get("name_en", ""),
        "source_title": source.get("title", ""),
        "source_publisher": source.get("publisher", ""),
        "source_url": source.get("url", ""),
    }
