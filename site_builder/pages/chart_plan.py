"""Which charts the site has and what data each shows, as requests for `site_builder.charts`.

All requests of the whole site are collected here so the renderer can deduplicate them and
spread them over the cores in one call. Titles and descriptions are translated text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from site_builder.views import Comparison, FigureGroup, FigureView, ProvinceView, Site
from site_builder.pages.editions import indicator_name, province_name
from site_builder.pages.formatting import number_symbols, format_date, format_number, format_period, format_value
from site_builder.pages.translations import Translations
from site_builder.charts import ChartRequest, ChartRow

HOME_CHART_ID = "home--unit-reduction"


@dataclass(frozen=True)
class ChartPlan:
    requests: tuple[ChartRequest, ...]
    # page key -> chart ids: for a province, [units chart, then one per FigureGroup in order]
    provinces: dict = field(hash=False, compare=False)
    # indicator id -> chart ids, one per Comparison in order
    indicators: dict = field(hash=False, compare=False)
    home: str = HOME_CHART_ID


def plan_charts(site: Site, t: Translations) -> ChartPlan:
    """Every chart of the site, in a stable order, with ids the pages look up."""
    requests: list[ChartRequest] = [ranking_request(site, t)]
    provinces: dict[str, tuple[str, ...]] = {}
    for view in site.current + site.former:
        page_requests = [units_request(view, t)] + [
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
    plan = ChartPlan(requests=tuple(replace(r, number_symbols=symbols) for r in requests), provinces=provinces, indicators=indicators)
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
    )


def ranking_request(site: Site, t: Translations) -> ChartRequest:
    """All current provinces by how many commune-level units they lost on 1 July 2025."""
    rows = []
    for view in site.current:
        u = view.units
        if u.reduction is None:
            continue
        rows.append(
            ChartRow(
                category=province_name(view.province, t),
                value=float(u.reduction),
                note=t("chart.ranking_note", before=format_number(u.before, t), after=format_number(u.after, t),
                       percent=format_number(u.percent_reduction, t)),
            )
        )
    rows.sort(key=lambda r: (-r.value, r.category))
    n = site.national
    return ChartRequest(
        chart_id=HOME_CHART_ID,
        title=t("chart.ranking_title"),
        description=t("chart.ranking_description", count=len(rows), before=format_number(n.units_before, t),
                      after=format_number(n.units_after, t)),
        kind="ranking",
        rows=tuple(rows),
        value_title=t("chart.ranking_value"),
        category_title=t("chart.province"),
    )


def units_request(view: ProvinceView, t: Translations) -> ChartRequest | None:
    """Commune-level units before -> after: a current province against its predecessors' sum;
    a former province beside the province it became part of."""
    p = view.province
    if p.is_current:
        u = view.units
        if u.before is None or u.after is None:
            return None
        breakdown = t("list.separator").join(
            t("chart.predecessor_part", name=province_name(pred, t), value=format_number(v, t)) for pred, v in view.predecessor_units
        )
        rows = (
            ChartRow(t("chart.units_before", date=format_date(u.before_as_of, t)), float(u.before), t("chart.before"), breakdown),
            ChartRow(t("chart.units_after", date=format_date(u.after_as_of, t)), float(u.after), t("chart.after"), ""),
        )
        description = t("chart.units_description_current", province=province_name(p, t), before=format_number(u.before, t),
                        after=format_number(u.after, t), count=len(view.predecessors))
        title = t("chart.units_title", province=province_name(p, t))
    else:
        own, succ = view.units, view.successor_units
        if own.before is None or view.successor is None or succ is None or succ.before is None or succ.after is None:
            return None
        rows = [ChartRow(t("chart.units_own_before", province=province_name(p, t)), float(own.before), t("chart.before"), format_date(own.before_as_of, t))]
        if view.partners:  # merged: also show the merged whole, else the two bars would compare unlike things
            rows.append(ChartRow(t("chart.units_merged_before", province=province_name(view.successor, t)), float(succ.before), t("chart.before"), format_date(succ.before_as_of, t)))
        rows.append(ChartRow(t("chart.units_successor_after", province=province_name(view.successor, t)), float(succ.after), t("chart.after"), format_date(succ.after_as_of, t)))
        rows = tuple(rows)
        description = t("chart.units_description_former", province=province_name(p, t), before=format_number(own.before, t),
                        successor=province_name(view.successor, t), merged=format_number(succ.before, t), after=format_number(succ.after, t))
        title = t("chart.units_title_former", province=province_name(p, t), successor=province_name(view.successor, t))
    return ChartRequest(
        chart_id=f"{p.id}--units",
        title=title,
        description=description,
        kind="before_after",
        rows=rows,
        value_title=t("chart.units_value"),
        category_title=t("chart.date"),
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
    where = province_name(group.province, t) if not group.area else t("chart.area_in_province", area=group.area, province=province_name(group.province, t))
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
    return unit


def comparison_request(chart_id: str, comparison: Comparison, t: Translations) -> ChartRequest:
    """An indicator's values across provinces for one kind of number, largest first."""
    rows = tuple(
        ChartRow(
            category=province_name(fv.province, t) if fv.province.is_current else t("chart.former_name", province=province_name(fv.province, t)),
            value=fv.figure.value,
            note=t("list.separator").join(x for x in (format_period(fv.figure.period_start, fv.figure.period_end, t), fv.source.publisher or fv.source.title) if x),
        )
        for fv in comparison.figures
    )
    measure = t(f"measure.{comparison.measure}")
    return ChartRequest(
        chart_id=chart_id,
        title=t("chart.comparison_title", indicator=indicator_name(comparison.indicator, t), measure=measure),
        description=t("chart.comparison_description", indicator=indicator_name(comparison.indicator, t), measure=measure.lower(), count=len(rows)),
        kind="ranking",
        rows=rows,
        value_title=unit_title(comparison.indicator.unit, comparison.measure, t),
        category_title=t("chart.province"),
    )
