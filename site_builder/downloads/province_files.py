"""data/provinces/<id>.csv: the figures a province page shows (its own and its predecessors'),
as a formula-safe UTF-8 CSV, one file per province."""

from __future__ import annotations

from pathlib import Path

from site_builder.downloads.csv_files import figures_csv
from site_builder.downloads.package import DATA_FOLDER, Download, write_download

FOLDER = "provinces"


def write_province_files(
    descriptor: dict, figure_rows: list[dict[str, str]], shown_ids: dict[str, tuple[str, ...]], docs_dir: Path
) -> dict[str, Download]:
    """One CSV per province id in `shown_ids` (province id -> the province ids whose figures its
    page shows), rows in file order; returns province id -> the file written."""
    folder = Path(docs_dir) / DATA_FOLDER / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    resource = next((r for r in descriptor.get("resources", []) if r.get("name") == "figures"), {})
    columns = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    files = {}
    for province_id, ids in shown_ids.items():
        rows = [row for row in figure_rows if row.get("province_id") in set(ids)]
        files[province_id] = write_download(
            folder,
            f"{province_id}.csv",
            figures_csv(rows, columns),
            "Figures of one province and its predecessors (UTF-8 CSV)",
            "csv",
            "figures",
        )
    return files
