"""Read a data file only if it is a regular file inside the repository, and only up to a limit.

A contributed pull request can replace a CSV by a symbolic link (to /proc/self/environ, to a
secret elsewhere), by a FIFO that blocks a reader forever, or by a file of gigabytes. None of
them is followed or read: the problem says what the path is, never what it points to.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Limits of what the validator and the build read (stated in docs/contribute.md).
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_COLUMNS = 100
MAX_CELL_CHARACTERS = 10_000


class UnsafeFile(Exception):
    """A path that is not a regular file inside the repository, or too large; the message says which."""


def link_on_the_way(path: Path, root: Path) -> Path | None:
    """The first symbolic link among `path` and its folders below `root`, or None."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return path
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def read_regular_file(path: Path, root: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, a regular file inside `root` reached through no symbolic link.

    Raises FileNotFoundError if it does not exist and UnsafeFile for anything else.
    """
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    link = link_on_the_way(path, root)
    if link == path and not path.is_relative_to(root):
        raise UnsafeFile("is outside the repository; data files must be inside it")
    if link is not None:
        raise UnsafeFile(
            f"{'is' if link == path else 'lies in ' + link.name + ', which is'} a symbolic link; "
            "data files must be regular files in the repository, not links"
        )
    # O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: no link swapped in since.
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("is not a regular file (a folder, device or pipe); data files must be regular files")
        if info.st_size > limit:
            raise UnsafeFile(f"has {info.st_size:,} bytes; the limit is {limit:,}")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise UnsafeFile(f"has more than {limit:,} bytes; the limit is {limit:,}")
    return data
