"""Which charts the site has and what data each shows, as requests for `site_builder.charts`.

All requests of the whole site are collected here so the renderer can deduplicate them and
spread them over the cores in one call. Titles and descriptions are translated text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from site_builder.charts import ChartRequest, ChartRow
from site_builder.charts.tile_grid import Tile, load_tile_grid
from site_builder.pages.editions import indicator_name
from site_builder.pages.formatting import (
    format_date,
    format_number,
    format_period,
    format_unit,
    format_value,
    number_symbols,
)
from site_builder.pages.map_charts import CURRENT_MAP_ID, FORMER_MAP_ID, current_map_request, former_map_request
from site_builder.pages.translations import Translations
from site_builder.pages.unit_charts import units_by_type_request
from site_builder.views import Comparison, FigureGroup, FigureView, ProvinceView, Site

HOME_CHART_ID = "home--unit-reduction"
# A page shows this many charts drawn at build time (inline SVG); the rest of its charts are
# drawn in the reader's browser when opened, with their table of values as the fallback. At
# 10k figure rows a province page has dozens of charts: inlining all of them made the charts
# stage and the pages the slowest part of the build, and each page megabytes long.
INLINE_CHARTS = 6
# The home page's tile maps (templates/home.md looks them up by these ids).
HOME_MAP_IDS = (CURRENT_MAP_ID, FORMER_MAP_ID)


@dataclass(frozen=True)
class ChartPlan:
    requests: tuple[ChartRequest, ...]
    # page key -> chart ids: for a province, [units chart, then one per FigureGroup in order]
    provinces: dict = field(hash=False, compare=False)
    # indicator id -> chart ids, one per Comparison in order
    indicators: dict = field(hash=False, compare=False)
    home: str = HOME_CHART_ID
    home_maps: tuple[str, ...] = ()  # of HOME_MAP_IDS, those with data
    # Chart ids past the first INLINE_CHARTS of their page: not drawn at build time.
    deferred: frozenset[str] = frozenset()


def plan_charts(site: Site, t: Translations, grid: dict[str, Tile] | None = None) -> ChartPlan:
    """Every chart of the site, in a stable order, with ids the pages look up.

    `grid`: where each province sits on the home page's tile maps (default: tile_grid.csv)."""
    grid = load_tile_grid() if grid is None else grid
    maps = [r for r in (current_map_request(site, grid, t), former_map_request(site, grid, t)) if r]
    requests: list[ChartRequest] = [ranking_request(site, t)] + maps
    names = {pid: p.name_vi for pid, p in site.provinces.items()}
    provinces: dict[str, tuple[str, ...]] = {}
    country = (site.country,) if site.country else ()
    for view in site.current + site.former + country:
        # The country's page has no chart of units by type: its first id stays empty.
        units_chart = None if view.province.is_country else units_by_type_request(view, site.dataset, names, t)
        page_requests = [units_chart] + [
            group_request(f"{view.province.id}--{index:02d}--{group.indicator.id}", group, view, t)
            for index, group in enumerate(view.groups, start=1)
        ]
        provinces[view.province.id] = tuple(r.chart_id if r else "" for r in page_requests)
        requests.extend(r for r in page_requests if r)
    indicators: dict[str, tuple[str, ...]] = {}
    for iv in site.indicator_views:
        comparison_requests = [comparison_request(f"indicator--{iv.indicator.id}--{c.measure}", c, t) for c in iv.comparisons]
        indicators[iv.indicator.id] = tuple(r.chart_id for r in comparison_requests)
        requests.extend(comparison_requests)
    symbols = number_symbols(t)
    plan = ChartPlan(
        requests=tuple(replace(r, number_symbols=symbols) for r in requests),
        provinces=provinces,
        indicators=indicators,
        home_maps=tuple(r.chart_id for r in maps),
        deferred=beyond_inline(list(provinces.values()) + list(indicators.values())),
    )
    return plan if t.lang == "en" else with_id_prefix(plan, f"{t.lang}--")


def with_id_prefix(plan: ChartPlan, prefix: str) -> ChartPlan:
    """The plan of another edition: its charts' ids prefixed, so both editions' charts can be
    drawn in one call (a chart whose spec is the same in both is still drawn once)."""

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(prefix + i if i else "" for i in values)

    return ChartPlan(
        requests=tuple(replace(r, chart_id=prefix + r.chart_id) for r in plan.requests),
        provinces={k: ids(v) for k, v in plan.provinces.items()},
        indicators={k: ids(v) for k, v in plan.indicators.items()},
        home=prefix + plan.home,
        home_maps=ids(plan.home_maps),
        deferred=frozenset(prefix + i for i in plan.deferred),
    )


def beyond_inline(pages: list[tuple[str, ...]], limit: int = INLINE_CHARTS) -> frozenset[str]:
    """The chart ids each page shows after its first `limit` charts ("" marks no chart and
    does not count). The home page has three charts and is never cut."""
    return frozenset(chart_id for ids in pages for chart_id in [i for i in ids if i][limit:])


