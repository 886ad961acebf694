"""Shared fixtures of the unit tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import REPO
from units_fixture import FIXTURE_SOURCE, UNITS, UNITS_FIXTURE

BUILD_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"


@pytest.fixture(scope="session")
def en():
    """The English edition's translations."""
    from site_builder.pages.translations import load_translations

    return load_translations("en")


@pytest.fixture(scope="session")
def vi():
    """The Vietnamese edition's translations."""
    from site_builder.pages.translations import load_translations

    return load_translations("vi")


@pytest.fixture
def project(tmp_path) -> Path:
    """A small valid project: the build fixture's CSVs with the repository's datapackage.json.

    The fixture's hostile `javascript:` source address (kept for the escaping tests of the
    build) is replaced by an https address, so the package validates.
    """
    package = tmp_path / "datapackages" / "reform"
    shutil.copytree(BUILD_FIXTURE, package)
    shutil.copy(REPO / "datapackages" / "reform" / "datapackage.json", package / "datapackage.json")
    sources = package / "sources.csv"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("javascript:alert(1)", "https://example.org/evil"), encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def units_project(project) -> Path:
    """The `project` fixture with a small valid units package beside its reform package."""
    package = project / "datapackages" / "units"
    shutil.copytree(UNITS_FIXTURE, package, ignore=shutil.ignore_patterns("*.md"))
    descriptor = json.loads((REPO / UNITS / "datapackage.json").read_text(encoding="utf-8"))
    for described in (descriptor, *descriptor["resources"]):
        described["sources"] = [FIXTURE_SOURCE]
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return project
