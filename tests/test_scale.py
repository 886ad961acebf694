"""A build at ten times today's figures, in `make test`, so that a change making the build grow
faster than its data is caught (issue 12). Nothing here is timed (benchmarks/ measures time):
it checks what makes time grow — charts drawn at build time bounded per page, pages that stay
small, a rebuild with no change doing nothing, one changed figure rendering only a few pages."""

from __future__ import annotations

import re

import pytest
from test_synthetic import synthetic

from helpers import edit_notes
from site_builder.pages.chart_plan import INLINE_CHARTS
from site_builder.pipeline import BuildPaths, build_site

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow

DATE = "2026-01-02"
DRAWN_CHART = re.compile(r'<figure class="chart" ')
LARGEST_PAGE = 1_000_000  # bytes; today's largest page is about 440 KB


@pytest.fixture(scope="module")
def tenfold(tmp_path_factory):
    root = tmp_path_factory.mktemp("tenfold")
    synthetic.generate(synthetic.today_figures() * 10, root / "datapackages")
    synthetic.make_project(root)
    paths = BuildPaths.for_project(root)
    result = build_site(paths, date=DATE, progress=lambda line: None)  # validated like any build
    return paths, result


def stage(result, name):
    return next(t for t in result.timings if t.name == name)


def test_ten_times_the_figures_build_and_validate(tenfold):
    paths, result = tenfold
    assert stage(result, "validate").summary == "no problems"
    assert f"{synthetic.today_figures() * 10} figures" in stage(result, "load").summary
    assert (paths.site_dir / "index.html").is_file() and (paths.site_dir / "vi" / "index.html").is_file()


def test_no_page_draws_more_than_its_first_charts_at_build_time(tenfold):
    paths, _ = tenfold
    pages = list(paths.site_dir.rglob("index.html"))
    drawn = {p: len(DRAWN_CHART.findall(p.read_text(encoding="utf-8"))) for p in pages}
    assert max(drawn.values()) <= INLINE_CHARTS, max(drawn.items(), key=lambda item: item[1])
    assert sum(drawn.values()) > 0  # the charts are there: the bound is not met by drawing none


def test_pages_stay_small(tenfold):
    paths, _ = tenfold
    largest = max(paths.site_dir.rglob("*.html"), key=lambda p: p.stat().st_size)
    assert largest.stat().st_size <= LARGEST_PAGE, largest


def test_rebuilds_do_only_what_changed(tenfold):
    paths, _ = tenfold
    assert build_site(paths, date=DATE, progress=lambda line: None).up_to_date
    figures = paths.data_dir / "reform" / "figures.csv"
    lines = figures.read_text(encoding="utf-8").split("\n")
    lines[-2] = edit_notes(lines[-2], "(edited)")
    figures.write_text("\n".join(lines), encoding="utf-8")
    result = build_site(paths, date=DATE, progress=lambda line: None)
    assert stage(result, "mkdocs").summary == "mkdocs, strict, changed pages only"
    assert int(stage(result, "sync").summary.split()[0]) < 40
