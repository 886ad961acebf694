"""Rendering: one file set per distinct spec, the same bytes every time, in parallel or not."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from site_builder.charts import ChartRequest, ChartRow, render_charts, spec_cache
from site_builder.charts import render as render_module
from site_builder.charts.render import ChartRenderError, chart_csv, inline_svg


def units_request(chart_id: str, before: float = 298, after: float = 102) -> ChartRequest:
    return ChartRequest(
        chart_id=chart_id,
        title="Commune-level units",
        description="Before and after the merger.",
        kind="before_after",
        rows=(
            ChartRow("Before (30 June 2025)", before, "Before", "An Giang 155, Kien Giang 143"),
            ChartRow("After (1 July 2025)", after, "After"),
        ),
        value_title="Commune-level units",
        category_title="Date",
    )


def many_requests(count: int) -> list[ChartRequest]:
    """`count` distinct charts of all three kinds."""
    requests = []
    for i in range(count):
        kind = ("before_after", "series", "ranking")[i % 3]
        rows = tuple(ChartRow(f"{2020 + j}" if kind == "series" else f"Province {j}", float(10 * i + j + 1)) for j in range(3))
        requests.append(ChartRequest(f"chart-{i:02d}", f"Chart {i}", "A test chart.", kind, rows, "units", "Date"))
    return requests


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "assets" / "charts").iterdir())}


def test_two_requests_with_the_same_content_share_one_set_of_files(tmp_path, monkeypatch):
    drawn = []
    real = render_module.render_spec
    monkeypatch.setattr(render_module, "render_spec", lambda spec: drawn.append(spec) or real(spec))
    rendered = render_charts([units_request("p63-12--units"), units_request("p34-12--units")], tmp_path, workers=1)
    assert set(rendered) == {"p63-12--units", "p34-12--units"}
    assert rendered["p63-12--units"].svg_path == rendered["p34-12--units"].svg_path
    assert len(drawn) == 1
    names = sorted(files(tmp_path))
    key = Path(rendered["p34-12--units"].svg_path).stem
    assert names == sorted(f"{key}{suffix}" for suffix in (".csv", ".svg", ".vl.json"))  # no PNG: the browser makes it


def test_rendered_paths_are_relative_to_the_docs_root_and_exist(tmp_path):
    chart = render_charts([units_request("p34-91--units")], tmp_path, workers=1)["p34-91--units"]
    for path in (chart.spec_path, chart.svg_path, chart.csv_path):
        assert path.startswith("assets/charts/") and (tmp_path / path).is_file()
    assert (tmp_path / chart.svg_path).read_text(encoding="utf-8").startswith("<svg")
    assert json.loads((tmp_path / chart.spec_path).read_text(encoding="utf-8"))["description"] == "Before and after the merger."


def test_inline_svg_is_an_image_labelled_by_its_caption(tmp_path):
    chart = render_charts([units_request("p34-91--units")], tmp_path, workers=1)["p34-91--units"]
    assert chart.svg.startswith('<svg role="img" aria-labelledby="chart-p34-91--units-caption"')
    assert "role=" not in chart.svg[len('<svg role="img"') :] and "aria-roledescription" not in chart.svg
    # The downloadable SVG stays as vl-convert drew it.
    assert not (tmp_path / chart.svg_path).read_text(encoding="utf-8").startswith('<svg role="img"')


def test_an_inline_svgs_marks_carry_no_role_of_their_own():
    svg = '<svg x="1"><g class="mark-rect" role="graphics-symbol" aria-roledescription="rect mark container"><path/></g></svg>'
    assert inline_svg(svg, "c") == (
        '<svg role="img" aria-labelledby="chart-c-caption" focusable="false" style="max-width:100%;height:auto" '
        'x="1"><g class="mark-rect"><path/></g></svg>'
    )


def test_ids_inside_an_inline_svg_are_prefixed_with_the_chart_id():
    svg = (
        '<svg x="1"><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>'
    )
    inline = inline_svg(svg, "p34-51--units")
    assert 'id="chart-p34-51--units-clip1"' in inline
    assert "url(#chart-p34-51--units-clip1)" in inline and 'href="#chart-p34-51--units-clip1"' in inline
    assert 'id="clip1"' not in inline


def test_rendering_twice_gives_byte_identical_files(tmp_path):
    requests = many_requests(3) + [units_request("u")]
    render_charts(requests, tmp_path / "a", workers=1)
    render_charts(requests, tmp_path / "b", workers=1)
    assert files(tmp_path / "a") == files(tmp_path / "b")


@pytest.mark.slow  # charts drawn in worker processes: make test, not make check
def test_parallel_rendering_writes_the_same_files_as_serial(tmp_path):
    requests = many_requests(render_module.PARALLEL_FROM + 1)
    serial = render_charts(requests, tmp_path / "serial", workers=1)
    parallel = render_charts(requests, tmp_path / "parallel", workers=2)
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")
    assert {k: v.svg for k, v in serial.items()} == {k: v.svg for k, v in parallel.items()}


def test_cache_reuses_drawn_charts_and_gives_the_same_bytes(tmp_path, monkeypatch):
    requests = [units_request("a"), units_request("b", 300, 100)]
    render_charts(requests, tmp_path / "cold", workers=1, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(render_module, "render_spec", lambda spec: pytest.fail("a cached chart was drawn again"))
    render_charts(requests, tmp_path / "warm", workers=1, cache_dir=tmp_path / "cache")
    assert files(tmp_path / "cold") == files(tmp_path / "warm")


def test_repeated_chart_id_is_rejected_with_a_sentence(tmp_path):
    with pytest.raises(ChartRenderError, match="repeated: p34-12--units"):
        render_charts([units_request("p34-12--units"), units_request("p34-12--units", 1, 2)], tmp_path, workers=1)


def test_a_chart_vl_convert_cannot_draw_is_reported_by_its_id(tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "render_spec", lambda spec: render_module.DrawFailed("Error: unsupported mark"))
    with pytest.raises(
        ChartRenderError, match=r"Chart p34-91--units could not be rendered by vl-convert: Error: unsupported mark"
    ):
        render_charts([units_request("p34-91--units")], tmp_path, workers=1)


def test_chart_csv_holds_the_rows_and_is_formula_safe():
    request = ChartRequest(
        "x", "T", "D", "ranking", (ChartRow('=HYPERLINK("x")', 3.0, note="+1"), ChartRow("Hue", 2.5)), "v", "c"
    )
    rows = list(csv.reader(io.StringIO(chart_csv(request).decode("utf-8"))))
    assert rows == [["category", "value", "series", "note"], ['\'=HYPERLINK("x")', "3", "", "'+1"], ["Hue", "2.5", "", ""]]


def test_spec_file_escapes_markup_characters_but_stays_the_same_json(tmp_path):
    request = ChartRequest("x", "T", "</script><b>&", "ranking", (ChartRow("</script>", 1.0),), "v", "c")
    chart = render_charts([request], tmp_path, workers=1)["x"]
    text = (tmp_path / chart.spec_path).read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["description"] == "</script><b>&"


PARALLEL_AFTER_SERIAL = """
import sys
sys.path.insert(0, {tests!r})
from test_charts_render import many_requests
from site_builder.charts import render_charts
from site_builder.charts import render as render_module
render_charts(many_requests(2), {first!r}, workers=1)  # the JavaScript engine now runs in this process
render_charts(many_requests(render_module.PARALLEL_FROM + 2), {second!r}, workers=2)
print("done")
"""


@pytest.mark.slow  # charts drawn in worker processes: make test, not make check
def test_parallel_rendering_finishes_after_this_process_has_drawn_charts(tmp_path):
    # The CI hang: workers forked from a process that had used vl-convert waited forever. Run in a
    # child process with a time limit, so a regression fails here instead of stalling the suite.
    import subprocess
    import sys

    script = PARALLEL_AFTER_SERIAL.format(tests=str(Path(__file__).parent), first=str(tmp_path / "a"), second=str(tmp_path / "b"))
    try:
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("Parallel chart rendering did not finish within 120 s after the process had drawn charts itself.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
    assert len(list((tmp_path / "b" / "assets" / "charts").glob("*.svg"))) == render_module.PARALLEL_FROM + 2


def test_a_cached_request_is_drawn_without_building_its_spec_again(tmp_path, monkeypatch):
    from site_builder.charts import render as render_module
    from site_builder.charts.model import ChartRequest, ChartRow

    request = ChartRequest("cache-me", "Title", "Description", "series", (ChartRow("2024", 1.0), ChartRow("2025", 2.0)), "v", "c")
    first = render_module.render_charts([request], tmp_path / "docs1", workers=1, cache_dir=tmp_path / "cache")

    def not_again(request):
        raise AssertionError("the spec of a cached request was built again")

    monkeypatch.setattr(spec_cache, "chart_spec_json", not_again)
    second = render_module.render_charts([request], tmp_path / "docs2", workers=1, cache_dir=tmp_path / "cache")
    assert second["cache-me"].svg == first["cache-me"].svg
    changed = ChartRequest("cache-me", "Title", "Description", "series", (ChartRow("2024", 1.0), ChartRow("2025", 3.0)), "v", "c")
    with pytest.raises(AssertionError, match="built again"):
        render_module.render_charts([changed], tmp_path / "docs3", workers=1, cache_dir=tmp_path / "cache")


def test_the_spec_code_hash_covers_every_module_that_shapes_a_spec(tmp_path, monkeypatch):
    """A cached spec must not outlive a change to kinds.py, stacked.py, the tile grid... or to
    Altair: the request key's code hash follows every .py and .csv file of the charts package and
    the version of Altair."""
    package = Path(spec_cache.__file__).parent
    copy = tmp_path / "charts"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert spec_cache.spec_code(copy) == spec_cache.SPEC_CODE
    for name in ("kinds.py", "template.py", "stacked.py", "tile_map.py", "colours.py", "tile_grid.csv", "spec.py", "model.py"):
        original = (copy / name).read_bytes()
        (copy / name).write_bytes(original + b"\n")
        assert spec_cache.spec_code(copy) != spec_cache.SPEC_CODE, name
        (copy / name).write_bytes(original)
    (copy / "notes.txt").write_text("not code", encoding="utf-8")
    assert spec_cache.spec_code(copy) == spec_cache.SPEC_CODE
    monkeypatch.setattr(spec_cache.importlib.metadata, "version", lambda name: "999.0" if name == "altair" else "1")
    assert spec_cache.spec_code(copy) != spec_cache.SPEC_CODE


def test_a_requests_key_ignores_its_id_and_changes_with_anything_else():
    import dataclasses

    base = units_request("a")
    assert spec_cache.request_key(units_request("b")) == spec_cache.request_key(base)
    keys = {spec_cache.request_key(base)}
    for f in dataclasses.fields(base):
        if f.name == "chart_id":
            continue
        value = getattr(base, f.name)
        if f.name == "rows":
            changed = [
                dataclasses.replace(value[0], **{r.name: _other(getattr(value[0], r.name))}) for r in dataclasses.fields(value[0])
            ]
            variants = [dataclasses.replace(base, rows=(row, value[1])) for row in changed]
            variants.append(dataclasses.replace(base, rows=value[:1]))
        else:
            variants = [dataclasses.replace(base, **{f.name: _other(value)})]
        for variant in variants:
            key = spec_cache.request_key(variant)
            assert key not in keys, (f.name, variant)
            keys.add(key)
    assert len(keys) > 15


def _other(value):
    """A different value of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1.5
    if isinstance(value, str):
        return value + " x"
    if isinstance(value, tuple):
        return (*value, "x")
    return 1  # None: a grid cell, say


