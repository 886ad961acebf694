"""Publishing without a half-written site: the build writes into a temporary folder beside
`site/`, and a rename swaps it in. A failed build removes its temporary folder and never
touches `site/`."""

from __future__ import annotations

import os
import shutil
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
