"""The scripts that make the static charts interactive."""

from __future__ import annotations

from pathlib import Path

LOADER = Path(__file__).resolve().parents[1] / "assets" / "charts.js"
SCRIPT_FOLDER = "assets/javascripts"


def write_chart_assets(docs_dir: Path) -> list[str]:
    """Write the lazy loader charts.js and the Vega bundle; return the scripts to load on every page.

    Only charts.js (a few KB) is loaded on first paint. It fetches vega.bundle.js (about 900 KB,
    from vl_convert.javascript_bundle(), never committed) once a chart comes into view or is
    hovered or focused.
    """
    import vl_convert

    folder = Path(docs_dir) / SCRIPT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vega.bundle.js").write_text(vl_convert.javascript_bundle(), encoding="utf-8")
    (folder / "charts.js").write_bytes(LOADER.read_bytes())
    return [f"{SCRIPT_FOLDER}/charts.js"]
