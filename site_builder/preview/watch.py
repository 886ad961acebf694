"""What the preview watches: every file the site is made from (the data, the hand-written pages,
mkdocs.yml, and the builder's templates, theme, translations and code). A change is seen by
polling sizes and times, then confirmed by content, so saving a file unchanged rebuilds nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

from site_builder.incremental import PACKAGE_DIR


def watched_files(roots: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files += sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


class Watcher:
    """Tells whether any watched file changed since the last call of `changed`."""

    def __init__(self, data_dir: Path, docs_dir: Path, config_file: Path) -> None:
        self.roots = (data_dir, docs_dir, config_file, PACKAGE_DIR)
        self._stamps = self._stat()
        self._content = self._digest()

    def _stat(self) -> dict[Path, tuple[int, int]]:
        stamps = {}
        for path in watched_files(self.roots):
            try:
                info = path.stat()
            except OSError:  # removed between listing and reading: the next poll sees it gone
                continue
            stamps[path] = (info.st_size, info.st_mtime_ns)
        return stamps

    def _digest(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self._stamps):
            try:
                digest.update(str(path).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                continue
        return digest.hexdigest()

    def changed(self) -> bool:
        stamps = self._stat()
        if stamps == self._stamps:
            return False
        self._stamps = stamps
        content = self._digest()
        if content == self._content:
            return False
        self._content = content
        return True
