"""Publishing without a half-written site: the build writes into a temporary folder beside
`site/`, and a rename swaps it in. A failed build removes its temporary folder and never
touches `site/`. The old site is kept in build/ as the spare the next incremental build
starts from (copying only what changed); an older one is deleted by a process of its own, so
publishing never waits for it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX = ".site-build-"  # ignored by git (.gitignore: .site-build*/)
# The published site's modes, whatever the builder's umask: the same tree on every machine, and
# readable by the web server.
FILE_MODE, FOLDER_MODE = 0o644, 0o755


@contextmanager
def temporary_output(site_dir: Path):
    """A fresh folder beside `site_dir` (same filesystem, so publishing is a rename); removed on failure."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=site_dir.parent))
    # mkdtemp makes the folder private (0700); the published site must be readable by a web server.
    os.chmod(temp, FOLDER_MODE)
    try:
        yield temp
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    finally:
        if temp.exists() and not any(temp.iterdir()):
            temp.rmdir()


def copy_previous_site(site_dir: Path, output: Path, spare: Path | None = None) -> int:
    """Make the (empty) temporary folder a copy of the published site, each file with its time,
    so MkDocs can rebuild only the pages whose Markdown is newer; the number of files copied.

    When `publish` kept the site before the published one in `spare`, that folder becomes the
    copy, and only the files that differ from the published site (by size or time) are copied
    into it: a preview rebuild copies a few files, not the whole site."""
    if spare is not None and spare.is_dir():
        try:
            output.rmdir()
            os.rename(spare, output)
        except OSError:  # another filesystem, or the folder is not ours: copy everything
            output.mkdir(exist_ok=True)
        else:
            return mirror(site_dir, output)
    shutil.copytree(site_dir, output, dirs_exist_ok=True)
    return sum(1 for p in output.rglob("*") if p.is_file())


def prepare_spare(site_dir: Path, spare: Path) -> bool:
    """Copy the published site to `spare` (with its files' times) when there is none, for a
    process that has time to spare now and wants its next rebuild quick (`site-builder serve`
    after its first build); whether a copy was made."""
    if spare.exists() or not site_dir.is_dir():
        return False
    partial = spare.with_name(spare.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(site_dir, partial)
    os.rename(partial, spare)
    return True


def mirror(source: Path, target: Path) -> int:
    """Make `target` hold exactly the files of `source`, copying (with their times) only those
    whose size or time differ; the number copied."""
    copied, wanted = 0, set()
    for folder, _, names in os.walk(source):
        rel_folder = Path(folder).relative_to(source)
        if not _is_folder(target / rel_folder):
            _remove(target / rel_folder)
            (target / rel_folder).mkdir()
        for name in names:
            rel = rel_folder / name
            wanted.add(rel)
            if not _same_file(source / rel, target / rel):
                _remove(target / rel)
                shutil.copy2(source / rel, target / rel)
                copied += 1
    for folder, _, names in os.walk(target, topdown=False):
        rel_folder = Path(folder).relative_to(target)
        if not (source / rel_folder).is_dir():
            shutil.rmtree(folder)
            continue
        for name in names:
            if rel_folder / name not in wanted:
                _remove(Path(folder) / name)
    return copied


def _same_file(new: Path, old: Path) -> bool:
    """`old` is a regular file of the same size and time as `new`."""
    try:
        a, b = new.stat(), old.lstat()
    except FileNotFoundError:
        return False
    return stat.S_ISREG(b.st_mode) and a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _is_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _remove(path: Path) -> None:
    if _is_folder(path):
        shutil.rmtree(path)
    elif path.is_symlink() or path.exists():
        path.unlink()


def publish(new_site: Path, site_dir: Path, spare: Path | None = None) -> None:
    """Replace `site_dir` by `new_site` with renames: readers see the old site or the new one.

    The old site is moved aside first; if moving the new one in fails, it is moved back. Then it
    becomes `spare` (for copy_previous_site) when one is asked for; whatever is left aside (an
    older spare, or the old site) is deleted by a process that goes on after this one returns.
    """
    readable_by_everyone(new_site)
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
        if had_site and spare is not None:
            keep_as_spare(aside, spare)
    finally:
        delete_in_background(aside)


def readable_by_everyone(site: Path) -> None:
    """Give every file FILE_MODE and every folder FOLDER_MODE (a file already so is not touched,
    so its ctime stays)."""
    for folder, folders, files in os.walk(site):
        for names, mode in ((folders, FOLDER_MODE), (files, FILE_MODE)):
            for name in names:
                path = os.path.join(folder, name)
                if stat.S_IMODE(os.lstat(path).st_mode) != mode and not os.path.islink(path):
                    os.chmod(path, mode)
    if stat.S_IMODE(os.stat(site).st_mode) != FOLDER_MODE:
        os.chmod(site, FOLDER_MODE)


def keep_as_spare(aside: Path, spare: Path) -> None:
    """Move the old site (aside/site) to `spare`, the older spare into `aside` to be deleted."""
    try:
        if spare.exists():
            os.rename(spare, aside / "older-spare")
        spare.parent.mkdir(parents=True, exist_ok=True)
        os.rename(aside / "site", spare)
    except OSError:  # another filesystem: no spare; the old site is deleted with `aside`
        pass


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
