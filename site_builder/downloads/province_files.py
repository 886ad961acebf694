"""data/provinces/<id>.csv: the figures a province page shows (its own and its predecessors'),
as a formula-safe UTF-8 CSV, one file per province, each row with its source's title, publisher,
address and language beside its source_id, so that a file read on its own says where every
number comes from."""

from __future__ import annotations

from pathlib import Path

from site_builder.downloads.csv_files import figures_csv
from site_builder.downloads.package import DATA_FOLDER, Download, write_download

FOLDER = "provinces"
# Columns of sources.csv copied beside each figure, as source_<column>.
SOURCE_COLUMNS = ("title", "publisher", "url", "language", "translated_from", "original_url")


def write_province_files(
    descriptor: dict,
    figure_rows: list[dict[str, str]],
    shown_ids: dict[str, tuple[str, ...]],
    docs_dir: Path,
    source_rows: list[dict[str, str]] = (),
) -> dict[str, Download]:
    """One CSV per province id in `shown_ids` (province id -> the province ids whose figures its
    page shows), rows in file order, each with its source's columns from `source_rows`; returns
    province id -> the file written."""
    folder = Path(docs_dir) / DATA_FOLDER / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    resource = next((r for r in descriptor.get("resources", []) if r.get("name") == "figures"), {})
    columns = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    added = [f"source_{column}" for column in SOURCE_COLUMNS]
    sources = {row.get("id", ""): row for row in source_rows}
    files = {}
    for province_id, ids in shown_ids.items():
        wanted = set(ids)
        rows = [with_source(row, sources) for row in figure_rows if row.get("province_id") in wanted]
        files[province_id] = write_download(
            folder,
            f"{province_id}.csv",
            figures_csv(rows, columns + added),
            "Figures of one province and its predecessors, each with its source (UTF-8 CSV)",
            "csv",
            "figures",
        )
    return files


def with_source(row: dict[str, str], sources: dict[str, dict[str, str]]) -> dict[str, str]:
    """The figure's row with its source's columns (empty where the source is unknown)."""
    source = sources.get(row.get("source_id", ""), {})
    return {**row, **{f"source_{column}": source.get(column, "") for column in SOURCE_COLUMNS}}
