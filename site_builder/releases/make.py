"""`site-builder release`: a dated, immutable copy of the packages in releases/<YYYY-MM-DD>/.

The copy is the packages as they are (each descriptor and the CSVs it lists), byte for byte,
with SHA256SUMS over everything in the folder, the release's own citation (CITATION.cff for
citation managers, CITATION.txt in every language of the site), CHANGES.txt (the data diff
from the previous release) and release.json (its date, the previous one, a summary of the
changes). It is written into a hidden folder and renamed into place, so a failed release leaves
nothing behind; a release that exists is never written again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import yaml

from site_builder.dataset.safe_files import UnsafeFile, read_regular_file
from site_builder.errors import BuildError
from site_builder.releases.changes import changes_summary, changes_text
from site_builder.releases.store import (
    CHANGES,
    CITATION_CFF,
    CITATION_TEXT,
    DESCRIPTOR,
    RECORD,
    RELEASE_DATE,
    RELEASES_FOLDER,
    SUMS,
    Release,
    ReleaseFiles,
    read_release,
    read_releases,
)
from site_builder.review.tables import Snapshot, load_snapshot


def make_release(root: Path, data_dir: Path, date: str, citations: dict[str, str], about: dict) -> Release:
    """Write releases/<date>/ from the packages in `data_dir`; the release written.

    `citations` is the release's citation by language ({"en": ..., "vi": ...}); `about` holds the
    site's name and repository (`site`, `repository`) and the licence (`licence`: an SPDX id).
    BuildError when the date is not a day, not after the latest release, or nothing changed."""
    root = Path(root)
    check_date(date)
    releases = read_releases(root)
    folder = root / RELEASES_FOLDER / date
    if folder.exists():
        raise BuildError(f"{folder}: release {date} exists and is never written again; pass another --date.")
    if releases and releases[-1].date > date:
        raise BuildError(f"Release {releases[-1].date} is newer than {date}; a new release must be dated after it.")
    previous = releases[-1] if releases else None
    staging = root / RELEASES_FOLDER / f".{date}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        copy_packages(data_dir, staging, root)
        base = load_snapshot(ReleaseFiles(previous.folder, root)) if previous else Snapshot()
        head = load_snapshot(ReleaseFiles(staging, root))
        summary = changes_summary(base, head)
        if previous and not summary["resources"] and base.descriptors == head.descriptors:
            raise BuildError(f"Nothing changed in the data since release {previous.date}; there is nothing to release.")
        base_label = f"release {previous.date}" if previous else "no release (the first one)"
        write_text(staging / CHANGES, changes_text(base, head, base_label, f"release {date}"))
        write_text(staging / CITATION_TEXT, "".join(f"[{lang}] {text}\n" for lang, text in sorted(citations.items())))
        write_text(staging / CITATION_CFF, citation_cff(date, citations.get("en", ""), about, head))
        record = {
            "date": date,
            "previous": previous.date if previous else None,
            "packages": package_versions(head),
            "citation": citations,
            "changes": summary,
        }
        write_text(staging / RECORD, json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        write_sums(staging)
        os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_release(folder, root)


def check_date(date: str) -> None:
    if not RELEASE_DATE.match(date):
        raise BuildError(f"{date!r} is not a date; give the release's day as YYYY-MM-DD (e.g. --date 2025-12-31).")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise BuildError(f"{date} is not a day of the calendar; check the month and the day.") from None


def copy_packages(data_dir: Path, target: Path, root: Path) -> None:
    """Each package's descriptor and the CSVs it lists, byte for byte (regular files inside the repository only)."""
    packages = sorted(p.parent for p in Path(data_dir).glob(f"*/{DESCRIPTOR}"))
    if not packages:
        raise BuildError(f"{data_dir}: no package (a folder with a {DESCRIPTOR}) to release.")
    for package in packages:
        descriptor = read(package / DESCRIPTOR, root)
        names = [DESCRIPTOR] + [r["path"] for r in json.loads(descriptor).get("resources", []) if isinstance(r.get("path"), str)]
        for name in names:
            if "/" in name or name.startswith("."):
                raise BuildError(f"{package / DESCRIPTOR}: resource path {name!r} is not a file beside the descriptor.")
            (target / package.name).mkdir(parents=True, exist_ok=True)
            (target / package.name / name).write_bytes(read(package / name, root))


def read(path: Path, root: Path) -> bytes:
    try:
        return read_regular_file(path, root)
    except (FileNotFoundError, UnsafeFile) as error:
        raise BuildError(f"{path}: cannot be released ({error}); run `site-builder validate` and fix it first.") from None


def package_versions(snapshot: Snapshot) -> dict[str, str]:
    return {name: json.loads(text).get("version", "") for name, text in sorted(snapshot.descriptors.items())}


def citation_cff(date: str, citation: str, about: dict, head: Snapshot) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of the release: a dataset, its authors from the
    reform package's contributors (their names as data: YAML written by the YAML library)."""
    reform = json.loads(head.descriptors.get("reform", "{}"))
    authors = [
        {"name": c["title"]}
        for c in reform.get("contributors", [])
        if isinstance(c, dict) and c.get("title") and {"author", "creator"} & set(roles_of(c))
    ] or [{"name": about["site"]}]
    cff = {
        "cff-version": "1.2.0",
        "message": citation,
        "type": "dataset",
        "title": f"{about['site']}, release {date}",
        "version": date,
        "date-released": date,
        "license": about.get("licence", "CC-BY-4.0"),
        "authors": authors,
        "repository-code": about["repository"],
    }
    return yaml.safe_dump(cff, allow_unicode=True, sort_keys=False, width=1000)


def roles_of(contributor: dict) -> list[str]:
    """A Frictionless contributor's roles: `roles` (v2) or `role` (v1)."""
    roles = contributor.get("roles") or [contributor.get("role", "")]
    return [str(r) for r in roles]


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def write_sums(folder: Path) -> None:
    """SHA256SUMS of every other file in the folder, in `sha256sum -c` format."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != SUMS)
    lines = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(folder).as_posix()}\n" for p in files)
    write_text(folder / SUMS, lines)
