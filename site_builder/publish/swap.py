"""Publishing without a half-written site: the build writes into a temporary folder beside
`site/`, and a rename swaps it in. A failed build removes its temporary folder and never
touches `site/`. The old site is deleted by a process of its own: publishing never waits
for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX = ".site-build-"  # ignored by git (.gitignore: .site-build*/)


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


def copy_previous_site(site_dir: Path, output: Path, leave_out: tuple[str, ...] = ()) -> int:
    """Copy the published site into the (empty) temporary folder, keeping each file's time, so
    MkDocs can rebuild only the pages whose Markdown is newer; the number of files copied."""
    shutil.copytree(site_dir, output, dirs_exist_ok=True, ignore=lambda d, names: leave_out if Path(d) == site_dir else ())
    return sum(1 for p in output.rglob("*") if p.is_file())


def publish(new_site: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `new_site` with renames: readers see the old site or the new one.

    The old site is moved aside first and deleted, after the new one is in place, by a process
    that goes on after this one returns; if moving the new one fails, the old one is moved back.
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
        delete_in_background(aside)


def delete_in_background(folder: Path) -> None:
    """Remove `folder` in a detached process; an empty one at once."""
    try:
        folder.rmdir()
        return
    except OSError:
        pass
    subprocess.Popen(
        [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
