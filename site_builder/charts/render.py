"""Render chart requests to files: each distinct spec once, in parallel over processes.

Files are named by the spec's content hash, so identical charts share one set, and an
unchanged chart can be reused from a cache folder across builds.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Collection, Sequence

from site_builder import memo
from site_builder.charts.cache import chart_store, drawings, is_cached, read_drawing, write_drawing
from site_builder.charts.model import TILE_KINDS, ChartRequest, RenderedChart
from site_builder.charts.spec_cache import request_specs
from site_builder.charts.typeface import use_project_fonts
from site_builder.charts.workers import ChartWorkers
from site_builder.downloads.csv_files import formula_safe
from site_builder.errors import BuildError
from site_builder.incremental import write_fresh

CHART_FOLDER = "assets/charts"
# Below this many charts to draw, starting worker processes costs more than it saves (workers
# already started are used for any number).
PARALLEL_FROM = 8


class ChartRenderError(BuildError):
    """vl-convert could not render a chart; the message names the chart."""


def chart_csv(request: ChartRequest) -> bytes:
    """The chart's data as UTF-8 CSV: category, value, series, note (text cells formula-safe);
    a tile map's also the square's grid row and column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    tiles = request.kind in TILE_KINDS
    writer.writerow(["category", "value", "series", "note"] + (["grid_row", "grid_column"] if tiles else []))
    for row in request.rows:
        value = float(row.value)
        writer.writerow(
            [
                formula_safe(row.category),
                int(value) if value.is_integer() else value,
                formula_safe(row.series),
                formula_safe(row.note),
            ]
            + ([row.grid_row, row.grid_column] if tiles else [])
        )
    return out.getvalue().encode("utf-8")


def spec_file_text(spec_json: str) -> str:
    """The spec as written to <hash>.vl.json. `<`, `>` and `&` are written as JSON escapes, so the
    file stays inert even if someone pastes it into a <script> element."""
    return spec_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


GRADIENT_ID = re.compile(r"\bgradient_(\d+)\b")


def renumber_gradients(svg: str) -> str:
    """Gradient ids (a colour legend's) numbered from 0 in each SVG. Vega numbers them with a
    counter that lives as long as the process, so the same chart would otherwise get other ids
    depending on what the worker drew before, and the build would not repeat byte for byte."""
    numbers: dict[str, str] = {}
    return GRADIENT_ID.sub(lambda m: f"gradient_{numbers.setdefault(m.group(1), str(len(numbers)))}", svg)


class DrawFailed(str):
    """vl-convert's message for a spec it could not draw (a str, so it crosses processes)."""


def render_spec(spec_json: str) -> str:
    """The SVG of one spec, or DrawFailed with the error text (runs in a worker process)."""
    use_project_fonts()
    import vl_convert

    try:
        # No base URL is allowed: the data is inline, so nothing may be fetched from anywhere.
        return renumber_gradients(vl_convert.vegalite_to_svg(json.loads(spec_json), allowed_base_urls=[]))
    except Exception as error:  # vl-convert raises plain ValueError with a JavaScript message
        return DrawFailed(str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__)


