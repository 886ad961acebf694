"""A rebuild does only what changed (issue 12): nothing when nothing changed, only the changed
pages when one figure changed, and always the same bytes as a build from scratch."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import time
from pathlib import Path

import pytest

import site_builder.publish.html_scan as html_scan
import site_builder.stages.data as data_stages
from fixtures.build.project import make_fixture_project
from helpers import edit_notes, tree_hash
from site_builder.errors import BuildError
from site_builder.incremental import refuse_tracked_work_dir
from site_builder.pipeline import build_site
from site_builder.publish.staging import sync_folder
from site_builder.publish.swap import TEMP_PREFIX, delete_in_background

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow

OPTIONS = {"workers": 1, "date": "2026-01-02", "validator": None}


def build(paths, **options):
    lines: list[str] = []
    result = build_site(paths, progress=lines.append, **{**OPTIONS, **options})
    return result, lines


def stage(result, name: str):
    return next((t for t in result.timings if t.name == name), None)


def edit_a_figure(paths) -> None:
    figures = paths.data_dir / "reform" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert lines[1].rstrip("\n").endswith(",") or "," in lines[1]
    lines[1] = edit_notes(lines[1], "Edited.")
    figures.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def built(tmp_path):
    paths = make_fixture_project(tmp_path / "project")
    build(paths)
    return paths


def test_a_rebuild_with_no_change_does_no_work_at_all(built):
    identity = os.stat(built.site_dir).st_ino
    before = tree_hash(built.site_dir)
    result, lines = build(built)
    assert result.up_to_date and result.timings == ()
    assert lines == ["Nothing changed since the last build: " + str(built.site_dir) + " is up to date (--force rebuilds it)."]
    assert os.stat(built.site_dir).st_ino == identity and tree_hash(built.site_dir) == before


def test_force_rebuilds_everything(built):
    result, _ = build(built, force=True)
    assert not result.up_to_date
    assert stage(result, "copy") is None and stage(result, "mkdocs").summary == "mkdocs, strict"


def test_one_changed_figure_renders_only_the_changed_pages_and_builds_the_same_bytes(built, tmp_path):
    edit_a_figure(built)
    result, _ = build(built)
    assert stage(result, "copy") is not None
    assert stage(result, "mkdocs").summary == "mkdocs, strict, changed pages only"
    changed = int(stage(result, "sync").summary.split()[0])
    # The figure's pages in both editions and the files that hold it (package and province CSVs,
    # the zip, checksums, the indicator's CSV and metadata, the province's metadata, the
    # catalogue): 21 in the fixture project, far from its hundreds of files.
    assert 0 < changed < 25
    # A build of the same input from nothing, elsewhere, gives the same site.
    fresh = dataclasses.replace(built, work_dir=tmp_path / "fresh-build", site_dir=tmp_path / "fresh-site")
    build(fresh)
    assert tree_hash(built.site_dir) == tree_hash(fresh.site_dir)
    assert "Edited." in (built.data_dir / "reform" / "figures.csv").read_text(encoding="utf-8")


def test_a_change_every_page_shares_renders_every_page(built, tmp_path):
    docs = tmp_path / "docs"
    subprocess.run(["cp", "-r", str(built.docs_dir), str(docs)], check=True)
    # A new file (an image: docs/ publishes pages, raster images and stylesheets only) changes the
    # list every page is built with.
    (docs / "extra-file.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    result, _ = build(dataclasses.replace(built, docs_dir=docs))
    assert stage(result, "copy") is None and stage(result, "mkdocs").summary == "mkdocs, strict"


def test_a_site_replaced_by_hand_is_built_again(built):
    subprocess.run(["rm", "-rf", str(built.site_dir)], check=True)
    built.site_dir.mkdir()
    result, _ = build(built)
    assert not result.up_to_date and stage(result, "copy") is None
    assert (built.site_dir / "index.html").is_file()


def test_validation_runs_again_only_when_the_data_changed(built, monkeypatch):
    calls: list[Path] = []

    def validator(data_dir):
        calls.append(data_dir)
        return []

    monkeypatch.setattr(data_stages, "validate_data", validator)
    build(built, validator="project", force=True)
    build(built, validator="project", force=False, date="2026-01-03")  # another date: a rebuild, same data
    assert len(calls) == 1
    edit_a_figure(built)
    result, _ = build(built, validator="project")
    assert len(calls) == 2 and stage(result, "validate").summary == "no problems"


def test_a_committed_build_folder_stops_the_build(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "last-build.json").write_text("{}", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "build/last-build.json"], check=True)
    with pytest.raises(BuildError, match="committed to git"):
        refuse_tracked_work_dir(tmp_path, tmp_path / "build")
    refuse_tracked_work_dir(tmp_path, tmp_path / "elsewhere")  # nothing tracked there: no error


def test_sync_moves_in_only_changed_files_and_removes_the_rest(tmp_path):
    fresh, target = tmp_path / "fresh", tmp_path / "target"
    for folder in (fresh, target):
        (folder / "a").mkdir(parents=True)
        (folder / "same.md").write_text("same", encoding="utf-8")
    (fresh / "a" / "changed.md").write_text("new", encoding="utf-8")
    (target / "a" / "changed.md").write_text("old", encoding="utf-8")
    (target / "gone.md").write_text("stale", encoding="utf-8")
    old_time = time.time() - 3600
    os.utime(target / "same.md", (old_time, old_time))
    assert sync_folder(fresh, target) == 2
    assert (target / "a" / "changed.md").read_text(encoding="utf-8") == "new"
    assert not (target / "gone.md").exists()
    assert os.stat(target / "same.md").st_mtime == pytest.approx(old_time)


def test_the_html_of_a_page_is_read_again_only_when_it_changed(tmp_path, monkeypatch):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.html").write_text('<a id="x" href="b.html">b</a>', encoding="utf-8")
    (tmp_path / "site" / "b.html").write_text('<p id="y" onclick="x()">b</p>', encoding="utf-8")
    cache = tmp_path / "scan.json"
    first = html_scan.scan_site(tmp_path / "site", cache)
    assert first["a.html"].ids == {"x"} and first["b.html"].unsafe
    read: list[str] = []
    real = html_scan._scan_file
    monkeypatch.setattr(html_scan, "_scan_file", lambda path: read.append(Path(path).name) or real(path))
    (tmp_path / "site" / "b.html").write_text('<p id="z">b</p>', encoding="utf-8")
    second = html_scan.scan_site(tmp_path / "site", cache)
    assert read == ["b.html"]
    assert second["a.html"] == first["a.html"] and second["b.html"].ids == {"z"} and not second["b.html"].unsafe


def test_the_old_site_is_deleted_without_waiting(tmp_path):
    folder = tmp_path / (TEMP_PREFIX + "old-x")
    (folder / "site" / "deep").mkdir(parents=True)
    (folder / "site" / "deep" / "page.html").write_text("old", encoding="utf-8")
    delete_in_background(folder)
    deadline = time.monotonic() + 30
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not folder.exists()


def test_a_province_page_is_rendered_again_only_when_its_own_data_changed(tmp_path):
    from site_builder.pages.page_cache import PageCache

    cache = PageCache(tmp_path / "cache", salt="code")
    spec_key = cache.key("en", {"view": ("Quảng Ngãi", 96)}, "context")
    assert spec_key == cache.key("en", {"view": ("Quảng Ngãi", 96)}, "context")
    assert spec_key != cache.key("en", {"view": ("Quảng Ngãi", 97)}, "context")
    assert spec_key != PageCache(tmp_path / "cache", salt="other code").key("en", {"view": ("Quảng Ngãi", 96)}, "context")
    assert cache.get(spec_key) is None
    cache.put(spec_key, "<p>page</p>")
    later = PageCache(tmp_path / "cache", salt="code")
    assert later.get(spec_key) == "<p>page</p>" and later.hits == 1
    stale = cache.key("en", "another page")
    cache.put(stale, "old")
    later.forget_unused()
    assert [p.name for p in later.entries.folder.iterdir()] == [spec_key]
    assert later.entries.folder == tmp_path / "cache" / "memo" / "pages"  # the memo store of the work folder named


def test_a_cached_page_cannot_read_the_whole_site(tmp_path):
    """A page the cache keeps is rendered without `site`: a template reaching for it fails
    instead of being cached with data its key does not cover."""
    import jinja2

    from site_builder.pages.render import PageContext, PageSpec, render_page

    env = jinja2.Environment(loader=jinja2.DictLoader({"p.md": "{{ site.current }}"}), undefined=jinja2.StrictUndefined)
    spec = PageSpec("provinces/x.md", "p.md", "X", {}, own_data_only=True)
    with pytest.raises(BuildError, match="'site' is undefined"):
        render_page(env, spec, site=object(), charts={}, context=PageContext("d", "n", "r", "l", "u"))


def test_successive_edits_start_from_the_spare_site_and_build_the_same_bytes_as_from_scratch(built, tmp_path):
    copied = []
    for n in range(3):
        figures = built.data_dir / "reform" / "figures.csv"
        lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[1] = edit_notes(lines[1], f"Edit {n}.")
        figures.write_text("".join(lines), encoding="utf-8")
        result, _ = build(built)
        copied.append(int(stage(result, "copy").summary.split()[0]))
        fresh = dataclasses.replace(built, work_dir=tmp_path / f"fresh-build-{n}", site_dir=tmp_path / f"fresh-site-{n}")
        build(fresh)
        assert tree_hash(built.site_dir) == tree_hash(fresh.site_dir), n
    total = sum(1 for p in built.site_dir.rglob("*") if p.is_file())
    assert copied[0] == total  # no spare yet: the whole site
    assert all(0 < n < total / 2 for n in copied[1:]), (copied, total)  # then only what changed


def test_a_record_of_other_tools_or_of_other_publishing_code_is_not_read(tmp_path, monkeypatch):
    """The record lets MkDocs render only the changed pages; its site_wide hash does not cover the
    hooks MkDocs runs (publish/) nor the tools' versions, so a record of others is not read."""
    from site_builder import incremental, memo

    incremental.write_record(tmp_path / "build", incremental.BuildRecord(inputs="seen"))
    assert incremental.read_record(tmp_path / "build").inputs == "seen"
    copy = tmp_path / "site_builder"
    (copy / "publish").mkdir(parents=True)
    for hook in (incremental.PACKAGE_DIR / "publish").glob("*.py"):
        (copy / "publish" / hook.name).write_bytes(hook.read_bytes())
    monkeypatch.setattr(incremental, "PACKAGE_DIR", copy)
    assert incremental.read_record(tmp_path / "build").inputs == "seen"  # the same code, elsewhere
    (copy / "publish" / "csp.py").write_text("# edited\n", encoding="utf-8")
    assert incremental.read_record(tmp_path / "build") == incremental.BuildRecord()
    monkeypatch.undo()
    assert incremental.read_record(tmp_path / "build").inputs == "seen"
    monkeypatch.setattr(memo, "versions", lambda *names: "mkdocs==99.0")
    assert incremental.read_record(tmp_path / "build") == incremental.BuildRecord()
