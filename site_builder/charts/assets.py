"""What pages need for their charts: the scripts that make the static charts interactive, and
the charts' font with the stylesheet that serves it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from site_builder import memo
from site_builder.charts import typeface
from site_builder.incremental import write_fresh

LOADER = Path(__file__).resolve().parents[1] / "assets" / "charts.js"
# The framing of a downloaded chart (title, source line, licence), imported by charts.js.
DOWNLOADS = LOADER.with_name("chart-download.js")
SCRIPT_FOLDER = "assets/javascripts"
VEGA_BUNDLE = "vega-bundle"  # its namespace in the memo store


@dataclass(frozen=True)
class PageAssets:
    """The files every page links to, as paths from the site root."""

    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]


def write_chart_assets(docs_dir: Path, cache_dir: Path | None = None) -> PageAssets:
    """Write the lazy loader charts.js, the Vega bundle, the charts' font files (with their
    licence) and their stylesheet; return what every page links to.

    Only charts.js (a few KB) is loaded on first paint. It fetches vega.bundle.js (about 900 KB,
    from vl_convert.javascript_bundle(), never committed) once a chart comes into view or is
    hovered or focused.
    """
    import vl_convert

    folder = Path(docs_dir) / SCRIPT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    write_fresh(folder / "vega.bundle.js", vega_bundle(vl_convert, cache_dir))
    write_fresh(folder / "charts.js", LOADER.read_bytes())
    write_fresh(folder / DOWNLOADS.name, DOWNLOADS.read_bytes())
    return PageAssets(scripts=(f"{SCRIPT_FOLDER}/charts.js",), stylesheets=(write_chart_fonts(Path(docs_dir)),))


def write_chart_fonts(docs_dir: Path) -> str:
    """The charts' WOFF2 files and licence under assets/fonts/, and the stylesheet declaring them;
    the stylesheet's path from the site root."""
    fonts = docs_dir / typeface.SERVED_FOLDER
    fonts.mkdir(parents=True, exist_ok=True)
    for path in [*typeface.font_files("woff2"), typeface.FONT_FOLDER / "OFL.txt"]:
        write_fresh(fonts / path.name, path.read_bytes())
    stylesheet = docs_dir / typeface.STYLESHEET
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    to_fonts = os.path.relpath(fonts, stylesheet.parent).replace(os.sep, "/")
    write_fresh(stylesheet, typeface.chart_font_css(to_fonts).encode("utf-8"))
    return typeface.STYLESHEET


def vega_bundle(vl_convert, cache_dir: Path | None) -> bytes:
    """The Vega bundle of this vl-convert version: generating it takes 1–2 s and gives the same
    bytes every time for one version, so it is kept in the memo store once made."""
    if cache_dir is None:
        return vl_convert.javascript_bundle().encode("utf-8")
    cache_bundle(cache_dir)
    bundles = _bundles(cache_dir)
    kept = bundles.get(_bundle_entry())
    bundles.forget_unused()  # other versions' bundles
    return kept if kept is not None else vl_convert.javascript_bundle().encode("utf-8")


def cache_bundle(cache_dir: Path) -> None:
    """Keep the bundle of this vl-convert version in the memo store, unless it is there (also run
    by a chart worker while the build validates: see workers.py)."""
    bundles = _bundles(cache_dir)
    if not bundles.has(_bundle_entry()):
        import vl_convert

        bundles.put(_bundle_entry(), vl_convert.javascript_bundle().encode("utf-8"))


def _bundles(cache_dir: Path) -> memo.Namespace:
    return memo.MemoStore(Path(cache_dir)).namespace(VEGA_BUNDLE)


def _bundle_entry() -> str:
    return memo.key(memo.versions("vl-convert-python"))
