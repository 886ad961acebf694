"""Pages rendered by an earlier build, kept by what they were rendered from.

A province page is rendered from its own data alone (its view, charts, downloads, the page
context), never from the whole site, so its text is a function of those, of the edition and
of the builder's code and templates: the key is the hash of all of them. A rebuild then renders
only the province pages whose data changed (their commune tables are most of the rendering time).
The cache is the memo store's namespace "pages" (build/memo/pages/, memo.py), one entry per
page; entries no build used are removed.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from pathlib import Path

from site_builder import memo
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


PAGES = "pages"  # the namespace in the memo store
# What turns a page's data into its Markdown besides the builder's own files.
RENDERING_PACKAGES = ("jinja2", "markupsafe", "babel")


class PageCache:
    """The pages namespace of the memo store of the work folder `folder`, keyed by `salt`
    (the hash of the builder's code, templates and translations), the versions of the packages
    that render the text, and the page's own data."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.entries = memo.MemoStore(folder).namespace(PAGES)
        self.salt = (salt + memo.versions(*RENDERING_PACKAGES)).encode()
        self.hits = 0

    def key(self, *parts: object) -> str | None:
        """The hash of what a page is rendered from; None when that cannot be pickled."""
        out = io.BytesIO()
        try:
            _KeyPickler(out, protocol=5).dump(parts)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return memo.key(self.salt, out.getvalue())

    def get(self, key: str) -> str | None:
        data = self.entries.get(key)
        try:
            text = data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            return None
        self.hits += text is not None
        return text

    def put(self, key: str, text: str) -> None:
        self.entries.put(key, text.encode("utf-8"))

    def forget_unused(self, keep: set[str] = frozenset()) -> None:
        """Remove the entries neither this cache nor `keep` (another edition's) used."""
        self.entries.forget_unused(keep)
