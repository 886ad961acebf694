"""Every file the build writes lies inside the folder it writes into.

Page paths, download names and lookup shards are made from the data (a slug, a province id, a
resource name). The validator holds them to their patterns; this is the check at the point of
writing, whatever reached it: the path is resolved (`..`, an absolute path, a symbolic link on
the way) and must still be inside its folder, or the build stops.
"""

from __future__ import annotations

from pathlib import Path

from site_builder.errors import BuildError


def inside(folder: Path, relative: str) -> Path:
    """`folder / relative`, refused with a BuildError unless it resolves to a path inside `folder`."""
    base = Path(folder).resolve()
    target = (base / relative).resolve()
    if target == base or not target.is_relative_to(base):
        raise BuildError(
            f"The build would write {relative!r} outside its folder {folder}; the name comes from the data "
            "(a slug, an id or a resource name): run `site-builder validate` and fix it."
        )
    return target
