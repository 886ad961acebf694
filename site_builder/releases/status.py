"""Which release the data of a build is, and when a set of figures last changed: both read
from the releases in the repository, never from the clock."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from site_builder.dataset.reading import Reading
from site_builder.releases.store import DESCRIPTOR, Release, ReleaseFiles
from site_builder.review.tables import read_rows

FIGURES_PATH = "datapackages/reform/figures.csv"


@dataclass(frozen=True)
class ReleaseStatus:
    """The newest release, and whether the data built is exactly it (else it has changes since)."""

    latest: str = ""  # its date; "" when there is no release yet
    is_latest: bool = False

    @property
    def shown(self) -> str:
        """The release a page shows: the newest one when the data is it, else ""."""
        return self.latest if self.is_latest else ""


def data_files(data_dir: Path) -> dict[str, str]:
    """Every package's descriptor and the files it lists, "package/file" -> sha256 (as a release holds them)."""
    files = {}
    for descriptor in sorted(Path(data_dir).glob(f"*/{DESCRIPTOR}")):
        package = descriptor.parent
        try:
            names = [DESCRIPTOR] + [r["path"] for r in json.loads(descriptor.read_bytes()).get("resources", [])]
        except (ValueError, KeyError, TypeError, AttributeError):
            names = [DESCRIPTOR]
        for name in names:
            path = package / str(name)
            if path.is_file() and not path.is_symlink():
                files[f"{package.name}/{name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def release_status(releases: tuple[Release, ...], data_dir: Path) -> ReleaseStatus:
    if not releases:
        return ReleaseStatus()
    latest = releases[-1]
    return ReleaseStatus(latest.date, latest.package_files() == data_files(data_dir))


def figure_rows(folder: Path) -> list[dict[str, str]]:
    """The reform package's figures in a folder of packages (a release, or datapackages/), read
    as the data diff reads them; [] when there are none."""
    data = ReleaseFiles(folder, folder).read(FIGURES_PATH)
    rows = read_rows(data, FIGURES_PATH, Reading()) if data is not None else None
    return rows or []


def figure_history(releases: tuple[Release, ...], data_dir: Path) -> tuple[list, list[tuple[str, list]]]:
    """The figures of this build and of every release (date, rows), oldest first: read once for
    every `last_changes`."""
    return figure_rows(data_dir), [(r.date, figure_rows(r.folder)) for r in releases]


def last_changes(history: tuple[list, list], group_of: Callable[[dict[str, str]], tuple[str, ...]], build_date: str) -> dict:
    """For each group of figures (`group_of` a row: the keys it belongs to, e.g. its indicator), the
    date it last changed: the oldest release from which on its rows are those of this build; the
    build date when they changed after the newest release (or there is none). `history` is
    figure_history()."""
    now, releases = history
    current = _grouped(now, group_of)
    dates = dict.fromkeys(current, build_date)
    settled = set()
    for date, rows in reversed(releases):
        past = _grouped(rows, group_of)
        for key, rows in current.items():
            if key in settled:
                continue
            if past.get(key) == rows:
                dates[key] = date
            else:
                settled.add(key)
    return dates


def _grouped(rows: list[dict[str, str]], group_of) -> dict[str, frozenset]:
    groups: dict[str, set] = {}
    for row in rows:
        for key in group_of(row):
            groups.setdefault(key, set()).add(tuple(sorted(row.items())))
    return {key: frozenset(value) for key, value in groups.items()}
