"""The staging folder `build/staging/docs/`: the hand-written pages copied from docs/, then the
generated pages written beside them (a generated page never replaces a hand-written one).
`sync_folder` then moves what changed into `build/docs/`, the folder MkDocs reads."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from site_builder.errors import BuildError
from site_builder.pages.paths import page_url

# Hand-written files kept out of the site: the README's screenshot lives in docs/assets/ for
# GitHub, but nobody reads it on the site itself.
EXCLUDED_DOCS = ("assets/screenshot-*",)


def prepare_docs(source: Path, staging: Path, other_editions: tuple[str, ...] = ()) -> list[str]:
    """Empty `staging` and copy the hand-written pages into it, leaving out the folders of the
    other editions (docs/vi/ holds the Vietnamese pages); return their relative paths."""
    if staging.exists():
        shutil.rmtree(staging)
    staging.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        refuse_links_and_special_files(source)
        shutil.copytree(source, staging, ignore=_ignore_excluded(source, other_editions))
    else:
        staging.mkdir(parents=True)
    return sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())


def refuse_links_and_special_files(source: Path) -> None:
    """A symbolic link (or a pipe, a device) in docs/ would publish whatever it points to."""
    for path in sorted(source.rglob("*")):
        if path.is_symlink():
            raise BuildError(f"{path}: is a symbolic link; hand-written pages must be regular files in docs/, not links.")
        if not path.is_dir() and not path.is_file():
            raise BuildError(f"{path}: is not a regular file; hand-written pages must be regular files in docs/.")


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
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


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
        (folder / f"{key}.json").write_text(_compact_json(rows), encoding="utf-8")
    (folder / "keys.json").write_text(_compact_json(sorted(shards)), encoding="utf-8")


def _compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sync_folder(fresh: Path, target: Path) -> int:
    """Make `target` hold exactly the files of `fresh`, moving in only those whose bytes differ
    (a file left alone keeps its time, so MkDocs knows it needs no new page); the number moved
    in or removed."""
    changed = 0
    wanted = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        new, old = fresh / rel, target / rel
        if old.is_file() and old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, old)
        changed += 1
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):  # files before their folders
            rel = path.relative_to(target)
            if path.is_file() and rel not in wanted:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
