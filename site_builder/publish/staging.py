"""Folders of a build: the staging `build/docs/`, a temporary output beside `site/`, and the
swap that publishes it. A failed build removes its temporary folder and never touches `site/`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from site_builder.errors import BuildError

TEMP_PREFIX = ".site-build-"  # ignored by git (.gitignore: .site-build*/)

# Hand-written files kept out of the site: the README's screenshot lives in docs/assets/ for
# GitHub, but nobody reads it on the site itself.
EXCLUDED_DOCS = ("assets/screenshot-*",)


def prepare_docs(source: Path, staging: Path) -> list[str]:
    """Empty `staging` and copy the hand-written pages into it; return their relative paths."""
    if staging.exists():
        shutil.rmtree(staging)
    staging.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, staging, ignore=_ignore_excluded(source))
    else:
        staging.mkdir(parents=True)
    return sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())


def _ignore_excluded(root: Path):
    def ignore(directory: str, names: list[str]) -> set[str]:
        rel = Path(directory).relative_to(root)
        return {n for n in names for pattern in EXCLUDED_DOCS if (rel / n).match(pattern)}

    return ignore


def write_pages(staging: Path, pages: dict[str, str], hand_written: list[str]) -> None:
    """Write generated pages into the staging folder; a clash with a hand-written page is an error."""
    clashes = sorted(set(pages) & set(hand_written))
    if clashes:
        raise BuildError(f"docs/{clashes[0]} has the path of a generated page; rename or remove it (generated pages are never kept in docs/).")
    for rel, text in sorted(pages.items()):
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


@contextmanager
def temporary_output(site_dir: Path):
    """A fresh folder beside `site_dir` (same filesystem, so publishing is a rename); removed on failure."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=site_dir.parent))
    # mkdtemp makes the folder private (0700); the published site must be readable by a web server.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o777 & ~umask)
    try:
        yield temp
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    finally:
        if temp.exists() and not any(temp.iterdir()):
            temp.rmdir()


def publish(new_site: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new_site` with renames: readers see the old site or the new one.

    The old site is moved aside first and deleted only after the new one is in place; if
    moving the new one fails, the old one is moved back.
    """
    aside = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "old-", dir=site_dir.parent))
    try:
        had_site = site_dir.exists()
        if had_site:
            os.rename(site_dir, aside / "site")
        try:
            os.rename(new_site, site_dir)
        except OSError:
            if had_site:
                os.rename(aside / "site", site_dir)
            raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)
