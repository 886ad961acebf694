"""Shared fixtures of the unit tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPO

BUILD_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "build" / "reform"


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
