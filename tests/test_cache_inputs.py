"""One cache (issue 24): every kind of input a built file depends on is in the key of what is kept
for it, so a rebuild after changing any of them publishes exactly what a build from nothing
publishes, and a rebuild with no change writes nothing.

The builder's own files are changed in a copy of the package, which the build is pointed at
(its code digest, its templates, its translations, its chart code's digest); a change of Python
code is made in the copy's source and, for the running process, in the function it edits, as a
new process would load it. A package's new version is importlib.metadata's answer for it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import re
import shutil
from pathlib import Path

import jinja2
import pytest

import site_builder.charts.render as chart_render
import site_builder.pages.editions as editions
import site_builder.pages.render as page_render
from fixtures.build.project import make_fixture_project
from helpers import edit_notes
from site_builder import incremental, memo
from site_builder.charts import cache as chart_cache
from site_builder.charts import spec_cache
from site_builder.pages.environment import make_environment
from site_builder.pages.translations import load_translations
from site_builder.pipeline import build_site
from site_builder.publish import html_scan

pytestmark = pytest.mark.slow

OPTIONS = {"workers": 1, "date": "2026-01-02", "validator": None, "languages": ("en", "vi"), "progress": lambda line: None}
PROVINCE_PAGE = re.compile(r"^(vi/)?provinces/(former/)?(?!former/)[^/]+/index\.html$")  # not the list of former provinces


def published(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its path: the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def stamps(*folders: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder under `folders`: inode, size and modification time (a write changes one)."""
    found = {}
    for folder in folders:
        for p in [folder, *folder.rglob("*")]:
            info = p.stat()
            found[str(p)] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def kept(work_dir: Path) -> dict[str, dict[str, str]]:
    """The memo store: each namespace's entries, key -> SHA-256 of the value."""
    root = work_dir / memo.MEMO_FOLDER
    return {ns.name: {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in ns.iterdir()} for ns in root.iterdir()}


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def edit_a_figure(paths) -> None:
    figures = paths.data_dir / "reform" / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = edit_notes(lines[1], "Edited.")
    figures.write_text("".join(lines), encoding="utf-8")


def clear_process_digests() -> None:
    """What a process works out once: a new process (the next build after an edit) works it out again."""
    memo.versions.cache_clear()
    chart_cache.drawing_code.cache_clear()
    html_scan.scan_code.cache_clear()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The fixture project, built by the builder of a copy of site_builder/ (its templates,
    translations and the digests of its code)."""
    copy = tmp_path / "site_builder"
    shutil.copytree(incremental.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "PACKAGE_DIR", copy)
    monkeypatch.setattr(chart_cache, "CHARTS_DIR", copy / "charts")
    monkeypatch.setattr(spec_cache, "SPEC_CODE", spec_cache.spec_code(copy / "charts"))
    monkeypatch.setattr(editions, "load_translations", lambda lang: load_translations(lang, copy / "translations"))
    loader = jinja2.FileSystemLoader(copy / "templates")
    monkeypatch.setattr(page_render, "make_environment", lambda t, templates=None: make_environment(t, templates or loader))
    clear_process_digests()
    yield make_fixture_project(tmp_path / "project"), copy
    clear_process_digests()


def build_again(paths, tmp_path: Path, name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The site a rebuild publishes, and the site a build from nothing publishes from the same inputs."""
    build_site(paths, **OPTIONS)
    fresh = dataclasses.replace(paths, work_dir=tmp_path / name / "build", site_dir=tmp_path / name / "site")
    build_site(fresh, **OPTIONS)
    return published(paths.site_dir), published(fresh.site_dir)


def test_each_kind_of_input_changes_exactly_what_depends_on_it(project, tmp_path, monkeypatch):
    paths, copy = project
    build_site(paths, **OPTIONS)
    site, store = published(paths.site_dir), kept(paths.work_dir)
    assert {"drawings", "pages", "html-scan", "chart-specs", "chart-templates", "vega-bundle"} <= store.keys()

    # Nothing changed: nothing is written, in the site or in build/.
    before = stamps(paths.site_dir, paths.work_dir)
    assert build_site(paths, **OPTIONS).up_to_date
    assert stamps(paths.site_dir, paths.work_dir) == before

    # A figure: its pages and data files, as a build from nothing has them.
    edit_a_figure(paths)
    after, fresh = build_again(paths, tmp_path, "figure")
    assert after == fresh and 0 < len(changed(site, after)) < 40
    site = after

    # A page template: every page made from it, and nothing else but the search index.
    province_template = copy / "templates" / "province.md"
    province_template.write_text(province_template.read_text(encoding="utf-8") + "\n<p>Edited template.</p>\n", encoding="utf-8")
    after, fresh = build_again(paths, tmp_path, "template")
    assert after == fresh
    province_pages = {path for path in site if PROVINCE_PAGE.match(path)}
    assert len(province_pages) > 10
    assert {p for p in changed(site, after) if not p.startswith("pagefind/")} == province_pages
    site = after

    # A chart helper: the code that draws (render.py) draws every chart again; its spec and CSV stay.
    svgs = {path for path in site if path.startswith("assets/charts/") and path.endswith(".svg")}
    assert svgs
    with (copy / "charts" / "render.py").open("a", encoding="utf-8") as source:
        source.write("\n# Edited: each drawing carries data-edited.\n")
    real = chart_render.renumber_gradients
    monkeypatch.setattr(chart_render, "renumber_gradients", lambda svg: real(svg).replace("<svg ", '<svg data-edited="" ', 1))
    clear_process_digests()
    after, fresh = build_again(paths, tmp_path, "chart-helper")
    assert after == fresh
    differing = changed(site, after)
    assert svgs <= differing
    assert not {p for p in differing if p.endswith((".vl.json", ".csv"))}
    assert {p for p in differing - svgs if not p.startswith("pagefind/")} <= {p for p in site if p.endswith(".html")}
    site = after

    # A translation: Vietnamese pages that show it, no English page.
    catalog = copy / "translations" / "vi" / "LC_MESSAGES" / "site.po"
    text = catalog.read_text(encoding="utf-8")
    entry = 'msgctxt "province.suggest_correction"\nmsgid "Suggest a correction"\nmsgstr "Đề nghị sửa"\n'
    assert entry in text
    catalog.write_text(text.replace(entry, entry.replace('"Đề nghị sửa"', '"Đề nghị sửa lỗi"')), encoding="utf-8")
    after, fresh = build_again(paths, tmp_path, "translation")
    assert after == fresh
    differing = {p for p in changed(site, after) if not p.startswith("pagefind/")}
    assert differing == {p for p in province_pages if p.startswith("vi/")}
    site, store = after, kept(paths.work_dir)

    # A package's version: what it makes is made again (the same bytes here), nothing else.
    real_version, new_versions = importlib.metadata.version, set()
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name in new_versions else real_version(name))
    for package, namespace, others in (("vl-convert-python", "drawings", "pages"), ("jinja2", "pages", "drawings")):
        new_versions.add(package)
        clear_process_digests()
        build_site(paths, **OPTIONS)
        now = kept(paths.work_dir)
        assert published(paths.site_dir) == site
        assert not now[namespace].keys() & store[namespace].keys(), package  # every entry made anew
        assert len(now[namespace]) == len(store[namespace])
        assert now[others] == store[others], package  # left alone
        store = now

    # And again nothing changed: nothing is written.
    before = stamps(paths.site_dir, paths.work_dir)
    assert build_site(paths, **OPTIONS).up_to_date
    assert stamps(paths.site_dir, paths.work_dir) == before
