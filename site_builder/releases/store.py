"""The releases kept in the repository (`releases/<YYYY-MM-DD>/`), read as the build and the
release command need them: their dates, files and checksums, and the data diff's view of them."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from site_builder.dataset.safe_files import UnsafeFile, read_regular_file
from site_builder.errors import BuildError

RELEASES_FOLDER = "releases"  # at the project root, beside datapackages/
RELEASE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SUMS = "SHA256SUMS"
CITATION_CFF = "CITATION.cff"
CITATION_TEXT = "CITATION.txt"
CHANGES = "CHANGES.txt"  # Markdown text, served as text: MkDocs would make a page of a .md file
RECORD = "release.json"
DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Release:
    """One release: its date (also its folder's name) and every file in it, by path in the folder."""

    date: str
    folder: Path
    files: dict[str, str] = field(default_factory=dict)  # path in the folder -> sha256
    record: dict = field(default_factory=dict)  # release.json: previous release, packages, changes

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(sorted({PurePosixPath(p).parts[0] for p in self.files if PurePosixPath(p).name == DESCRIPTOR}))

    def package_files(self) -> dict[str, str]:
        """The data files only (every package's descriptor and CSVs), path -> sha256."""
        return {p: s for p, s in self.files.items() if len(PurePosixPath(p).parts) == 2}


def read_releases(root: Path) -> tuple[Release, ...]:
    """Every release under `root/releases/`, oldest first; BuildError for a folder that is not one."""
    folder = Path(root) / RELEASES_FOLDER
    if not folder.is_dir():
        return ()
    releases = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.is_symlink() or not RELEASE_DATE.match(entry.name):
            raise BuildError(
                f"{entry}: not a release; {RELEASES_FOLDER}/ holds only folders named YYYY-MM-DD written by "
                "`site-builder release`. Move it elsewhere."
            )
        releases.append(read_release(entry, Path(root)))
    return tuple(releases)


def read_release(folder: Path, root: Path) -> Release:
    """One release folder: its files hashed (regular files inside the repository only), its record."""
    files = {}
    for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
        try:
            data = read_regular_file(path, root)
        except UnsafeFile as error:
            raise BuildError(f"{path}: {error}; a release holds only the files `site-builder release` wrote.") from None
        files[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8")) if RECORD in files else {}
    except ValueError as error:
        raise BuildError(f"{folder / RECORD}: not valid JSON ({error}); restore it from git.") from None
    return Release(folder.name, folder, files, record)


def latest_before(releases: tuple[Release, ...], date: str) -> Release | None:
    """The newest release dated before `date`."""
    earlier = [r for r in releases if r.date < date]
    return earlier[-1] if earlier else None


class ReleaseFiles:
    """A release seen as the data diff sees a revision (review.tables.DataFiles): its packages
    under the names they have in datapackages/."""

    def __init__(self, folder: Path, root: Path):
        self.folder = folder
        self.root = root

    def descriptor_paths(self) -> list[str]:
        return sorted(f"datapackages/{p.parent.name}/{DESCRIPTOR}" for p in self.folder.glob(f"*/{DESCRIPTOR}"))

    def read(self, path: str) -> bytes | None:
        parts = PurePosixPath(path).parts
        if len(parts) < 3 or parts[0] != "datapackages":
            return None
        try:
            return read_regular_file(self.folder.joinpath(*parts[1:]), self.root)
        except (FileNotFoundError, UnsafeFile):
            return None
