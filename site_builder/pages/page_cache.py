"""Pages rendered by an earlier build, kept by what they were rendered from.

A province page is rendered from its own data alone (its view, charts, downloads, the page
context), never from the whole site, so its text is a function of those, of the edition and
of the builder's code and templates: the key is the hash of all of them. A rebuild then renders
only the province pages whose data changed (their commune tables are most of the rendering time).
The cache is build/page-cache/, one file per page; entries no build used are removed.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

from site_builder.atomic_files import write_atomically
from site_builder.incremental import per_object
from site_builder.views.units import ProvinceUnits


class _KeyPickler(pickle.Pickler):
    """Pickles a province's units (most of a page's data) as the hash of their own pickle, worked
    out once per object: while the units do not change, `site-builder serve` rebuilds get the
    very same objects (views.units_by_province)."""

    def persistent_id(self, obj: object) -> str | None:
        return units_digest(obj) if isinstance(obj, ProvinceUnits) else None


@per_object
def units_digest(units: ProvinceUnits) -> str:
    return hashlib.sha256(pickle.dumps(units, protocol=5)).hexdigest()


class PageCache:
    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt.encode()
        self.used: set[str] = set()
        self.hits = 0

    def key(self, *parts: object) -> str | None:
        """The hash of what a page is rendered from; None when that cannot be pickled."""
        out = io.BytesIO()
        try:
            _KeyPickler(out, protocol=5).dump(parts)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return hashlib.sha256(self.salt + out.getvalue()).hexdigest()

    def get(self, key: str) -> str | None:
        path = self.folder / f"{key}.md"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        self.used.add(key)
        self.hits += 1
        return text

    def put(self, key: str, text: str) -> None:
        write_atomically(self.folder / f"{key}.md", text.encode("utf-8"))
        self.used.add(key)

    def forget_unused(self, keep: set[str] = frozenset()) -> None:
        """Remove the entries neither this cache nor `keep` (another edition's) used."""
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.stem not in self.used and path.stem not in keep:
                    path.unlink()
