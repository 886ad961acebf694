"""Releases in the built site: a project with two releases (one figure changed between them) and a
change since, built; the releases' files as the repository keeps them, the list with what
changed, and every page's citation naming the release it shows."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from fixtures.build.project import make_fixture_project
from helpers import REPO, replace
from site_builder.pipeline import BuildPaths, build_site
from site_builder.releases.make import make_release

pytestmark = pytest.mark.slow

ABOUT = {"site": "Vietnam Apparatus Reform Data", "repository": "https://example.org/repo", "licence": "CC-BY-4.0"}


def release(root: Path, date: str) -> None:
    make_release(root, root / "datapackages", date, {"en": f"Release {date}.", "vi": f"Bản {date}."}, ABOUT)


def build(root: Path, tmp: Path) -> Path:
    paths = BuildPaths(
        root=root,
        data_dir=root / "datapackages",
        docs_dir=REPO / "docs",
        config_file=REPO / "mkdocs.yml",
        work_dir=tmp / "build",
        site_dir=tmp / "site",
    )
    build_site(paths, validator=None, date="2025-03-15", progress=lambda line: None)
    return paths.site_dir


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Path, Path]:
    """(project, site): releases 2025-01-31 and 2025-02-28 (qnam-par-2022 25 -> 24), built as released."""
    tmp = tmp_path_factory.mktemp("releases")
    fixture = make_fixture_project(tmp / "fixture")
    root = tmp / "project"
    shutil.copytree(fixture.data_dir, root / "datapackages")
    release(root, "2025-01-31")
    replace(root, "figures.csv", "qnam-par-2022,p63-49,,par-index-rank,rank,25,", "qnam-par-2022,p63-49,,par-index-rank,rank,24,")
    release(root, "2025-02-28")
    return root, build(root, tmp)


def cite(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return " ".join(re.findall(r'<div class="cite"[^>]*>(.*?)</div>', html, re.S))


def test_every_release_is_published_as_the_repository_keeps_it(released):
    root, site = released
    for folder in (root / "releases").iterdir():
        for path in folder.rglob("*"):
            if path.is_file():
                published = site / "data/releases" / folder.name / path.relative_to(folder)
                assert published.read_bytes() == path.read_bytes(), published


def test_the_list_of_releases_says_what_changed_between_them(released):
    _, site = released
    listing = json.loads((site / "data/releases/releases.json").read_text(encoding="utf-8"))["releases"]
    assert [r["date"] for r in listing] == ["2025-02-28", "2025-01-31"]
    assert listing[0]["previous"] == "2025-01-31" and listing[0]["changes"]["figures"]["changed"] == ["qnam-par-2022"]
    for entry in listing:
        for item in entry["files"]:
            data = (site / "data/releases" / item["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["bytes"]
    html = (site / "data/index.html").read_text(encoding="utf-8")
    table = html[html.index('<h2 id="releases"') :]
    assert table.index("2025-02-28") < table.index("2025-01-31")
    assert "figures: 0 added, 1 changed, 0 removed" in table
    assert 'href="../data/releases/2025-02-28/CHANGES.txt"' in table
    assert "qnam-par-2022" in (site / "data/releases/2025-02-28/CHANGES.txt").read_text(encoding="utf-8")


def test_the_data_as_the_latest_release_is_cited_as_that_release(released):
    _, site = released
    for page in ("provinces/former/quang-nam/", "indicators/par-index-rank/", "data/", "vi/data/"):
        text = cite(site, page)
        assert "2025-02-28" in text and ("release 2025-02-28" in text or "bản phát hành 2025-02-28" in text), page
    meta = json.loads((site / "data/indicators/par-index-rank.metadata.json").read_text(encoding="utf-8"))
    assert meta["release"] == "2025-02-28" and meta["last_change"] == "2025-02-28"


def test_data_changed_since_the_latest_release_is_cited_as_unreleased(released, tmp_path):
    root, _ = released
    project = tmp_path / "project"
    shutil.copytree(root, project)
    replace(project, "figures.csv", "par-index-rank,rank,24,", "par-index-rank,rank,23,")
    site = build(project, tmp_path)
    assert "data changed since release 2025-02-28, not yet released" in cite(site, "provinces/former/quang-nam/")
    meta = json.loads((site / "data/indicators/par-index-rank.metadata.json").read_text(encoding="utf-8"))
    assert meta["release"] is None and meta["latest_release"] == "2025-02-28" and meta["last_change"] == "2025-03-15"
