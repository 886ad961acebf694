"""What the pages show, derived from the data: before -> after, predecessors, charts, coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.dataset.load import load_package, parse_changelog
from site_builder.views import derive_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    package = root / "reform"
    shutil.copytree(FIXTURE, package)
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", package)
    return load_package(root)


@pytest.fixture(scope="module")
def site(loaded):
    return derive_site(loaded[0])


def test_successor_counts_its_predecessors_units_before_and_its_own_after(site):
    units = site.view("p34-51").units  # Quảng Ngãi = Kon Tum (102) + old Quảng Ngãi (173)
    assert (units.before, units.after) == (275, 96)
    assert units.reduction == 179
    assert units.percent_reduction == 65.1
    assert [(p.id, n) for p, n in site.view("p34-51").predecessor_units] == [("p63-62", 102), ("p63-51", 173)]


def test_continued_province_compares_its_own_counts_across_the_reform(site):
    view = site.view("p34-12")
    assert view.continued
    assert (view.units.before, view.units.after) == (106, 38)


def test_former_province_knows_its_successor_partners_and_the_successors_totals(site):
    view = site.view("p63-49")
    assert view.successor.id == "p34-48"
    assert [p.id for p in view.partners] == ["p63-48"]
    assert view.units.before == 233
    assert (view.successor_units.before, view.successor_units.after) == (280, 94)
    assert not view.continued


def test_national_figures_are_sums_of_the_registry_counts(site):
    n = site.national
    assert (n.provinces_before, n.provinces_after) == (5, 3)
    assert (n.units_before, n.units_after) == (47 + 233 + 173 + 102 + 106, 94 + 96 + 38)
    assert n.districts_before == 8 + 8 + 18 + 13 + 10


def test_current_page_includes_predecessors_figures_marked_with_the_former_province(site):
    view = site.view("p34-51")
    by_id = {v.figure.id: v for v in view.figures}
    assert by_id["kontum-staff"].reported_for.id == "p63-62"
    assert by_id["qngai-staff"].reported_for is None
    # own figures come first
    assert [v.reported_for is None for v in view.figures] == sorted((v.reported_for is None for v in view.figures), reverse=True)


def test_indicator_with_several_values_becomes_a_chart_and_the_latest_a_key_figure(site):
    view = site.view("p63-49")
    kinds = {(g.indicator.id, g.family): g.kind for g in view.groups}
    assert kinds == {("par-index-rank", "rank"): "series", ("departments", "level"): "before_after"}
    ranks = next(g for g in view.groups if g.family == "rank")
    assert [v.figure.period_end for v in ranks.figures] == ["2021", "2022", "2023"]
    # One key figure per indicator, the latest; a level before a change of the same date.
    assert [k.figure.figure.id for k in view.key_figures] == ["qnam-departments-after", "qnam-par-2023"]


def test_before_is_drawn_before_after(site):
    group = next(g for g in site.view("p63-49").groups if g.family == "level")
    assert [v.figure.measure for v in group.figures] == ["count_before", "count_after"]


def test_a_predecessors_values_are_never_charted_together_with_the_successors(site):
    # Đà Nẵng (p34-48) reports 15 departments; its predecessor Quảng Nam reported 21 and 17.
    view = site.view("p34-48")
    for group in view.groups:
        assert len({v.figure.province_id for v in group.figures}) == 1
    assert "danang-departments" in {k.figure.figure.id for k in view.key_figures}
    # A predecessor's figure is in the table, never a key figure of its successor.
    assert not {k.figure.figure.id for k in site.view("p34-51").key_figures} & {"kontum-staff"}


def test_coverage_counts_figures_per_indicator_including_predecessors(site):
    row = next(r for r in site.coverage_current if r.province.id == "p34-51")
    counts = dict(zip([i.id for i in site.indicators], row.counts, strict=True))
    assert counts == {"markup-name": 0, "par-index-rank": 0, "departments": 1, "staff-positions": 2}
    lai_chau = next(r for r in site.coverage_current if r.province.id == "p34-12")
    assert lai_chau.total == 0 and lai_chau.has_unit_counts


def test_indicator_view_lists_provinces_with_and_without_data(site):
    iv = next(iv for iv in site.indicator_views if iv.indicator.id == "staff-positions")
    assert [p.id for p in iv.covered] == ["p34-51"]
    assert sorted(p.id for p in iv.missing) == ["p34-12", "p34-48"]
    assert [c.measure for c in iv.comparisons] == ["reduction"]
    assert [v.figure.value for v in iv.comparisons[0].figures] == [500, 320]


def test_disagreement_marks_its_figures_and_shows_on_the_successors_page(site):
    view = site.view("p34-48")
    assert [d.disagreement.id for d in view.disagreements] == ["qnam-departments-count"]
    by_id = {v.figure.id: v for v in view.figures}
    assert by_id["qnam-departments-before"].disagreement_ids == ("qnam-departments-count",)


def test_loader_keeps_raw_cells_in_schema_column_order(loaded):
    _, raw = loaded
    figures = raw.tables["figures"]
    fields = [f["name"] for r in raw.descriptor["resources"] if r["name"] == "figures" for f in r["schema"]["fields"]]
    assert list(figures[0]) == fields
    assert figures[0]["value"] == "30"  # the text as written, not a float


def test_changelog_is_parsed_into_plain_text_entries():
    entries = parse_changelog("# Title\n\n## 0.2 — 2026-02-01\n\n- Added <b>x</b>\n- Fixed y\n  continued\n\n## 0.1\n- First\n")
    assert [e.heading for e in entries] == ["0.2 — 2026-02-01", "0.1"]
    assert entries[0].items == ("Added <b>x</b>", "Fixed y continued")
