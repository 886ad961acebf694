"""A page with many charts: the first INLINE_CHARTS are drawn at build time (inline SVG), the
rest are left to the reader's browser (spec and CSV served by the site, the table of values as
the fallback, no SVG made at build time). No chart gets a PNG at build time."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.charts import ChartRequest, ChartRow, render_charts
from site_builder.charts import render as render_module
from site_builder.dataset.load import load_package
from site_builder.pages.chart_plan import INLINE_CHARTS, beyond_inline, plan_charts
from site_builder.pages.editions import load_editions
from site_builder.pages.render import PageContext, render_pages
from site_builder.views import derive_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"
MANY = INLINE_CHARTS + 3  # district figures of Quang Nam: one chart each


def district_figures(count: int) -> str:
    """Rows of figures.csv: departments of `count` districts of Quang Nam in 2023 and 2024, each
    district its own chart."""
    return "".join(
        f'qnam-district-{i}-{year},p63-49,District {i:02d},departments,count,{10 + i + year % 2},exact,,{year},article-en,"Q.",,,result,,\n'
        for i in range(1, count + 1)
        for year in (2023, 2024)
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(FIXTURE, root / "reform")
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", root / "reform")
    with (root / "reform" / "figures.csv").open("a", encoding="utf-8") as figures:
        figures.write(district_figures(MANY))
    return derive_site(load_package(root)[0])


@pytest.fixture(scope="module")
def plans(site):
    return {e.lang: (e, plan_charts(site, e.t)) for e in load_editions(("en", "vi"))}


@pytest.fixture(scope="module")
def built(plans, site, tmp_path_factory):
    """Every chart of both editions rendered as the build does, and the English pages."""
    docs = tmp_path_factory.mktemp("docs")
    requests = [r for _, plan in plans.values() for r in plan.requests]
    deferred = frozenset().union(*(plan.deferred for _, plan in plans.values()))
    rendered = render_charts(requests, docs, workers=2, deferred=deferred)
    edition, plan = plans["en"]
    context = PageContext("2026-01-02", "Site", "https://example.org/repo", "CC BY 4.0", "https://example.org/by")
    return docs, rendered, render_pages(site, rendered, plan, context, edition.t)


def test_only_charts_past_the_first_ones_of_a_page_are_deferred():
    pages = [("a1", "", "a2", "a3"), ("b1", "b2"), ("c1", "c2", "c3", "c4")]
    assert beyond_inline(pages, limit=2) == {"a3", "c3", "c4"}
    assert beyond_inline(pages, limit=4) == frozenset()


def test_a_province_with_many_charts_keeps_exactly_the_first_ones_inline(plans):
    for lang, (_, plan) in plans.items():
        ids = [i for i in plan.provinces["p63-49"] if i]
        assert len(ids) > INLINE_CHARTS
        assert [i for i in ids if i not in plan.deferred] == ids[:INLINE_CHARTS], lang
        assert [i for i in ids if i in plan.deferred] == ids[INLINE_CHARTS:], lang
        # Every page alike (Da Nang shows its predecessor's charts too); the home page keeps all.
        for pid, page in plan.provinces.items():
            shown = [i for i in page if i]
            assert [i for i in shown if i in plan.deferred] == shown[INLINE_CHARTS:], (lang, pid)
        assert plan.home not in plan.deferred and not set(plan.home_maps) & plan.deferred
    assert any(len([i for i in page if i]) <= INLINE_CHARTS for page in plans["en"][1].provinces.values())


def test_the_page_inlines_the_first_charts_and_defers_the_rest_with_their_table(built, plans):
    _, rendered, pages = built
    text = pages["provinces/former/quang-nam/index.md"]
    figures = re.findall(r'<figure class="(chart[^"]*)" id="chart-([^"]+)"', text)
    _, plan = plans["en"]
    ids = [i for i in plan.provinces["p63-49"] if i]
    assert [chart_id for _, chart_id in figures] == ids
    assert [kind for kind, _ in figures] == ["chart"] * INLINE_CHARTS + ["chart chart-deferred"] * (len(ids) - INLINE_CHARTS)
    assert text.count("<svg ") == INLINE_CHARTS
    for chart_id in ids[INLINE_CHARTS:]:
        block = text[text.index(f'id="chart-{chart_id}"') :]
        block = block[: block.index("</figure>")]
        request = rendered[chart_id].request
        # The fallback: caption, and every value in the table, so nothing is lost without JavaScript.
        assert f'<figcaption id="chart-{chart_id}-caption">' in block and '<details class="chart-open">' in block
        assert block.count('<th scope="row">') == len(request.rows)
        assert rendered[chart_id].csv_path in block and ".png" not in block and ".svg" not in block


def test_deferred_charts_are_not_drawn_and_no_chart_gets_a_png(tmp_path, monkeypatch):
    drawn = []
    real = render_module.render_spec
    monkeypatch.setattr(render_module, "render_spec", lambda spec: drawn.append(json.loads(spec)["description"]) or real(spec))
    requests = [
        ChartRequest(f"c{i}", f"T{i}", f"chart {i}", "series", (ChartRow("2024", i), ChartRow("2025", i + 1)), "v", "c")
        for i in range(3)
    ]
    rendered = render_charts(requests, tmp_path, workers=1, deferred={"c1", "c2"})
    assert drawn == ["chart 0"]
    names = {p.name for p in (tmp_path / "assets" / "charts").iterdir()}
    inline, later = rendered["c0"], rendered["c1"]
    assert not inline.deferred and Path(inline.svg_path).name in names
    assert later.deferred and later.svg == "" and later.svg_path == ""
    assert sum(name.endswith(".png") for name in names) == 0 and sum(name.endswith(".svg") for name in names) == 1
    assert sum(name.endswith(".vl.json") for name in names) == 3 and sum(name.endswith(".csv") for name in names) == 3
    assert render_module.chart_counts(rendered) == (1, 2)


def test_a_spec_shown_inline_on_one_page_and_deferred_on_another_is_drawn_once(tmp_path):
    rows = (ChartRow("2024", 1), ChartRow("2025", 2))
    same = [ChartRequest(chart_id, "T", "D", "series", rows, "v", "c") for chart_id in ("inline", "later")]
    rendered = render_charts(same, tmp_path, workers=1, deferred={"later"})
    assert (tmp_path / rendered["inline"].svg_path).read_text(encoding="utf-8").startswith("<svg")
    assert rendered["later"].deferred and rendered["later"].spec_path == rendered["inline"].spec_path


def test_deferred_charts_specs_are_served_by_the_site_and_name_no_other_host(built):
    docs, rendered, pages = built
    text = pages["provinces/former/quang-nam/index.md"]
    later = [c for c in rendered.values() if c.deferred and f'id="chart-{c.request.chart_id}"' in text]
    assert later
    for chart in later:
        assert f'data-spec="../../../{chart.spec_path}" data-deferred' in text  # relative: this site
        spec_text = (docs / chart.spec_path).read_text(encoding="utf-8")
        spec = json.loads(spec_text)
        assert spec["data"]["values"] and "url" not in json.dumps(spec["data"])
        assert "http://" not in spec_text and "https://" not in spec_text
        assert (docs / chart.csv_path).is_file()


def test_the_loader_draws_a_deferred_chart_when_it_is_opened_and_then_offers_its_images():
    loader = (REPO / "site_builder" / "assets" / "charts.js").read_text(encoding="utf-8")
    assert 'hasAttribute("data-deferred")' in loader
    assert 'addEventListener("toggle"' in loader and "details.chart-open" in loader
    framing = (REPO / "site_builder" / "assets" / "chart-download.js").read_text(encoding="utf-8")
    assert "chart-download.js" in loader and "toCanvas" in framing and "toSVG" in framing
