"""Render chart requests to files: each distinct spec once, in parallel over processes.

Files are named by the spec's content hash, so identical charts (a continued province's former
and current page) share one set, and an unchanged chart can be reused from a cache folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

from site_builder.charts.model import ChartRequest, RenderedChart
from site_builder.charts.spec import chart_spec, spec_key

CHART_FOLDER = "assets/charts"
PNG_SCALE = 2
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Below this many distinct charts a process pool costs more than it saves.
PARALLEL_FROM = 8


class ChartRenderError(RuntimeError):
    """vl-convert could not render a chart; the message names the chart."""


def formula_safe(text: str) -> str:
    """A cell Excel would read as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def chart_csv(request: ChartRequest) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["category", "value", "series", "note"])
    for row in request.rows:
        value = int(row.value) if float(row.value).is_integer() else row.value
        writer.writerow([formula_safe(row.category), value, formula_safe(row.series), formula_safe(row.note)])
    return out.getvalue().encode("utf-8")


def _render(spec_json: str) -> tuple[str, bytes]:
    """SVG text and PNG bytes of one spec (runs in a worker process)."""
    import vl_convert

    spec = json.loads(spec_json)
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    png = vl_convert.vegalite_to_png(spec, scale=PNG_SCALE, allowed_base_urls=[])
    return svg, png


def _render_all(specs: dict[str, str], workers: int) -> dict[str, tuple[str, bytes]]:
    keys = sorted(specs)
    if workers <= 1 or len(keys) < PARALLEL_FROM:
        results = map(_render, (specs[k] for k in keys))
        return dict(zip(keys, results))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(zip(keys, pool.map(_render, (specs[k] for k in keys), chunksize=max(1, len(keys) // (workers * 4)))))


def inline_svg(svg: str, request: ChartRequest) -> str:
    """The SVG as it goes into the page: an image labelled by the figure's caption."""
    label = f'role="img" aria-labelledby="chart-{request.chart_id}-caption" focusable="false"'
    svg = re.sub(r"^<svg ", f"<svg {label} ", svg.strip(), count=1)
    return re.sub(r'class="marks" width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"',
                  r'class="marks" width="\1" height="\2" style="max-width:100%;height:auto"', svg, count=1)


def render_charts(requests: Sequence[ChartRequest], docs_dir: Path, workers: int | None = None,
                  cache_dir: Path | None = None) -> dict[str, RenderedChart]:
    """Write each distinct chart's SVG, PNG, spec and CSV under docs_dir/assets/charts/; keyed by chart_id.

    `cache_dir` (optional) keeps rendered SVG/PNG by spec hash across builds. Deterministic bytes.
    """
    ids = [r.chart_id for r in requests]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ChartRenderError(f"Chart ids must be unique; repeated: {', '.join(duplicates)}.")
    folder = Path(docs_dir) / CHART_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    keyed = {}
    specs: dict[str, str] = {}
    for request in requests:
        spec = chart_spec(request)
        key = spec_key(spec)
        keyed[request.chart_id] = (request, key)
        specs[key] = json.dumps(spec, sort_keys=True, ensure_ascii=False, indent=None, separators=(",", ":"))
    to_render = {k: s for k, s in specs.items() if not _cached(cache_dir, k)}
    try:
        fresh = _render_all(to_render, workers or os.cpu_count() or 1)
    except Exception as error:  # vl-convert raises plain ValueError/RuntimeError with a JS message
        raise ChartRenderError(f"A chart could not be rendered: {error}") from None
    rendered_files = {}
    for key, spec_json in specs.items():
        svg, png = fresh[key] if key in fresh else _read_cache(cache_dir, key)
        if cache_dir is not None and key in fresh:
            _write_cache(cache_dir, key, svg, png)
        (folder / f"{key}.vl.json").write_text(spec_json + "\n", encoding="utf-8")
        (folder / f"{key}.svg").write_text(svg, encoding="utf-8")
        (folder / f"{key}.png").write_bytes(png)
        rendered_files[key] = svg
    result = {}
    for chart_id, (request, key) in keyed.items():
        (folder / f"{key}.csv").write_bytes(chart_csv(request))
        result[chart_id] = RenderedChart(
            request=request,
            svg=inline_svg(rendered_files[key], request),
            spec_path=f"{CHART_FOLDER}/{key}.vl.json",
            svg_path=f"{CHART_FOLDER}/{key}.svg",
            png_path=f"{CHART_FOLDER}/{key}.png",
            csv_path=f"{CHART_FOLDER}/{key}.csv",
        )
    return result


def _cached(cache_dir: Path | None, key: str) -> bool:
    return cache_dir is not None and (cache_dir / f"{key}.svg").is_file() and (cache_dir / f"{key}.png").is_file()


def _read_cache(cache_dir: Path, key: str) -> tuple[str, bytes]:
    return (cache_dir / f"{key}.svg").read_text(encoding="utf-8"), (cache_dir / f"{key}.png").read_bytes()


def _write_cache(cache_dir: Path, key: str, svg: str, png: bytes) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    for name, write in ((f"{key}.svg", lambda p: p.write_text(svg, encoding="utf-8")), (f"{key}.png", lambda p: p.write_bytes(png))):
        temporary = cache_dir / (name + ".tmp")
        write(temporary)
        shutil.move(temporary, cache_dir / name)