def ranking_request(site: Site, t: Translations) -> ChartRequest:
    """All current provinces by how many commune-level units they lost on 1 July 2025."""
    rows = []
    for view in site.current:
        u = view.units
        if u.reduction is None:
            continue
        rows.append(
            ChartRow(
                category=view.province.name_vi,
                value=float(u.reduction),
                note=t(
                    "chart.ranking_note",
                    before=format_number(u.before, t),
                    after=format_number(u.after, t),
                    percent=format_number(u.percent_reduction, t),
                ),
            )
        )
    rows.sort(key=lambda r: (-r.value, r.category))
    n = site.national
    return ChartRequest(
        chart_id=HOME_CHART_ID,
        title=t("chart.ranking_title"),
        description=t(
            "chart.ranking_description",
            count=len(rows),
            before=format_number(n.units_before, t),
            after=format_number(n.units_after, t),
        ),
        kind="ranking",
        rows=tuple(rows),
        value_title=t("chart.ranking_value"),
        category_title=t("chart.province"),
    )


def point_label(view: FigureView, t: Translations) -> str:
    """The axis label of one value: its date, or its period for a reduction or a rank."""
    f = view.figure
    if f.measure in ("count", "count_before", "count_after"):
        date = view.point_date
        label = format_date(date, t) if date else t(f"measure.{f.measure}")
        if f.measure == "count_before":
            return t("chart.point_before", date=label) if date else label
        if f.measure == "count_after":
            return t("chart.point_after", date=label) if date else label
        return label
    return format_period(f.period_start, f.period_end, t)


def group_request(chart_id: str, group: FigureGroup, view: ProvinceView, t: Translations) -> ChartRequest:
    """One indicator's values for one province: a series over time or before -> after."""
    rows: list[ChartRow] = []
    seen: dict[tuple[str, float], int] = {}
    for fv in group.figures:
        label = point_label(fv, t)
        source = fv.source.publisher or fv.source.title
        if (label, fv.figure.value) in seen:  # the same value from another source: one bar, both named
            i = seen[(label, fv.figure.value)]
            rows[i] = ChartRow(rows[i].category, rows[i].value, rows[i].series, f"{rows[i].note}{t('list.separator')}{source}")
            continue
        if any(r.category == label for r in rows):  # sources disagree on the same date: keep both bars apart
            label = t("chart.point_source", label=label, source=source)
        seen[(label, fv.figure.value)] = len(rows)
        qualifier = "" if fv.figure.qualifier == "exact" else t(f"qualifier.{fv.figure.qualifier}", value="").strip()
        note = t("list.separator").join(x for x in (qualifier, source) if x)
        rows.append(ChartRow(label, fv.figure.value, t(f"measure.{fv.figure.measure}"), note))
    name = indicator_name(group.indicator, t)
    where = (
        group.province.name_vi
        if not group.area
        else t("chart.area_in_province", area=group.area, province=group.province.name_vi)
    )
    measure_title = t("chart.family_level") if group.family == "level" else t(f"measure.{group.family}")
    summary = t("list.separator").join(
        t("chart.summary_point", label=r.category, value=format_value(r.value, group.family, "exact", t)) for r in rows
    )
    return ChartRequest(
        chart_id=chart_id,
        title=t("chart.group_title", indicator=name, measure=measure_title, place=where),
        description=t("chart.group_description", indicator=name, place=where, summary=summary),
        kind=group.kind,
        rows=tuple(rows),
        value_title=unit_title(group.indicator.unit, group.family, t),
        category_title=t("chart.date"),
    )


def unit_title(unit: str, family: str, t: Translations) -> str:
    if family in ("rank", "percent"):
        return t(f"measure.{family}")
    return format_unit(unit, t)


def comparison_request(chart_id: str, comparison: Comparison, t: Translations) -> ChartRequest:
    """An indicator's values across provinces for one kind of number, largest first."""
    rows = tuple(
        ChartRow(
            category=fv.province.name_vi if fv.province.is_current else t("chart.former_name", province=fv.province.name_vi),
            value=fv.figure.value,
            note=t("list.separator").join(
                x
                for x in (format_period(fv.figure.period_start, fv.figure.period_end, t), fv.source.publisher or fv.source.title)
                if x
            ),
        )
        for fv in comparison.figures
    )
    measure = t(f"measure.{comparison.measure}")
    return ChartRequest(
        chart_id=chart_id,
        title=t("chart.comparison_title", indicator=indicator_name(comparison.indicator, t), measure=measure),
        description=t(
            "chart.comparison_description",
            indicator=indicator_name(comparison.indicator, t),
            measure=measure.lower(),
            count=len(rows),
        ),
        kind="ranking",
        rows=rows,
        value_title=unit_title(comparison.indicator.unit, comparison.measure, t),
        category_title=t("chart.province"),
    )
