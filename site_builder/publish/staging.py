"""The staging folder `build/staging/docs/`: the hand-written pages copied from docs/, then the
generated pages written beside them (a generated page never replaces a hand-written one).
`sync_folder` then moves what changed into `build/docs/`, the folder MkDocs reads."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.incremental import write_fresh
from site_builder.output_paths import inside
from site_builder.pages.paths import page_url
from site_builder.publish.docs_files import check_docs_file

# Hand-written files kept out of the site: the README's screenshot lives in docs/assets/ for
# GitHub, but nobody reads it on the site itself.
EXCLUDED_DOCS = ("assets/screenshot-*",)


def prepare_docs(source: Path, staging: Path, other_editions: tuple[str, ...] = ()) -> list[str]:
    """Copy the hand-written pages into `staging`, leaving out the folders of the other editions
    (docs/vi/ holds the Vietnamese pages); return their relative paths.

    What an earlier build left in `staging` stays: writing over a file costs less than creating
    it again (about 1,500 files per build), and `sync_folder` leaves out every file this build
    did not write (see `files_as_left`)."""
    staging.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        return []
    refuse_links_and_special_files(source)
    copied: list[str] = []

    def copy(src: str, dst: str) -> None:
        shutil.copyfile(src, dst)  # not copy2: a file written now must have a time of now
        copied.append(str(Path(dst).relative_to(staging)))

    ignore = _ignore_excluded(source, other_editions)
    try:
        shutil.copytree(source, staging, ignore=ignore, copy_function=copy, dirs_exist_ok=True)
    except (OSError, shutil.Error):  # a file where a folder now is, or the reverse: start afresh
        shutil.rmtree(staging)
        copied.clear()
        shutil.copytree(source, staging, ignore=ignore, copy_function=copy)
    return sorted(copied)


def hand_written_pages(source: Path, other_editions: tuple[str, ...] = ()) -> list[str]:
    """The Markdown pages of `source` (docs/ or an edition's folder of it), as their paths in it,
    less the folders of the other editions: the pages whose HTML sanitise.py cleans."""
    if not source.is_dir():
        return []
    pages = (p.relative_to(source) for p in source.rglob("*") if p.suffix.lower() == ".md" and p.is_file())
    return sorted(p.as_posix() for p in pages if p.parts[0] not in other_editions)


def refill_staging(docs: Path, staging: Path) -> int:
    """Copy into `staging` each file of `docs` it lacks; the number copied. A build moves the
    files it changed out of staging into docs, so after a first build staging is empty, and
    the next build would create every file again instead of writing over it. For a process
    with time to spare now (`site-builder serve` after its first build)."""
    copied = 0
    for path in docs.rglob("*"):
        copy = staging / path.relative_to(docs)
        if path.is_file() and not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            copied += 1
    return copied


def files_as_left(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each file of `folder` with its inode, size and time: a file that still has all three
    after the build's writers ran was not written by this build."""
    found = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            st = os.lstat(path)
            found[os.path.relpath(path, folder)] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return found


def refuse_links_and_special_files(source: Path) -> None:
    """A symbolic link (or a pipe, a device) in docs/ would publish whatever it points to; a file
    of a kind the site does not publish, or a page it cannot read safely, stops the build too
    (docs_files.py)."""
    for path in sorted(source.rglob("*")):
        if path.is_symlink():
            raise BuildError(f"{path}: is a symbolic link; hand-written pages must be regular files in docs/, not links.")
        if not path.is_dir() and not path.is_file():
            raise BuildError(f"{path}: is not a regular file; hand-written pages must be regular files in docs/.")
        if path.is_file():
            check_docs_file(path, path.relative_to(source), str(path))


def _ignore_excluded(root: Path, other_editions: tuple[str, ...]):
    def ignore(directory: str, names: list[str]) -> set[str]:
        rel = Path(directory).relative_to(root)
        excluded = {n for n in names if rel == Path(".") and n in other_editions}
        return excluded | {n for n in names for pattern in EXCLUDED_DOCS if (rel / n).match(pattern)}

    return ignore


def write_pages(staging: Path, pages: dict[str, str], hand_written: list[str]) -> None:
    """Write generated pages into the staging folder; a clash with a hand-written page is an error."""
    clashes = sorted(set(pages) & set(hand_written))
    if clashes:
        raise BuildError(
            f"docs/{clashes[0]} has the path of a generated page; rename or remove it (generated pages are never kept in docs/)."
        )
    refuse_shared_addresses(list(pages) + [p for p in hand_written if p.endswith(".md")])
    for rel, text in sorted(pages.items()):
        path = inside(staging, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_fresh(path, text.encode("utf-8"))


def refuse_shared_addresses(md_paths: list[str]) -> None:
    """Two pages at one address (provinces/former.md and provinces/former/index.md are both
    provinces/former/) would silently replace one another: that fails the build instead."""
    seen: dict[str, str] = {}
    for md_path in md_paths:
        url = page_url(md_path)
        if url in seen:
            raise BuildError(
                f"Two pages would be published at /{url}: {seen[url]} and {md_path}. A province slug or an "
                "indicator id that names an existing page (index, former ...) must be changed in the data."
            )
        seen[url] = md_path


def write_commune_lookup(shards: dict[str, list], folder: Path) -> None:
    """The "Find your commune" lookup: one JSON file per shard, and keys.json naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    for key, rows in shards.items():
        write_fresh(inside(folder, f"{key}.json"), _compact_json(rows).encode("utf-8"))
    write_fresh(folder / "keys.json", _compact_json(sorted(shards)).encode("utf-8"))


def _compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sync_folder(fresh: Path, target: Path, left_before: dict[str, tuple[int, int, int]] | None = None) -> int:
    """Make `target` hold exactly the files of `fresh`, moving in only those whose bytes differ
    (a file left alone keeps its time, so MkDocs knows it needs no new page); the number moved
    in or removed. `left_before` (files_as_left before this build wrote into `fresh`): those
    of its files that are unchanged were not written again, and are removed from both."""
    if left_before:
        for rel, (inode, size, mtime) in files_as_left(fresh).items():
            if left_before.get(rel) == (inode, size, mtime):
                (fresh / rel).unlink()
    changed = 0
    wanted = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        new, old = fresh / rel, target / rel
        if old.is_file() and old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, old)
        changed += 1
    for root in (target, fresh):
        if root.is_dir():
            for path in sorted(root.rglob("*"), reverse=True):  # files before their folders
                if root == target and path.is_file() and path.relative_to(target) not in wanted:
                    path.unlink()
                    changed += 1
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    return changed