def test_the_request_cache_is_one_file_that_keeps_this_builds_requests(tmp_path):
    from site_builder import memo
    from site_builder.charts.cache import SPECS, chart_store

    cache = tmp_path / "cache"
    first = render_module.render_charts(many_requests(3), tmp_path / "docs1", workers=1, cache_dir=cache)
    specs = chart_store(cache).namespace(SPECS)
    stored = specs.path(memo.key(spec_cache.SPEC_CODE))
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 3
    assert [p.name for p in specs.folder.iterdir()] == [stored.name]
    render_module.render_charts(many_requests(2), tmp_path / "docs2", workers=1, cache_dir=cache)
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 2  # the third is no longer planned
    stored.write_text("{", encoding="utf-8")  # cut short: the specs are built again
    again = render_module.render_charts(many_requests(3), tmp_path / "docs3", workers=1, cache_dir=cache)
    assert {i: c.svg for i, c in again.items()} == {i: c.svg for i, c in first.items()}
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 3


def test_a_chart_carries_no_aria_text_of_vegas_own_only_its_caption(tmp_path):
    """Vega writes English ARIA text for every axis, legend and mark ("X-axis titled ...",
    "value: 298; series: Before"); the chart is an image labelled by our translated caption."""
    request = ChartRequest(
        chart_id="p34-91--units",
        title="Đơn vị hành chính cấp xã",
        description="Trước và sau khi sắp xếp.",
        kind="before_after",
        rows=(ChartRow("Trước", 298, "Trước"), ChartRow("Sau", 102, "Sau")),
        value_title="Đơn vị",
        category_title="Thời điểm",
    )
    chart = render_charts([request], tmp_path, workers=1)["p34-91--units"]
    assert "aria-label=" not in chart.svg and "titled" not in chart.svg
    assert json.loads((tmp_path / chart.spec_path).read_text(encoding="utf-8"))["description"] == "Trước và sau khi sắp xếp."
