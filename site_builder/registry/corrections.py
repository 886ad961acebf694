"""Corrections of registry data, stated in a committed table (corrections.csv) instead of made silently.

Each row names the registry, the table of the extracted document, the record (its code), the field,
the value the registry has, the value we use, why, and the legal basis. The import prints every
correction it applies, and fails when the registry no longer has the old value, so a fixed
upstream error is noticed and its row removed.
"""

from __future__ import annotations

import copy
import csv
from dataclasses import dataclass
from pathlib import Path

from site_builder.registry.errors import RegistryError

CORRECTIONS = Path(__file__).with_name("corrections.csv")
CORRECTION_COLUMNS = ["id", "registry", "table", "record", "field", "old_value", "new_value", "reason", "legal_basis"]


@dataclass(frozen=True)
class Correction:
    id: str
    registry: str
    table: str
    record: str
    field: str
    old_value: str
    new_value: str
    reason: str
    legal_basis: str

    def summary(self) -> str:
        return (
            f"{self.registry} {self.table} {self.record}: {self.field} {self.old_value} -> {self.new_value} "
            f"({self.legal_basis}; {CORRECTIONS.name} row {self.id})"
        )


def read_corrections(path: Path = CORRECTIONS) -> list[Correction]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != CORRECTION_COLUMNS:
            raise RegistryError(f"{path.name} must have the columns {','.join(CORRECTION_COLUMNS)}; it has {reader.fieldnames}.")
        return [Correction(**row) for row in reader]


# Where each correctable table lives in the registry document, and which field is its record's code.
TABLES = {"ward_conversion": ("ward_conversion", "code")}


def apply_corrections(registry: dict, corrections: list[Correction]) -> dict:
    """A copy of the registry document with the corrections applied; RegistryError with the fix when
    a correction no longer matches the registry."""
    if not corrections:
        return registry
    corrected = copy.deepcopy(registry)
    for correction in corrections:
        if correction.table not in TABLES:
            raise RegistryError(
                f"{CORRECTIONS.name} row {correction.id}: unknown table {correction.table}; known: {', '.join(sorted(TABLES))}."
            )
        key, code_field = TABLES[correction.table]
        records = [r for r in corrected.get(key, []) if r.get(code_field) == correction.record]
        if len(records) != 1 or str(records[0].get(correction.field)) != correction.old_value:
            found = records[0].get(correction.field) if len(records) == 1 else "no such record"
            raise RegistryError(
                f"{CORRECTIONS.name} row {correction.id}: {correction.registry} now has {found} for "
                f"{correction.table} {correction.record} {correction.field}, not {correction.old_value}. "
                f"If the registry fixed it, remove the row; otherwise update old_value."
            )
        records[0][correction.field] = correction.new_value
    return corrected
