"""Per-province views: the units before and after 1 July 2025, the lineage (predecessors,
successor, partners), and the figures a province page shows (its own, then its predecessors')."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from site_builder.dataset.model import Dataset, Disagreement, Figure, Indicator, Province, Source, Succession
from site_builder.dataset.vocabulary import REFORM_DATE
from site_builder.views.figures import FigureGroup, FigureView, group_figures, sort_figures
from site_builder.views.key_figures import REGISTRY_INDICATOR, KeyFigure, key_figures
from site_builder.views.units import ProvinceUnits


@dataclass(frozen=True)
class UnitChange:
    """Commune-level units before and after 1 July 2025 (None where the registry has no count)."""

    before: int | None
    after: int | None
    before_as_of: str = ""
    after_as_of: str = ""

    @property
    def reduction(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.before - self.after

    @property
    def percent_reduction(self) -> float | None:
        if self.reduction is None or not self.before:
            return None
        return round(100 * self.reduction / self.before, 1)


@dataclass(frozen=True)
class DisagreementView:
    """A disagreement with what its box shows: the indicator, the registry and each figure with its source."""

    disagreement: Disagreement
    indicator: Indicator | None  # None if the codebook lacks it (the box shows its id)
    registry_source: Source | None  # the registry the stated value is compared with
    figures: tuple[FigureView, ...] = ()  # the figures involved that the data has, in the row's order


@dataclass(frozen=True)
class ProvinceView:
    province: Province
    units: UnitChange
    predecessors: tuple[Province, ...]  # current provinces: the former ones it was made from
    predecessor_units: tuple[tuple[Province, int | None], ...]
    successor: Province | None  # former provinces: the one it became part of
    succession: Succession | None
    partners: tuple[Province, ...]  # former provinces merged into the same successor
    successor_units: UnitChange | None
    legal_bases: tuple[str, ...]  # the acts that made the change, as the registry names them
    effective: str  # the date of the change ("" when the province had none)
    continued: bool  # territory unchanged across 1 July 2025 (a new id, the same province)
    figures: tuple[FigureView, ...]  # own, then predecessors'; each sorted
    groups: tuple[FigureGroup, ...]  # charted
    key_figures: tuple[KeyFigure, ...]  # one per indicator of its own figures (views/key_figures.py)
    disagreements: tuple[DisagreementView, ...]
    communes: ProvinceUnits | None = None  # its commune-level units from the units package, if loaded

    @property
    def province_ids(self) -> tuple[str, ...]:
        """The ids whose figures this page shows."""
        return (self.province.id,) + tuple(p.id for p in self.predecessors)


@dataclass(frozen=True)
class Lookups:
    """The dataset indexed the ways the views need it."""

    dataset: Dataset
    provinces: dict  # id -> Province, and the country (vn) when the data has it
    sources: dict  # id -> Source
    indicators: dict  # id -> Indicator
    succession_of: dict  # predecessor id -> Succession
    predecessors_of: dict  # successor id -> [Province], sorted by slug
    disputed: dict  # figure id -> [disagreement id]
    own_units: dict  # province id -> UnitChange from its own counts
    figures_by_province: dict  # province id -> [Figure] in file order
    figure_by_id: dict  # figure id -> Figure

    def figure_view(self, f: Figure, reported_for: Province | None = None) -> FigureView:
        return FigureView(
            figure=f,
            indicator=self.indicators[f.indicator_id],
            source=self.sources[f.source_id],
            province=self.provinces[f.province_id],
            reported_for=reported_for,
            disagreement_ids=tuple(sorted(self.disputed.get(f.id, ()))),
        )


def index_dataset(dataset: Dataset) -> Lookups:
    # Every place a figure may name: the provinces and the country.
    provinces = {p.id: p for p in dataset.provinces + ((dataset.country,) if dataset.country else ())}
    predecessors_of: dict[str, list[Province]] = defaultdict(list)
    for s in dataset.successions:
        if s.predecessor_id in provinces:
            predecessors_of[s.successor_id].append(provinces[s.predecessor_id])
    disputed: dict[str, list[str]] = defaultdict(list)
    for d in dataset.disagreements:
        for figure_id in d.figure_ids:
            disputed[figure_id].append(d.id)
    figures_by_province: dict[str, list[Figure]] = defaultdict(list)
    for f in dataset.figures:
        figures_by_province[f.province_id].append(f)
    return Lookups(
        dataset=dataset,
        provinces=provinces,
        sources={s.id: s for s in dataset.sources},
        indicators={i.id: i for i in dataset.indicators},
        succession_of={s.predecessor_id: s for s in dataset.successions},
        predecessors_of={k: sorted(v, key=lambda p: p.slug) for k, v in predecessors_of.items()},
        disputed=disputed,
        own_units={pid: unit_change_of(dataset, pid) for pid in provinces},
        figures_by_province=figures_by_province,
        figure_by_id={f.id: f for f in dataset.figures},
    )


def unit_change_of(dataset: Dataset, province_id: str) -> UnitChange:
    """The registry's last count before 1 July 2025 and first count since, for one province."""
    counts = sorted((c for c in dataset.unit_counts if c.province_id == province_id), key=lambda c: c.as_of)
    before = [c for c in counts if c.as_of < REFORM_DATE]
    after = [c for c in counts if c.as_of >= REFORM_DATE]
    return UnitChange(
        before=before[-1].total if before else None,
        after=after[0].total if after else None,
        before_as_of=before[-1].as_of if before else "",
        after_as_of=after[0].as_of if after else "",
    )


