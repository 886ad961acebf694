"""The downloadable data: every resource as CSV (UTF-8, and an Excel-friendly variant), the
package descriptor, a reproducible zip with README and checksums, SHA256SUMS, and one CSV of
figures per province. Every text cell that Excel would read as a formula is made safe.

- csv_files.py: CSV bytes (plain and for Excel), formula-safe cells
- package.py: data/: the resources, datapackage.json, the zip, SHA256SUMS
- readme.py: the zip's README in English and Vietnamese
- province_files.py: data/provinces/<id>.csv
- data_folder.py: the build's "downloads" stage: all of data/ above, written once for every edition
- unit_files.py: data/provinces/<id>-units.csv (a province's commune-level units and their links)
  (data/provinces/SHA256SUMS holds the checksums of both kinds)

The units package is written beside the reform package in data/units/ and put in the same zip
under units/ (one download for everything, each package with its own datapackage.json).
"""

from site_builder.downloads.csv_files import figures_csv, formula_safe, table_csv
from site_builder.downloads.package import Download, write_downloads, write_folder_checksums
from site_builder.downloads.province_files import write_province_files
from site_builder.downloads.unit_files import unit_csv, unit_rows, write_unit_files

__all__ = [
    "Download",
    "figures_csv",
    "formula_safe",
    "table_csv",
    "unit_csv",
    "unit_rows",
    "write_downloads",
    "write_folder_checksums",
    "write_province_files",
    "write_unit_files",
]
