"""What one process keeps from one build to the next (issue 12: `site-builder serve` rebuilds
after every edit in one process), and the staging folder an earlier build leaves: each is
reused only while what it was made from is unchanged."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess

import jinja2
import pytest

from fixtures.build.project import make_fixture_project
from helpers import tree_hash
from site_builder.dataset.load import load_package
from site_builder.downloads.unit_files import unit_csv
from site_builder.pages.environment import make_environment
from site_builder.pages.translations import load_translations
from site_builder.pipeline import build_site
from site_builder.publish.staging import files_as_left, prepare_docs, sync_folder
from site_builder.views import derive_site

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow

OPTIONS = {"workers": 1, "date": "2026-01-02", "validator": None, "progress": lambda line: None}


def test_a_file_left_in_staging_that_this_build_did_not_write_never_reaches_mkdocs(tmp_path):
    source, staging, target = tmp_path / "docs", tmp_path / "staging", tmp_path / "target"
    (source / "about").mkdir(parents=True)
    (source / "about" / "index.md").write_text("hand-written", encoding="utf-8")
    staging.mkdir()
    (staging / "removed-from-docs.md").write_text("an earlier build's", encoding="utf-8")
    (staging / "provinces").mkdir()
    (staging / "provinces" / "not-generated-any-more.md").write_text("an earlier build's", encoding="utf-8")
    (staging / "provinces" / "still-generated.md").write_text("same text", encoding="utf-8")
    left = files_as_left(staging)

    assert prepare_docs(source, staging) == ["about/index.md"]
    (staging / "provinces" / "still-generated.md").write_text("same text", encoding="utf-8")  # written again
    (staging / "new.md").write_text("generated now", encoding="utf-8")
    sync_folder(staging, target, left)

    found = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert found == ["about/index.md", "new.md", "provinces/still-generated.md"]
    assert not (staging / "removed-from-docs.md").exists() and not (staging / "provinces" / "not-generated-any-more.md").exists()


def test_a_hand_written_page_removed_between_builds_leaves_the_site(tmp_path):
    paths = make_fixture_project(tmp_path / "project")
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(paths.docs_dir), str(docs)], check=True)
    for folder in (docs, docs / "vi"):  # each page has its other edition
        (folder / "extra-note.md").write_text("# A note\n\nSoon removed.\n", encoding="utf-8")
    paths = dataclasses.replace(paths, docs_dir=docs)
    build_site(paths, **OPTIONS)
    assert (paths.site_dir / "extra-note" / "index.html").is_file()
    (docs / "extra-note.md").unlink()
    (docs / "vi" / "extra-note.md").unlink()
    build_site(paths, **OPTIONS)
    assert not (paths.site_dir / "extra-note").exists() and not (paths.work_dir / "docs" / "extra-note.md").exists()
    fresh = dataclasses.replace(paths, work_dir=tmp_path / "fresh-build", site_dir=tmp_path / "fresh-site")
    build_site(fresh, **OPTIONS)
    assert tree_hash(paths.site_dir) == tree_hash(fresh.site_dir)


def test_a_package_is_read_again_exactly_when_one_of_its_files_changed(tmp_path):
    paths = make_fixture_project(tmp_path)
    first, _ = load_package(paths.data_dir)
    again, _ = load_package(paths.data_dir)
    assert again.units.current is first.units.current  # nothing changed: the same reading
    units_after = paths.data_dir / "units" / "units_after.csv"
    units_after.write_text(
        units_after.read_text(encoding="utf-8").replace(",Tân Phong,Phường Tân Phong,", ",Tân Phong Mới,Phường Tân Phong Mới,"),
        encoding="utf-8",
    )
    changed, _ = load_package(paths.data_dir)
    assert changed.units.current is not first.units.current
    assert "Phường Tân Phong Mới" in {u.full_name for u in changed.units.current}
    # and what is derived from the units follows: the province's units and its units CSV
    views = [v for v in derive_site(changed).current if v.communes]
    assert any(b"T\xc3\xa2n Phong M\xe1\xbb\x9bi" in unit_csv(v.communes) for v in views)
    before = [v for v in derive_site(first).current if v.communes]
    assert not any("Tân Phong Mới".encode() in unit_csv(v.communes) for v in before)


def test_a_template_changed_while_the_process_runs_is_compiled_again(tmp_path):
    t = load_translations("en")
    (tmp_path / "page.md").write_text("first {{ 1 + 1 }}", encoding="utf-8")
    loader = jinja2.FileSystemLoader(str(tmp_path))
    assert make_environment(t, loader).get_template("page.md").render() == "first 2"
    (tmp_path / "page.md").write_text("second {{ 2 + 2 }}", encoding="utf-8")
    assert make_environment(t, loader).get_template("page.md").render() == "second 4"
    shutil.rmtree(tmp_path)


def test_per_object_works_out_once_per_object_never_for_an_equal_other_one():
    from site_builder.incremental import per_object

    calls = []

    @per_object
    def measure(value):
        calls.append(value)
        return len(value)

    first, equal_other = ["a", "b"], ["a", "b"]
    assert measure(first) == 2 and measure(first) == 2 and calls == [first]
    assert measure(equal_other) == 2 and len(calls) == 2  # another object: worked out again
    first.append("c")  # a caller that changed the object would get the old answer: views are frozen
    assert measure(first) == 2


def test_a_page_cache_key_follows_the_units_content_not_the_object(tmp_path):
    import copy

    from site_builder.pages.page_cache import PageCache

    paths = make_fixture_project(tmp_path)
    dataset, _ = load_package(paths.data_dir)
    view = next(v for v in derive_site(dataset).current if v.communes)
    cache = PageCache(tmp_path / "cache", salt="code")
    same_content = dataclasses.replace(view, communes=copy.deepcopy(view.communes))
    assert cache.key("en", view) == cache.key("en", same_content)
    fewer = dataclasses.replace(view.communes, current=view.communes.current[:-1])
    assert cache.key("en", view) != cache.key("en", dataclasses.replace(view, communes=fewer))


def test_a_refilled_staging_folder_holds_what_docs_holds_and_a_rebuild_still_drops_what_it_did_not_write(tmp_path):
    from site_builder.publish.staging import refill_staging

    docs, staging, target = tmp_path / "docs", tmp_path / "staging", tmp_path / "target"
    for rel in ("index.md", "provinces/ha-noi.md", "provinces/gone.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(rel, encoding="utf-8")
    (staging / "provinces").mkdir(parents=True)
    (staging / "provinces" / "ha-noi.md").write_text("kept as it is", encoding="utf-8")
    assert refill_staging(docs, staging) == 2
    assert (staging / "provinces" / "ha-noi.md").read_text(encoding="utf-8") == "kept as it is"
    left = files_as_left(staging)
    for rel in ("index.md", "provinces/ha-noi.md"):  # the next build writes these two again
        (staging / rel).write_text(rel, encoding="utf-8")
    sync_folder(staging, target, left)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "index.md",
        "provinces/ha-noi.md",
    ]
