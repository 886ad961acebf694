"""The units package holds as many units as the registry lists (vocabulary.REGISTRY_TOTALS): a
file that says it is the import of that registry version and has another count lost or gained
rows on the way. Files that do not cite that registry (the tests' small fixtures) are not counted;
files citing another version of it are reported, since the totals must then be checked again."""

from __future__ import annotations

from typing import Any

import attrs

from site_builder.dataset.vocabulary import REGISTRY_TOTALS, REGISTRY_TOTALS_SOURCE
from site_builder.validate.checks.base import ReformTableError
from site_builder.validate.checks.rule import Columnar, Fault, Rule
from site_builder.validate.checks.units_common import REIMPORT, UnitsCheck, names_registry

NOUNS = {
    "districts": "districts",
    "units_before": "commune-level units of 30 June 2025",
    "units_after": "commune-level units since 1 July 2025",
}


class RegistryTotalError(ReformTableError):
    type = "reform-registry-total"
    title = "Not the registry's number of units"


@attrs.define(kw_only=True, repr=False)
class registry_totals(UnitsCheck):
    """districts, units_before and units_after have REGISTRY_TOTALS rows when their sources (the
    resource's, else the package's) cite the registry version the totals are of.
    context = {"row_counts": resource name -> rows that are not blank}: counted once, not row by row."""

    type = "reform-registry-totals"
    Errors = [RegistryTotalError]
    context: Any = None

    def applies(self) -> bool:
        return self.resource.name in REGISTRY_TOTALS and self._version() is not None

    def _version(self) -> str | None:
        package = getattr(self.resource, "package", None)
        sources = self.resource.sources or (package.sources if package is not None else [])
        return names_registry(sources, REGISTRY_TOTALS_SOURCE[0])

    def validate_row(self, row):
        return ()  # the rows are counted in the context

    def check_end(self):
        name, version = REGISTRY_TOTALS_SOURCE
        cited = self._version()
        expected = REGISTRY_TOTALS[self.resource.name]
        if cited != version:
            yield RegistryTotalError(
                note=(
                    f"This file cites {name} {cited or '(no version)'}, but the expected totals (REGISTRY_TOTALS in "
                    f"site_builder/dataset/vocabulary.py) are of {name} {version}; check the new version's counts and "
                    f"update them with REGISTRY_TOTALS_SOURCE."
                )
            )
        elif (rows := self.context["row_counts"].get(self.resource.name, 0)) != expected:
            yield RegistryTotalError(
                note=(
                    f"This file has {rows:,} rows, but {name} {version} lists {expected:,} {NOUNS[self.resource.name]}; "
                    f"rows were lost or added after the import; {REIMPORT}."
                )
            )


def _one_district_lost(rows):
    rows.pop()


RULE = Rule(
    error=RegistryTotalError,
    fix=REIMPORT,
    check=registry_totals,
    columnar=Columnar(elsewhere="the units package"),
    fault=Fault("units", "districts", _one_district_lost),
    uses_context=True,
)
