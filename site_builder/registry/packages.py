"""The registry packages the import runs: one place for their names, pinned versions, the ids of
their rows in datapackages/reform/sources.csv, and how the units package cites them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RegistryPackage:
    name: str  # as on PyPI
    version: str  # the version the committed data was imported with (requirements-registry.lock)
    source_id: str  # its row in datapackages/reform/sources.csv
    licence: str  # SPDX id
    author: str

    @property
    def url(self) -> str:
        return f"https://pypi.org/project/{self.name}/{self.version}/"


ADMIN_UNITS = RegistryPackage("vietnamadminunits", "1.0.4", "registry-vietnamadminunits", "MIT", "Tran Ngoc Minh Hieu")
PROVINCES = RegistryPackage("vietnam-provinces", "2026.9.0", "registry-vietnam-provinces", "GPL-3.0-or-later", "Nguyễn Hồng Quân")
PACKAGES = {package.name: package for package in (ADMIN_UNITS, PROVINCES)}
EXPECTED_VERSIONS = {name: package.version for name, package in PACKAGES.items()}
SOURCE_IDS = {name: package.source_id for name, package in PACKAGES.items()}
