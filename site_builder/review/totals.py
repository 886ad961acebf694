"""The headline totals a reviewer checks a change against, before and after, as a Markdown table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from site_builder.review.tables import (
    FIGURES,
    PROVINCES,
    SOURCES,
    UNIT_COUNTS,
    Snapshot,
)


@dataclass(frozen=True)
class Totals:
    """The national numbers a reviewer checks a change against."""

    figures: int
    sources: int
    current_provinces: int
    former_provinces: int
    units_former: int  # commune-level units of the provinces before 1 July 2025, latest count each
    units_current: int

    LABELS: ClassVar[dict[str, str]] = {
        "figures": "figures",
        "sources": "sources",
        "current_provinces": "current provinces",
        "former_provinces": "former provinces",
        "units_former": "commune-level units, former provinces (before)",
        "units_current": "commune-level units, current provinces (after)",
    }


def headline_totals(snapshot: Snapshot) -> Totals:
    """Counts of figures, sources and provinces, and commune-level units summed from unit_counts."""
    provinces = [row for table in snapshot.named(PROVINCES) for row in table.rows]
    current = {row.get("id", "") for row in provinces if not row.get("valid_to")}
    former = {row.get("id", "") for row in provinces if row.get("valid_to")}
    latest: dict[str, dict[str, str]] = {}
    for table in snapshot.named(UNIT_COUNTS):
        for row in table.rows:
            province = row.get("province_id", "")
            if province not in latest or row.get("as_of", "") > latest[province].get("as_of", ""):
                latest[province] = row
    return Totals(
        figures=sum(len(table.rows) for table in snapshot.named(FIGURES)),
        sources=sum(len(table.rows) for table in snapshot.named(SOURCES)),
        current_provinces=len(current),
        former_provinces=len(former),
        units_former=sum(_integer(row.get("total")) for p, row in latest.items() if p in former),
        units_current=sum(_integer(row.get("total")) for p, row in latest.items() if p in current),
    )


def totals_table(base: Snapshot, head: Snapshot) -> list[str]:
    """The lines of the table of headline totals: before, after and the change, then a blank line."""
    before, after = headline_totals(base), headline_totals(head)
    lines = ["| headline total | before | after | change |", "|---|--:|--:|--:|"]
    for name, label in Totals.LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        lines.append(f"| {label} | {old:,} | {new:,} | {_signed(new - old)} |")
    lines.append("")
    return lines


def _integer(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _signed(number: int) -> str:
    return "—" if number == 0 else f"{number:+,}"
