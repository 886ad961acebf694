"""The downloadable data: every resource as CSV (UTF-8, and an Excel-friendly variant), the
package descriptor, a reproducible zip with README and checksums, SHA256SUMS.

Every text cell that Excel would read as a formula is made safe (a leading apostrophe).
"""

from site_builder.downloads.csv_files import figures_csv, formula_safe, table_csv
from site_builder.downloads.package import Download, write_downloads

__all__ = ["Download", "figures_csv", "formula_safe", "table_csv", "write_downloads"]
