"""The scripts that make the static charts interactive."""

from __future__ import annotations

import os
from pathlib import Path

from site_builder.incremental import write_fresh

LOADER = Path(__file__).resolve().parents[1] / "assets" / "charts.js"
SCRIPT_FOLDER = "assets/javascripts"


def write_chart_assets(docs_dir: Path, cache_dir: Path | None = None) -> list[str]:
    """Write the lazy loader charts.js and the Vega bundle; return the scripts to load on every page.

    Only charts.js (a few KB) is loaded on first paint. It fetches vega.bundle.js (about 900 KB,
    from vl_convert.javascript_bundle(), never committed) once a chart comes into view or is
    hovered or focused.
    """
    import vl_convert

    folder = Path(docs_dir) / SCRIPT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    write_fresh(folder / "vega.bundle.js", vega_bundle(vl_convert, cache_dir))
    write_fresh(folder / "charts.js", LOADER.read_bytes())
    return [f"{SCRIPT_FOLDER}/charts.js"]


def vega_bundle(vl_convert, cache_dir: Path | None) -> bytes:
    """The Vega bundle of this vl-convert version: generating it takes 1–2 s and gives the same
    bytes every time for one version, so it is kept in the cache folder once made."""
    if cache_dir is None:
        return vl_convert.javascript_bundle().encode("utf-8")
    return cache_bundle(cache_dir).read_bytes()


def cache_bundle(cache_dir: Path) -> Path:
    """The cached bundle file of this vl-convert version, made first if missing (also run by a
    chart worker while the build validates: see workers.py)."""
    import vl_convert

    cached = Path(cache_dir) / f"vega.bundle-{getattr(vl_convert, '__version__', 'unknown')}.js"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        temporary.write_text(vl_convert.javascript_bundle(), encoding="utf-8")
        os.replace(temporary, cached)
    return cached
