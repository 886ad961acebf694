"""`site-builder release`: dated, immutable copies of the packages, what changed between them, and
which release the data of a build is."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from fixtures.build.project import make_fixture_project  # noqa: E402
from helpers import replace  # noqa: E402
from site_builder.commands.release import release_citations  # noqa: E402
from site_builder.errors import BuildError  # noqa: E402
from site_builder.releases.make import make_release  # noqa: E402
from site_builder.releases.status import figure_history, last_changes, release_status  # noqa: E402
from site_builder.releases.store import read_releases  # noqa: E402

ABOUT = {"site": "Vietnam Apparatus Reform Data", "repository": "https://example.org/repo", "licence": "CC-BY-4.0"}


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder with the fixture packages in datapackages/ and no release yet."""
    paths = make_fixture_project(tmp_path / "fixture")
    root = tmp_path / "project"
    shutil.copytree(paths.data_dir, root / "datapackages")
    return root


def release(root: Path, date: str):
    citations = {"en": f"Cite release {date}.", "vi": f"Trích dẫn bản {date}."}
    return make_release(root, root / "datapackages", date, citations, ABOUT)


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def test_a_release_is_a_byte_for_byte_copy_of_the_packages_with_checksums_and_citation(project):
    written = release(project, "2025-01-31")
    folder = project / "releases" / "2025-01-31"
    for name in ("figures.csv", "datapackage.json", "sources.csv"):
        assert (folder / "reform" / name).read_bytes() == (project / "datapackages" / "reform" / name).read_bytes()
    assert (folder / "units" / "datapackage.json").is_file()
    sums = dict(line.split("  ")[::-1] for line in (folder / "SHA256SUMS").read_text().splitlines())
    assert sums == {name: digest for name, digest in hashes(folder).items() if name != "SHA256SUMS"}
    assert "Cite release 2025-01-31." in (folder / "CITATION.txt").read_text()
    assert "date-released: '2025-01-31'" in (folder / "CITATION.cff").read_text()
    assert written.record["previous"] is None
    assert "no release (the first one)" in (folder / "CHANGES.txt").read_text()


def test_a_second_release_leaves_the_first_unchanged_and_names_the_changed_figure(project):
    release(project, "2025-01-31")
    first = project / "releases" / "2025-01-31"
    before = hashes(first)
    replace(
        project, "figures.csv", "qnam-par-2022,p63-49,,par-index-rank,rank,25,", "qnam-par-2022,p63-49,,par-index-rank,rank,24,"
    )
    second = release(project, "2025-02-28")
    assert hashes(first) == before
    assert second.record["previous"] == "2025-01-31"
    assert second.record["changes"]["figures"] == {"added": [], "changed": ["qnam-par-2022"], "removed": []}
    changes = (project / "releases" / "2025-02-28" / "CHANGES.txt").read_text()
    assert "qnam-par-2022" in changes and "25 → 24" in changes
    assert [r.date for r in read_releases(project)] == ["2025-01-31", "2025-02-28"]


def test_a_release_is_never_written_again(project):
    release(project, "2025-01-31")
    before = hashes(project / "releases" / "2025-01-31")
    replace(project, "figures.csv", "rank,25,", "rank,24,")
    with pytest.raises(BuildError, match="never written again"):
        release(project, "2025-01-31")
    assert hashes(project / "releases" / "2025-01-31") == before


@pytest.mark.parametrize("date", ["2025-13-01", "31-01-2025", "2025-02-30", "../x", ""])
def test_a_release_date_must_be_a_day(project, date):
    with pytest.raises(BuildError):
        release(project, date)
    assert not (project / "releases").exists() or not any((project / "releases").iterdir())


def test_a_release_older_than_the_latest_is_refused(project):
    release(project, "2025-03-01")
    replace(project, "figures.csv", "rank,25,", "rank,24,")
    with pytest.raises(BuildError, match="newer than"):
        release(project, "2025-02-01")


def test_nothing_to_release_when_nothing_changed(project):
    release(project, "2025-01-31")
    with pytest.raises(BuildError, match="Nothing changed"):
        release(project, "2025-02-28")
    assert not (project / "releases" / "2025-02-28").exists()
    assert not list((project / "releases").glob(".*"))  # no half-written release left


def test_a_link_in_the_packages_is_not_released(project):
    figures = project / "datapackages" / "reform" / "figures.csv"
    figures.unlink()
    figures.symlink_to("/etc/passwd")
    with pytest.raises(BuildError, match="symbolic link"):
        release(project, "2025-01-31")
    assert not (project / "releases" / "2025-01-31").exists()


def test_the_build_knows_whether_its_data_is_the_latest_release(project):
    data = project / "datapackages"
    assert release_status(read_releases(project), data).latest == ""
    release(project, "2025-01-31")
    status = release_status(read_releases(project), data)
    assert (status.latest, status.is_latest, status.shown) == ("2025-01-31", True, "2025-01-31")
    replace(project, "figures.csv", "rank,25,", "rank,24,")
    status = release_status(read_releases(project), data)
    assert (status.latest, status.is_latest, status.shown) == ("2025-01-31", False, "")


def test_last_change_is_the_oldest_release_since_which_the_rows_are_the_same(project):
    release(project, "2025-01-31")
    replace(project, "figures.csv", "rank,25,", "rank,24,")
    release(project, "2025-02-28")
    by_indicator = lambda row: (row["indicator_id"],)  # noqa: E731
    history = figure_history(read_releases(project), project / "datapackages")
    dates = last_changes(history, by_indicator, "2025-03-15")
    assert dates["par-index-rank"] == "2025-02-28"  # changed in the second release
    assert {d for i, d in dates.items() if i != "par-index-rank"} == {"2025-01-31"}
    replace(project, "figures.csv", "rank,24,", "rank,23,")  # changed since: the build's date
    history = figure_history(read_releases(project), project / "datapackages")
    assert last_changes(history, by_indicator, "2025-03-15")["par-index-rank"] == "2025-03-15"


def test_a_folder_in_releases_that_is_not_a_release_stops_the_build(project):
    (project / "releases" / "latest").mkdir(parents=True)
    with pytest.raises(BuildError, match="not a release"):
        read_releases(project)


def test_the_release_citation_is_in_both_languages():
    from helpers import REPO

    citations, about = release_citations(REPO, REPO / "datapackages", "2025-12-31")
    assert set(citations) == {"en", "vi"}
    assert all("2025-12-31" in text and "/data/releases/2025-12-31/" in text for text in citations.values())
    assert about["licence"] == "CC-BY-4.0"
