"""The downloadable data: every resource as CSV (UTF-8, and an Excel-friendly variant), the
package descriptor, a reproducible zip with README and checksums, SHA256SUMS, and one CSV of
figures per province. Every text cell that Excel would read as a formula is made safe.

- csv_files.py: CSV bytes (plain and for Excel), formula-safe cells
- package.py: data/: the resources, datapackage.json, the zip, SHA256SUMS
- province_files.py: data/provinces/<id>.csv
"""

from site_builder.downloads.csv_files import figures_csv, formula_safe, table_csv
from site_builder.downloads.package import Download, write_downloads
from site_builder.downloads.province_files import write_province_files

__all__ = ["Download", "figures_csv", "formula_safe", "table_csv", "write_downloads", "write_province_files"]
