"""The build's memo store: values kept across builds under the hash of everything they were made from.

On disk, in the build's work folder (build/ unless --work-dir says otherwise):

    build/memo/<namespace>/<key>    one value, its bytes as they were put; <key>: 64 hex digits

A key is the SHA-256 of the producing step's declared inputs (`key`): the data it reads, and
the code that makes the value: the digest of its source files, templates and fonts
(`source_digest`) and the versions of the packages it runs (`versions`), both worked out once
per process. A value is never updated in place: other inputs make another key. So no version
number is ever bumped by hand, and an entry is either absent or exactly what those inputs gave.
Every entry is written whole (atomic_files.py): an interrupted build leaves no part of one.

Each namespace remembers the keys a build used (read or written); `forget_unused` then removes
the others, so the store holds what the last build needed and does not grow with every edit.

| namespace | one entry | kept by |
|---|---|---|
| drawings | a chart's SVG, by its spec and the drawing code | charts/cache.py |
| chart-specs | every request's spec of the last build (one table) | charts/spec_cache.py |
| chart-templates | the chart kinds' compiled templates (one table) | charts/spec_cache.py |
| vega-bundle | vl-convert's Vega bundle | charts/assets.py |
| pages | a page's Markdown, by its own data, the builder's code and tools | pages/page_cache.py |
| html-scan | every built page's scan by the page's bytes (one table) | publish/html_scan.py |

The tables are one entry each, not one per item: a file per chart request was 9,814 files to
write at 10,000 figure rows; the scans of the real site's 336 pages (4 MB) read in the same
0.08 s from one file as from one per page, and `site-builder serve` keeps the one table in
memory while its file is unchanged. build/last-build.json, the record of the last build, is not a memo: it
says what was published, and lives beside the store (incremental.py).
"""

from __future__ import annotations

import functools
import hashlib
import platform
from importlib import metadata
from pathlib import Path

from site_builder.atomic_files import read_or_none, write_atomically

MEMO_FOLDER = "memo"


def key(*inputs: bytes | str) -> str:
    """The SHA-256 of `inputs`, each length-prefixed, so no two lists of inputs run together."""
    digest = hashlib.sha256()
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else bytes(part)
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def source_digest(*roots: Path) -> str:
    """A hash of every file under `roots` (a file root counts as itself), by name within its root
    and bytes, compiled caches left out: the code, templates or fonts a value is made with.
    Read each time: a caller whose process uses the files once (an imported module, the fonts
    vl-convert loads) keeps the digest for the process itself."""
    digest = hashlib.sha256()
    for root in roots:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        digest.update(f"root {root.name}\0".encode())
        for path in files:
            digest.update(f"{path.relative_to(root).as_posix() if path != root else path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def versions(*packages: str) -> str:
    """The installed version of each package ("name==1.2"; "name missing"), after the
    interpreter's own, once per process."""
    found = [f"python=={platform.python_version()}"]
    for name in packages:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return ",".join(found)


class Namespace:
    """One namespace of the store: entries by key, and the keys this build used."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.used: set[str] = set()

    def path(self, entry: str) -> Path:
        return self.folder / entry

    def get(self, entry: str) -> bytes | None:
        """The value kept under `entry`; None when there is none."""
        data = read_or_none(self.path(entry))
        if data is not None:
            self.used.add(entry)
        return data

    def has(self, entry: str) -> bool:
        """True when a value is kept under `entry` (which then counts as used)."""
        if self.path(entry).is_file():
            self.used.add(entry)
            return True
        return False

    def put(self, entry: str, data: bytes) -> None:
        write_atomically(self.path(entry), data)
        self.used.add(entry)

    def is_empty(self) -> bool:
        return not self.folder.is_dir() or not any(self.folder.iterdir())

    def forget_unused(self, keep: set[str] = frozenset()) -> None:
        """Remove every entry neither this build nor `keep` used (and any temporary file an
        interrupted write left)."""
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in self.used and path.name not in keep and path.is_file():
                    path.unlink()


class MemoStore:
    """The memo store of one work folder: its namespaces, each made once per store."""

    def __init__(self, work_dir: Path) -> None:
        self.root = Path(work_dir) / MEMO_FOLDER
        self._namespaces: dict[str, Namespace] = {}

    def namespace(self, name: str) -> Namespace:
        if name not in self._namespaces:
            self._namespaces[name] = Namespace(self.root / name)
        return self._namespaces[name]
