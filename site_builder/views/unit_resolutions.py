"""The resolutions behind the commune-level changes: for each province since 1 July 2025, the
National Assembly Standing Committee's resolution on its communes (reform/unit_resolutions.csv)
with the page that names it, or none where it is not recorded yet."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.dataset.model import Dataset, Province, Source, UnitResolution


@dataclass(frozen=True)
class ProvinceResolution:
    province: Province
    resolution: UnitResolution | None
    source: Source | None


def province_resolutions(dataset: Dataset) -> tuple[ProvinceResolution, ...]:
    """Every current province, in file order, with its resolution and that resolution's source."""
    sources = {s.id: s for s in dataset.sources}
    found = {r.province_id: r for r in dataset.unit_resolutions}
    return tuple(
        ProvinceResolution(p, found.get(p.id), sources.get(found[p.id].source_id) if p.id in found else None)
        for p in dataset.provinces
        if p.is_current
    )