def _start_drawing(specs: dict[str, str], workers: ChartWorkers) -> Callable[[], dict[str, str]]:
    """Start drawing `specs` over the workers (the tasks are queued now); the returned call waits
    for the SVGs. Few charts and a single worker are drawn in this process, when waited for."""
    keys = sorted(specs)

    def here() -> dict[str, str]:
        return {key: render_spec(specs[key]) for key in keys}

    if workers.count <= 1 or not keys or (len(keys) < PARALLEL_FROM and not workers.started):
        return here
    try:
        chunk = max(1, len(keys) // (workers.count * 4))
        results = workers.map(render_spec, [specs[k] for k in keys], chunksize=chunk)
    except BrokenProcessPool:
        return here

    def collect() -> dict[str, str]:
        try:
            return dict(zip(keys, results, strict=True))
        except BrokenProcessPool:
            # A worker could not start (e.g. the main program was read from stdin, which a
            # spawned process cannot import again) or died: draw everything here; same bytes.
            return here()

    return collect


ID_ATTRIBUTE = re.compile(r'\bid="([^"]+)"')
ID_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
# The roles Vega gives its groups and mark containers ("rect mark container"): with the chart's English
# descriptions turned off (kinds.config: aria false) they would be images without a name.
MARK_ROLES = re.compile(r' (?:role="graphics-[a-z]+"|aria-roledescription="[^"]*")')


def inline_svg(svg: str, chart_id: str) -> str:
    """The SVG as it goes into the page: one image labelled by the figure's caption (its parts
    carry no roles), scaling to the column, its ids (clip paths, gradients) prefixed so two charts
    on a page never share one."""
    svg = MARK_ROLES.sub("", svg.strip())
    svg = ID_ATTRIBUTE.sub(lambda m: f'id="chart-{chart_id}-{m.group(1)}"', svg)
    svg = ID_REFERENCE.sub(lambda m: f"{m.group(1)}chart-{chart_id}-{m.group(2)}", svg)
    label = f'role="img" aria-labelledby="chart-{chart_id}-caption" focusable="false" style="max-width:100%;height:auto"'
    return re.sub(r"^<svg ", f"<svg {label} ", svg, count=1)


def render_charts(
    requests: Sequence[ChartRequest],
    docs_dir: Path,
    workers: int | ChartWorkers | None = None,
    cache_dir: Path | None = None,
    deferred: Collection[str] = (),
) -> dict[str, RenderedChart]:
    """Write each distinct chart's spec and CSV under docs_dir/assets/charts/, and the SVG of
    those drawn at build time; keyed by chart_id (start_charts, then waiting for the drawings)."""
    with ChartWorkers(workers) if not isinstance(workers, ChartWorkers) else nullcontext(workers) as drawers:
        return start_charts(requests, docs_dir, drawers, cache_dir, deferred).finish()


def start_charts(
    requests: Sequence[ChartRequest],
    docs_dir: Path,
    workers: ChartWorkers,
    cache_dir: Path | None = None,
    deferred: Collection[str] = (),
) -> "ChartDrawing":
    """Write each distinct chart's spec and CSV under docs_dir/assets/charts/ and start drawing
    the charts shown at build time; their SVGs follow in ChartDrawing.finish, so the build renders
    its pages meanwhile.

    `deferred`: ids of charts a page shows past its first few. They are not drawn here: the
    reader's browser draws them from the spec when they are opened, and offers their PNG and SVG
    then. Every other chart is drawn once per distinct spec (file names = its content hash), over
    the `workers`. No PNG is made here: the browser makes a chart's PNG from the view it draws (a
    PNG took as long as a third of the chart's build time). `cache_dir` (optional) keeps drawn
    SVGs and specs by hash across builds. The same requests always give the same bytes.
    """
    duplicates = sorted(chart_id for chart_id, count in Counter(r.chart_id for r in requests).items() if count > 1)
    if duplicates:
        raise ChartRenderError(
            f"Chart ids must be unique; repeated: {', '.join(duplicates)}. Give each chart its own id in the chart plan."
        )
    keyed: dict[str, tuple[ChartRequest, str]] = {}
    specs: dict[str, str] = {}
    csvs: dict[str, bytes] = {}  # same spec -> same rows -> same CSV: one per distinct chart
    store = chart_store(cache_dir)
    cache = drawings(store)
    for request, (key, specs_json) in zip(requests, request_specs(requests, store, workers.templates), strict=True):
        keyed[request.chart_id] = (request, key)
        specs[key] = specs_json
        csvs[key] = chart_csv(request)
    folder = Path(docs_dir) / CHART_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for key in sorted(specs):
        write_fresh(folder / f"{key}.vl.json", spec_file_text(specs[key]).encode("utf-8"))
        write_fresh(folder / f"{key}.csv", csvs[key])
    wanted = {key for chart_id, (_, key) in keyed.items() if chart_id not in deferred}
    cached = {key: read_drawing(cache, key) for key in wanted if is_cached(cache, key)}
    pending = _start_drawing({key: specs[key] for key in wanted - cached.keys()}, workers)
    return ChartDrawing(keyed, frozenset(deferred), cached, pending, cache, folder)


def placeholder(chart_id: str) -> str:
    """What stands for a chart's inline SVG in a page rendered before the chart is drawn: an HTML
    comment, which no contributed text can write (it is escaped)."""
    return f"<!--chart-svg:{chart_id}-->"


PLACEHOLDER = re.compile(r"<!--chart-svg:([A-Za-z0-9_.-]+)-->")  # chart ids are file-safe


class ChartDrawing:
    """Charts whose files are written and whose drawing has started. `rendered` holds what a page
    needs of each, a placeholder standing for an inline SVG; `finish` waits for the drawings,
    and `inline` puts them into a page's text."""

    def __init__(
        self, keyed: dict, deferred: frozenset, cached: dict, pending: Callable, cache: memo.Namespace | None, folder: Path
    ):
        self._keyed, self._cached, self._pending, self._cache, self._folder = keyed, cached, pending, cache, folder
        self.rendered = {
            chart_id: _rendered(request, key, None if chart_id in deferred else placeholder(chart_id))
            for chart_id, (request, key) in keyed.items()
        }
        self._svgs: dict[str, str] | None = None  # chart id -> inline SVG, once finished

    def finish(self) -> dict[str, RenderedChart]:
        """Wait for the drawings, write their SVG files (and the cache); the charts as pages
        show them. ChartRenderError names the charts vl-convert could not draw."""
        if self._svgs is None:
            fresh = self._pending()
            failed = sorted((key, result) for key, result in fresh.items() if isinstance(result, DrawFailed))
            if failed:
                key, message = failed[0]
                names = ", ".join(chart_id for chart_id, (_, k) in self._keyed.items() if k == key)
                raise ChartRenderError(
                    f"Chart {names} could not be rendered by vl-convert: {message}. "
                    f"Check the chart's request in site_builder/pages/chart_plan.py."
                )
            for key, svg in sorted(fresh.items()):
                write_drawing(self._cache, key, svg)
            if self._cache is not None:
                self._cache.forget_unused()  # the drawings of charts no longer shown, or of other code
            drawn = self._cached | fresh
            for key in sorted(drawn):
                write_fresh(self._folder / f"{key}.svg", drawn[key].encode("utf-8"))
            self._svgs = {
                chart_id: inline_svg(drawn[key], chart_id) for chart_id, (_, key) in self._keyed.items() if key in drawn
            }
        return {
            chart_id: dataclasses.replace(chart, svg=self._svgs[chart_id]) if chart_id in self._svgs else chart
            for chart_id, chart in self.rendered.items()
        }

    def inline(self, text: str) -> str:
        """A page's text with its charts' placeholders replaced by their SVGs (after finish)."""
        if self._svgs is None:
            raise RuntimeError("ChartDrawing.inline before finish")
        return PLACEHOLDER.sub(lambda m: self._svgs[m.group(1)], text) if "<!--chart-svg:" in text else text


def _rendered(request: ChartRequest, key: str, inline: str | None) -> RenderedChart:
    """What a page needs of one chart; `inline` is what the page shows for its SVG (a placeholder
    until it is drawn), None for a chart drawn in the browser."""
    spec_path, csv_path = f"{CHART_FOLDER}/{key}.vl.json", f"{CHART_FOLDER}/{key}.csv"
    if inline is None:
        return RenderedChart(request, "", spec_path, "", csv_path, deferred=True)
    return RenderedChart(request, inline, spec_path, f"{CHART_FOLDER}/{key}.svg", csv_path)


def chart_counts(rendered: dict[str, RenderedChart]) -> tuple[int, int]:
    """How many distinct charts were drawn at build time, and how many are left to the browser."""
    drawn = {c.svg_path for c in rendered.values() if not c.deferred}
    return len(drawn), sum(1 for c in rendered.values() if c.deferred)
