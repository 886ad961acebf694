"""Publishing keeps the site it replaces as the spare the next incremental build starts from,
so a rebuild copies only the files that changed instead of the whole site (issue 12)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from helpers import tree_hash
from site_builder.publish import swap


def write(path: Path, text: str, when: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if when is not None:
        os.utime(path, ns=(when, when))


def files_with_times(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_mirror_copies_only_what_differs_and_leaves_exactly_the_source(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    write(source / "same.html", "same", 1_000_000_000)
    write(target / "same.html", "same", 1_000_000_000)
    write(source / "newer.html", "new text", 2_000_000_000)
    write(target / "newer.html", "old text", 1_000_000_000)  # same size, older time
    write(source / "longer.html", "longer text", 1_000_000_000)
    write(target / "longer.html", "short", 1_000_000_000)  # same time, other size
    write(source / "only-in-source" / "page.html", "new page", 1_000_000_000)
    write(target / "only-in-target" / "page.html", "gone", 1_000_000_000)
    write(target / "stale.html", "gone", 1_000_000_000)
    write(source / "was-a-file" / "index.html", "now a folder", 1_000_000_000)
    write(target / "was-a-file", "a file", 1_000_000_000)
    write(source / "was-a-folder", "now a file", 1_000_000_000)
    write(target / "was-a-folder" / "index.html", "a folder", 1_000_000_000)
    (target / "link.html").symlink_to(source / "same.html")
    write(source / "link.html", "same", 1_000_000_000)
    untouched = os.stat(target / "same.html").st_ino

    copied = swap.mirror(source, target)

    assert files_with_times(target) == files_with_times(source)
    assert not (target / "link.html").is_symlink()
    assert os.stat(target / "same.html").st_ino == untouched  # not rewritten
    assert copied == 6  # newer, longer, only-in-source, was-a-file, was-a-folder, link


def test_publishing_keeps_the_old_site_as_the_spare_and_deletes_the_older_one(tmp_path):
    site, spare = tmp_path / "site", tmp_path / "build" / "previous-site"
    write(site / "index.html", "first")
    for text in ("second", "third"):
        new = tmp_path / f".site-build-{text}"
        write(new / "index.html", text)
        swap.publish(new, site, spare)
    assert (site / "index.html").read_text(encoding="utf-8") == "third"
    assert (spare / "index.html").read_text(encoding="utf-8") == "second"
    deadline = time.monotonic() + 30  # the older spare ("first") is deleted in the background
    while [p for p in tmp_path.iterdir() if p.name.startswith(swap.TEMP_PREFIX)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(swap.TEMP_PREFIX)]


def test_without_a_spare_on_the_same_filesystem_the_old_site_is_deleted(tmp_path, monkeypatch):
    site, spare = tmp_path / "site", tmp_path / "build" / "previous-site"
    write(site / "index.html", "old")
    new = tmp_path / ".site-build-new"
    write(new / "index.html", "new")
    real_rename = os.rename

    def rename(src, dst):
        if Path(dst) == spare:
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)

    monkeypatch.setattr(swap.os, "rename", rename)
    swap.publish(new, site, spare)
    assert (site / "index.html").read_text(encoding="utf-8") == "new" and not spare.exists()


def test_the_copy_starts_from_the_spare_and_equals_the_published_site(tmp_path):
    site, spare, output = tmp_path / "site", tmp_path / "previous-site", tmp_path / "output"
    write(site / "a.html", "a", 1_000_000_000)
    write(site / "b.html", "b, rebuilt", 2_000_000_000)
    write(spare / "a.html", "a", 1_000_000_000)
    write(spare / "b.html", "b", 1_000_000_000)
    output.mkdir()
    assert swap.copy_previous_site(site, output, spare) == 1
    assert files_with_times(output) == files_with_times(site) and not spare.exists()
    # without a spare, everything is copied
    again = tmp_path / "again"
    again.mkdir()
    assert swap.copy_previous_site(site, again, spare) == 2
    assert tree_hash(again) == tree_hash(site)


def test_a_spare_is_prepared_once_as_a_copy_with_the_files_times(tmp_path):
    site, spare = tmp_path / "site", tmp_path / "build" / "previous-site"
    write(site / "a" / "index.html", "a", 1_000_000_000)
    spare.parent.mkdir()
    assert swap.prepare_spare(site, spare) is True
    assert files_with_times(spare) == files_with_times(site)
    write(site / "a" / "index.html", "changed", 2_000_000_000)
    assert swap.prepare_spare(site, spare) is False  # one is there already: left as it is
    assert (spare / "a" / "index.html").read_text(encoding="utf-8") == "a"
    assert not spare.with_name("previous-site.partial").exists()
