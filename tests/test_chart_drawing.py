"""Charts are drawn while the pages render: pages carry a placeholder for each inline SVG until the
drawings are in, then the same SVG a synchronous render gives. Contributed text cannot forge a
placeholder (it is escaped before it reaches a page)."""

from __future__ import annotations

import csv
import re

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.charts import ChartRequest, ChartRow, ChartWorkers, render_charts, start_charts
from site_builder.charts import render as render_module
from site_builder.pipeline import build_site

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow


def requests(count: int) -> list[ChartRequest]:
    return [
        ChartRequest(f"c{i}", f"T{i}", "D", "series", (ChartRow("2024", i), ChartRow("2025", i + 1)), "v", "c")
        for i in range(count)
    ]


def test_placeholders_stand_for_the_svgs_until_the_drawings_are_in(tmp_path):
    with ChartWorkers(2) as drawers:
        drawing = start_charts(requests(10), tmp_path / "docs", drawers, deferred={"c9"})
        page = "".join(chart.svg for chart in drawing.rendered.values())
        assert page.count("<!--chart-svg:") == 9 and "<svg" not in page and drawing.rendered["c9"].svg == ""
        with pytest.raises(RuntimeError, match="before finish"):
            drawing.inline(page)
        finished = drawing.finish()
    expected = render_charts(requests(10), tmp_path / "serial", workers=1, deferred={"c9"})
    assert finished == expected
    assert drawing.inline(page) == "".join(chart.svg for chart in expected.values())
    assert (tmp_path / "docs" / expected["c0"].svg_path).read_text(encoding="utf-8").startswith("<svg")


def test_text_that_only_looks_like_a_placeholder_is_left_alone(tmp_path):
    drawing = start_charts(requests(1), tmp_path, ChartWorkers(1))
    drawing.finish()
    escaped = "&lt;!--chart-svg:c0--&gt;"  # what a page holds when a contributor types a placeholder
    assert drawing.inline(escaped) == escaped
    assert drawing.inline("<!--chart-svg:c0-->").startswith("<svg ")


def test_a_chart_that_cannot_be_drawn_fails_the_finish_by_its_id(tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "render_spec", lambda spec: render_module.DrawFailed("Error: no mark"))
    drawing = start_charts(requests(1), tmp_path, ChartWorkers(1))
    with pytest.raises(render_module.ChartRenderError, match="Chart c0 could not be rendered by vl-convert: Error: no mark"):
        drawing.finish()


def test_the_build_renders_its_pages_before_waiting_for_the_drawings(tmp_path, monkeypatch):
    events: list[str] = []
    real_finish = render_module.ChartDrawing.finish
    monkeypatch.setattr(render_module.ChartDrawing, "finish", lambda self: events.append("finish") or real_finish(self))
    import site_builder.stages.docs as docs_stages

    real_render = docs_stages.render_pages
    monkeypatch.setattr(docs_stages, "render_pages", lambda *a, **k: events.append("render") or real_render(*a, **k))
    paths = make_fixture_project(tmp_path)
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, languages=("en", "vi"))
    assert events == ["render", "render", "finish"]
    pages = [p.read_text(encoding="utf-8") for p in paths.site_dir.rglob("*.html")]
    assert any('<svg role="img" aria-labelledby="chart-' in page for page in pages)
    assert not any("<!--chart-svg:" in page for page in pages)
    staged = [p.read_text(encoding="utf-8") for p in (paths.work_dir / "docs").rglob("*.md")]
    assert staged and not any("<!--chart-svg:" in text for text in staged)


def test_a_placeholder_typed_into_the_data_stays_text_in_the_built_pages(tmp_path):
    """A contributor who writes a real chart's placeholder into a figure's notes gets it shown as
    text: it is escaped before the SVGs go in, so no chart appears outside its figure."""
    paths = make_fixture_project(tmp_path)
    build = {"validator": None, "date": "2026-01-02", "progress": lambda line: None, "languages": ("en",)}
    build_site(paths, **build)
    chart_ids = sorted(
        {
            m
            for p in paths.site_dir.rglob("*.html")
            for m in re.findall(r'<figure class="chart" id="chart-([^"]+)"', p.read_text(encoding="utf-8"))
        }
    )
    assert chart_ids
    figures = paths.data_dir / "reform" / "figures.csv"
    with figures.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["notes"] = f"<!--chart-svg:{chart_ids[0]}--> {row['notes']}"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    build_site(paths, **build)
    pages = [p.read_text(encoding="utf-8") for p in paths.site_dir.rglob("*.html")]
    assert any(f"&lt;!--chart-svg:{chart_ids[0]}--&gt;" in page for page in pages)
    for page in pages:
        assert page.count('<svg role="img" aria-labelledby="chart-') == page.count('<div class="chart-static"><svg ')
