"""The releases in the site: each release's files at data/releases/<YYYY-MM-DD>/, as the
repository keeps them, and data/releases/releases.json, the list a script reads (every release
with its files, checksums, citation and a summary of what changed since the one before)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from site_builder.dataset.safe_files import read_regular_file
from site_builder.incremental import write_fresh
from site_builder.releases.store import CHANGES, CITATION_CFF, SUMS, Release

SITE_FOLDER = "data/releases"
LIST_NAME = "releases.json"


@dataclass(frozen=True)
class PublishedRelease:
    """What the data page lists of one release (paths from the site root)."""

    date: str
    previous: str
    folder: str  # data/releases/<date>/
    citation: dict  # language -> text
    figures: dict  # "added" / "changed" / "removed" -> figure ids
    resources: dict  # "package/resource" -> {"added": n, "changed": n, "removed": n}
    files: tuple[tuple[str, int], ...]  # (path in the release, size)

    @property
    def changes(self) -> str:
        return self.folder + CHANGES

    @property
    def checksums(self) -> str:
        return self.folder + SUMS

    @property
    def citation_file(self) -> str:
        return self.folder + CITATION_CFF


def write_releases(releases: tuple[Release, ...], root: Path, docs_dir: Path) -> tuple[PublishedRelease, ...]:
    """Copy every release into docs_dir/data/releases/ and write releases.json; newest first."""
    published = []
    for release in releases:
        sizes = []
        for name in release.files:
            data = read_regular_file(release.folder / name, root)
            target = docs_dir / SITE_FOLDER / release.date / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_fresh(target, data)
            sizes.append((name, len(data)))
        changes = release.record.get("changes") or {}
        published.append(
            PublishedRelease(
                date=release.date,
                previous=release.record.get("previous") or "",
                folder=f"{SITE_FOLDER}/{release.date}/",
                citation=release.record.get("citation") or {},
                figures=changes.get("figures") or {},
                resources=changes.get("resources") or {},
                files=tuple(sizes),
            )
        )
    published.reverse()
    if published:
        listing = [
            {
                "date": r.date,
                "previous": r.previous or None,
                "url": r.date + "/",
                "citation": r.citation,
                "changes": {"resources": r.resources, "figures": r.figures, "listing": f"{r.date}/{CHANGES}"},
                "files": [
                    {"path": f"{r.date}/{name}", "bytes": size, "sha256": releases_by_date(releases)[r.date].files[name]}
                    for name, size in r.files
                ],
            }
            for r in published
        ]
        text = json.dumps({"releases": listing}, ensure_ascii=False, indent=2) + "\n"
        write_fresh(docs_dir / SITE_FOLDER / LIST_NAME, text.encode("utf-8"))
    return tuple(published)


def releases_by_date(releases: tuple[Release, ...]) -> dict[str, Release]:
    return {r.date: r for r in releases}
