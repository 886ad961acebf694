"""Writing a file so that a reader sees the old bytes or the new ones, never a part.

The bytes go to a temporary file of a name no other writer uses, in the target's own folder
(a rename does not cross file systems), and are renamed over the target: an interrupted build
leaves at worst a stray temporary file, which the next write does not trip over. Every store
the build keeps across runs (build/last-build.json, the memo store, the registry import's
files) writes through here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` (its folder made if missing) in one rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it 600: the file is the project's, like any other
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_or_none(path: Path) -> bytes | None:
    """The bytes of `path`; None when it does not exist or cannot be read (a store's missing entry)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return None
