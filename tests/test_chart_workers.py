"""The chart-drawing processes: started beside validation when a build will draw every chart (the
first build with this renderer), with the Vega bundle cached meanwhile; not started otherwise."""

from __future__ import annotations

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.charts import ChartRequest, ChartRow, ChartWorkers, first_drawing, render_charts
from site_builder.charts import workers as workers_module
from site_builder.charts.assets import VEGA_BUNDLE, vega_bundle
from site_builder.errors import ValidationFailed
from site_builder.pipeline import build_site

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow


def requests(count: int) -> list[ChartRequest]:
    return [
        ChartRequest(f"c{i}", f"T{i}", "D", "series", (ChartRow("2024", i), ChartRow("2025", i + 1)), "v", "c")
        for i in range(count)
    ]


def files(folder):
    return {p.name: p.read_bytes() for p in sorted((folder / "assets" / "charts").iterdir())}


def test_started_workers_cache_the_bundle_and_draw_the_same_bytes_as_one_process(tmp_path):
    import vl_convert

    with ChartWorkers(2) as drawers:
        drawers.start(tmp_path / "cache")
        drawers.bundle.result(timeout=120)
        (bundle,) = (tmp_path / "cache" / "memo" / VEGA_BUNDLE).iterdir()  # in the memo store of the work folder named
        render_charts(requests(10), tmp_path / "parallel", workers=drawers)
    render_charts(requests(10), tmp_path / "serial", workers=1)
    assert files(tmp_path / "parallel") == files(tmp_path / "serial")
    # The build then reads the cached bundle: the same bytes vl-convert makes.
    assert vega_bundle(vl_convert, tmp_path / "cache") == vl_convert.javascript_bundle().encode("utf-8")


def test_one_worker_is_never_started_early(tmp_path):
    drawers = ChartWorkers(1)
    drawers.start(tmp_path)
    assert drawers.bundle is None and drawers._pool is None


def test_first_drawing_is_true_until_this_renderer_has_drawn_into_the_cache(tmp_path):
    assert first_drawing(tmp_path / "chart-cache")
    render_charts(requests(1), tmp_path / "docs", workers=1, cache_dir=tmp_path / "chart-cache")
    assert not first_drawing(tmp_path / "chart-cache")


@pytest.fixture()
def started(monkeypatch):
    """The order of events: when the workers start, and when validation runs."""
    events: list[str] = []
    real = ChartWorkers.start
    monkeypatch.setattr(ChartWorkers, "start", lambda self, cache: events.append("start workers") or real(self, cache))
    return events


def test_a_first_build_starts_the_workers_before_validation_and_a_rebuild_does_not(tmp_path, started):
    paths = make_fixture_project(tmp_path)

    def validator(data_dir):
        started.append("validate")
        return []

    build_site(paths, validator=validator, date="2026-01-02", progress=lambda line: None, languages=("en",), workers=2)
    assert started == ["start workers", "validate"]
    assert len(list((paths.work_dir / "memo" / VEGA_BUNDLE).iterdir())) == 1
    started.clear()
    build_site(paths, validator=validator, date="2026-01-02", progress=lambda line: None, languages=("en",), workers=2)
    assert started == ["validate"]  # charts are cached: nothing to start early


def test_a_failing_validation_closes_the_started_workers(tmp_path, started, monkeypatch):
    paths = make_fixture_project(tmp_path)
    closed = []
    real_close = ChartWorkers.close
    monkeypatch.setattr(ChartWorkers, "close", lambda self: closed.append(self._pool is not None) or real_close(self))
    with pytest.raises(ValidationFailed):
        build_site(
            paths,
            validator=lambda d: ["broken figure"],
            date="2026-01-02",
            progress=lambda line: None,
            languages=("en",),
            workers=2,
        )
    assert started == ["start workers"] and closed and closed[0] is True
    assert not paths.site_dir.exists()


def test_workers_run_at_a_lower_priority_than_the_build():
    import os

    with ChartWorkers(2) as drawers:
        niceness = drawers.pool().submit(os.nice, 0).result(timeout=120)
    assert niceness == min(19, os.nice(0) + workers_module.NICENESS)