def successor_units(lookups: Lookups, province_id: str) -> UnitChange:
    """A current province's units after 1 July 2025 against its predecessors' sum before."""
    befores = [lookups.own_units[p.id] for p in lookups.predecessors_of.get(province_id, ())]
    before = None if not befores or any(u.before is None for u in befores) else sum(u.before for u in befores)
    own = lookups.own_units[province_id]
    return UnitChange(
        before=before,
        after=own.after,
        before_as_of=max((u.before_as_of for u in befores), default=""),
        after_as_of=own.after_as_of,
    )


def province_view(lookups: Lookups, province: Province) -> ProvinceView:
    """What the page of one province, current or former, shows."""
    pid = province.id
    preds = tuple(lookups.predecessors_of.get(pid, ())) if province.is_current else ()
    succession = lookups.succession_of.get(pid)
    successor = lookups.provinces.get(succession.successor_id) if succession else None
    partners = ()
    if successor is not None:
        partners = tuple(p for p in lookups.predecessors_of.get(successor.id, ()) if p.id != pid)
    own = [lookups.figure_view(f) for f in lookups.figures_by_province.get(pid, ())]
    inherited = [lookups.figure_view(f, pred) for pred in preds for f in lookups.figures_by_province.get(pred.id, ())]
    figures = tuple(sort_figures(own) + sort_figures(inherited))
    groups, _ = group_figures(figures)
    units = successor_units(lookups, pid) if province.is_current else lookups.own_units[pid]
    # The registry's tile stands for the commune-level units where the page shows it.
    shown_by_registry = frozenset({REGISTRY_INDICATOR}) if units.before is not None or units.after is not None else frozenset()
    ids = {pid} | {p.id for p in preds}
    if province.is_current:
        changes = [lookups.succession_of[p.id] for p in preds if p.id in lookups.succession_of]
    else:
        changes = [succession] if succession else []
    return ProvinceView(
        province=province,
        units=units,
        predecessors=preds,
        predecessor_units=tuple((p, lookups.own_units[p.id].before) for p in preds),
        successor=successor,
        succession=succession,
        partners=partners,
        successor_units=successor_units(lookups, successor.id) if successor is not None else None,
        legal_bases=tuple(sorted({c.legal_basis for c in changes if c.legal_basis})),
        effective=min((c.effective for c in changes), default=""),
        continued=bool(changes) and all(c.kind == "continued" for c in changes),
        figures=figures,
        groups=groups,
        key_figures=key_figures(figures, shown_by_registry),
        disagreements=tuple(
            disagreement_view(lookups, d)
            for d in sorted(lookups.dataset.disagreements, key=lambda d: d.id)
            if d.province_id in ids
        ),
    )


def disagreement_view(lookups: Lookups, d: Disagreement) -> DisagreementView:
    return DisagreementView(
        d,
        lookups.indicators.get(d.indicator_id),
        lookups.sources.get(d.registry_source_id),
        tuple(lookups.figure_view(lookups.figure_by_id[fid]) for fid in d.figure_ids if fid in lookups.figure_by_id),
    )
