"""The units package's units as a province page shows them: a current unit with what it was
formed from, a former unit with where it went, a former province's districts. Plain records:
units.py builds them, unit_figures.py counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.dataset.model import CurrentUnit, District, FormerUnit, Province


@dataclass(frozen=True)
class Predecessor:
    """A former unit, or the part of it, that went into a current unit. An island district that
    had no commune-level unit is a predecessor by itself (`unit` None)."""

    unit: FormerUnit | None
    district: District
    province: Province  # the former province
    divided: bool  # only a part of the former unit went here
    is_main: bool | None  # this part was the main one (None: the registry does not say)

    @property
    def code(self) -> str:
        return self.unit.code if self.unit else ""


@dataclass(frozen=True)
class CurrentUnitView:
    """A commune-level unit since 1 July 2025 and what it was formed from."""

    unit: CurrentUnit
    province: Province
    predecessors: tuple[Predecessor, ...]

    @property
    def anchor(self) -> str:
        """The id its row carries on its province's page (`unit-<5-digit code>`)."""
        return f"unit-{self.unit.code}"


@dataclass(frozen=True)
class Destination:
    """A current unit that a former unit (or a part of it) went to."""

    unit: CurrentUnitView
    divided: bool
    is_main: bool | None


@dataclass(frozen=True)
class FormerUnitView:
    """A commune-level unit on 30 June 2025 (or an island district without any) and where it went."""

    unit: FormerUnit | None
    district: District
    destinations: tuple[Destination, ...]

    @property
    def divided(self) -> bool:
        return len(self.destinations) > 1 or any(d.divided for d in self.destinations)


@dataclass(frozen=True)
class DistrictView:
    district: District
    units: tuple[FormerUnitView, ...]

    @property
    def unit_count(self) -> int:
        """Its commune-level units (an island district's own row is not one)."""
        return sum(1 for u in self.units if u.unit is not None)
