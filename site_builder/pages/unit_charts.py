"""The units chart of a province page: commune-level units by type before and after 1 July 2025.

A current province: its predecessors' counts added up (the last before 1 July 2025) against its
own first count since. A former province: its own count, the merged whole's (when it merged with
others) and its successor's count since. One stacked bar per moment, one segment per type.
"""

from __future__ import annotations

from site_builder.charts import ChartRequest, ChartRow
from site_builder.dataset.model import Dataset, UnitCount
from site_builder.dataset.vocabulary import REFORM_DATE
from site_builder.pages.formatting import format_date, format_number
from site_builder.pages.translations import Translations
from site_builder.views import ProvinceView

UNIT_TYPES = ("commune", "ward", "township", "special_zone")


def type_counts(count: UnitCount) -> dict[str, int]:
    """Units of each type in one count (an empty cell is none)."""
    return {
        "commune": count.communes or 0,
        "ward": count.wards or 0,
        "township": count.townships or 0,
        "special_zone": count.special_zones or 0,
    }


def counts_around_reform(dataset: Dataset, province_id: str) -> tuple[UnitCount | None, UnitCount | None]:
    """The last count before 1 July 2025 and the first since, as views/provinces.py takes them."""
    counts = sorted((c for c in dataset.unit_counts if c.province_id == province_id), key=lambda c: c.as_of)
    before = [c for c in counts if c.as_of < REFORM_DATE]
    after = [c for c in counts if c.as_of >= REFORM_DATE]
    return (before[-1] if before else None), (after[0] if after else None)


def summed_before(dataset: Dataset, province_ids) -> tuple[dict[str, int], str, list[tuple[str, dict[str, int]]]] | None:
    """The types added up over provinces' last counts before the reform, the latest date, and each
    province's own; None if one of them has no count."""
    parts = []
    for pid in province_ids:
        before, _ = counts_around_reform(dataset, pid)
        if before is None:
            return None
        parts.append((pid, before))
    total = {kind: sum(type_counts(c)[kind] for _, c in parts) for kind in UNIT_TYPES}
    return total, max(c.as_of for _, c in parts), [(pid, type_counts(c)) for pid, c in parts]


def describe_types(types: dict[str, int], t: Translations) -> str:
    """ "communes: 331, wards: 55, townships: 26" (types with none left out)."""
    return t("list.separator").join(
        t("chart.type_count", type=t(f"chart.unit_type_lower.{k}"), value=format_number(v, t)) for k, v in types.items() if v
    )


def type_rows(category: str, types: dict[str, int], t: Translations, notes: dict[str, str] | None = None) -> list[ChartRow]:
    return [ChartRow(category, float(v), t(f"chart.unit_type.{k}"), (notes or {}).get(k, "")) for k, v in types.items() if v]


def units_by_type_request(view: ProvinceView, dataset: Dataset, names: dict, t: Translations) -> ChartRequest | None:
    """The `<id>--units` chart of a province page, or None when a count is missing.

    `names`: province id -> the name charts show (name_vi)."""
    p = view.province
    if p.is_current:
        rows, description, title = _current(view, dataset, names, t) or (None, "", "")
    else:
        rows, description, title = _former(view, dataset, names, t) or (None, "", "")
    if not rows:
        return None
    return ChartRequest(
        chart_id=f"{p.id}--units",
        title=title,
        description=description,
        kind="stacked",
        rows=tuple(rows),
        value_title=t("chart.units_value"),
        category_title=t("chart.date"),
        series_title=t("chart.unit_type_title"),
        series_domain=tuple(t(f"chart.unit_type.{k}") for k in UNIT_TYPES),
    )


def _current(view: ProvinceView, dataset: Dataset, names: dict, t: Translations):
    summed = summed_before(dataset, [pred.id for pred in view.predecessors]) if view.predecessors else None
    _, after = counts_around_reform(dataset, view.province.id)
    if summed is None or after is None:
        return None
    before, before_as_of, parts = summed
    notes = {}
    if len(parts) > 1:  # each type's sum, spelled out: "Quảng Ngãi 139, Kon Tum 72"
        notes = {
            k: t("list.separator").join(
                t("chart.predecessor_part", name=names[pid], value=format_number(own[k], t)) for pid, own in parts
            )
            for k in UNIT_TYPES
        }
    after_types = type_counts(after)
    name = names[view.province.id]
    rows = type_rows(t("chart.units_before", date=format_date(before_as_of, t)), before, t, notes) + type_rows(
        t("chart.units_after", date=format_date(after.as_of, t)), after_types, t
    )
    description = t(
        "chart.units_description_current",
        province=name,
        count=len(parts),
        before=format_number(sum(before.values()), t),
        before_types=describe_types(before, t),
        after=format_number(sum(after_types.values()), t),
        after_types=describe_types(after_types, t),
    )
    return rows, description, t("chart.units_title", province=name)


def _former(view: ProvinceView, dataset: Dataset, names: dict, t: Translations):
    own, _ = counts_around_reform(dataset, view.province.id)
    if own is None or view.successor is None:
        return None
    whole = summed_before(dataset, [view.province.id] + [q.id for q in view.partners])
    _, after = counts_around_reform(dataset, view.successor.id)
    if whole is None or after is None:
        return None
    name, successor = names[view.province.id], names[view.successor.id]
    own_types, after_types = type_counts(own), type_counts(after)
    rows = type_rows(t("chart.units_own_before", province=name), own_types, t)
    if view.partners:  # merged: also show the merged whole, else the bars would compare unlike things
        rows += type_rows(t("chart.units_merged_before", province=successor), whole[0], t)
    rows += type_rows(t("chart.units_successor_after", province=successor), after_types, t)
    description = t(
        "chart.units_description_former",
        province=name,
        successor=successor,
        before=format_number(sum(own_types.values()), t),
        before_types=describe_types(own_types, t),
        merged=format_number(sum(whole[0].values()), t),
        after=format_number(sum(after_types.values()), t),
        after_types=describe_types(after_types, t),
    )
    return rows, description, t("chart.units_title_former", province=name, successor=successor)
