"""The build as a whole: it stops on invalid data, never leaves a half-built site, and the
same input builds the same bytes."""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
from pathlib import Path

import pytest

import site_builder.pipeline as pipeline
import site_builder.publish.edition_builds as edition_builds
import site_builder.publish.link_check as link_check
import site_builder.publish.swap as swap
import site_builder.stages.data as data_stages
import site_builder.stages.docs as docs_stages
from fixtures.build.project import REPO, make_fixture_project
from helpers import tree_hash
from site_builder.commands import build as build_command
from site_builder.dataset.dates import build_date
from site_builder.errors import BuildError
from site_builder.pipeline import ValidationFailed, build_site
from site_builder.publish.link_check import check_site

QUIET = {"progress": lambda line: None, "workers": 1, "date": "2026-01-02"}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(swap.TEMP_PREFIX))


@pytest.fixture
def project(tmp_path):
    paths = make_fixture_project(tmp_path)
    old = paths.site_dir
    old.mkdir()
    (old / "index.html").write_text("the previous site", encoding="utf-8")
    return paths


def assert_previous_site_intact(paths):
    assert sorted(p.name for p in paths.site_dir.iterdir()) == ["index.html"]
    assert (paths.site_dir / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert leftovers(paths.site_dir.parent) == []


def test_invalid_data_stops_the_build_before_anything_is_written(project):
    with pytest.raises(ValidationFailed) as failure:
        build_site(
            project,
            validator=lambda data_dir: ["datapackages/reform/figures.csv:3: the quote is empty; copy the sentence."],
            **QUIET,
        )
    assert failure.value.lines == ["datapackages/reform/figures.csv:3: the quote is empty; copy the sentence."]
    assert_previous_site_intact(project)
    assert not project.work_dir.exists()


def test_build_command_prints_the_validators_lines_and_exits_1(tmp_path, monkeypatch, capsys):
    root = tmp_path / "project"
    make_fixture_project(root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    monkeypatch.setattr(data_stages, "validate_data", lambda data_dir: ["datapackages/reform/figures.csv:7: bad value; fix it."])
    code = build_command.run(argparse.Namespace(root=root, site_dir=None, data_dir=None, force=False, workers=1))
    out, err = capsys.readouterr()
    assert code == 1
    assert "datapackages/reform/figures.csv:7: bad value; fix it." in out
    assert "Traceback" not in out + err
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_a_failing_stage_leaves_the_previous_site_untouched(project, monkeypatch):
    def broken(*args, **kwargs):
        raise BuildError("templates/province.md: broken on purpose")

    monkeypatch.setattr(docs_stages, "render_pages", broken)
    with pytest.raises(BuildError, match="broken on purpose"):
        build_site(project, validator=None, **QUIET)
    assert_previous_site_intact(project)


def test_a_crash_inside_mkdocs_removes_the_half_written_output(project, monkeypatch):
    def crash(config_path, output, date, **options):
        (output / "half.html").write_text("half", encoding="utf-8")
        raise RuntimeError("crash in the middle of writing")

    monkeypatch.setattr(edition_builds, "run_mkdocs", crash)
    with pytest.raises(RuntimeError):
        build_site(project, validator=None, **QUIET)
    assert_previous_site_intact(project)


def test_a_broken_link_in_the_output_fails_the_build(project, monkeypatch):
    monkeypatch.setattr(
        link_check,
        "check_site",
        lambda site, scans, skip="", site_url="": [
            'site/x/index.html: <a href="../y/"> points to a file that the build did not produce.'
        ],
    )
    with pytest.raises(BuildError, match="points to a file"):
        build_site(project, validator=None, **QUIET)
    assert_previous_site_intact(project)


def test_if_the_new_site_cannot_be_moved_in_the_old_one_is_put_back(tmp_path, monkeypatch):
    site, new = tmp_path / "site", tmp_path / "new"
    site.mkdir(), new.mkdir()
    (site / "old.txt").write_text("old")
    real_rename = os.rename

    def rename(src, dst):
        if Path(src) == new:
            raise OSError("disk full")
        real_rename(src, dst)

    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(OSError):
        swap.publish(new, site)
    assert (site / "old.txt").read_text() == "old"
    assert leftovers(tmp_path) == []


@pytest.mark.slow  # whole builds: make test, not make check
def test_the_same_input_builds_byte_identical_sites(tmp_path):
    first = make_fixture_project(tmp_path / "one")
    second = make_fixture_project(tmp_path / "two")
    build_site(first, validator=None, **QUIET)
    build_site(second, validator=None, **QUIET)
    assert tree_hash(first.site_dir) == tree_hash(second.site_dir)
    # and a rebuild over an existing site replaces it with the same bytes
    build_site(first, validator=None, **QUIET)
    assert tree_hash(first.site_dir) == tree_hash(second.site_dir)
    assert leftovers(tmp_path / "one") == []


def test_the_build_reports_every_stage_with_its_time(project):
    lines: list[str] = []
    result = build_site(project, validator=None, progress=lines.append, workers=1, date="2026-01-02")
    # a first build renders every page: no copy of an earlier site
    assert [t.name for t in result.timings] == [stage.name for stage in pipeline.STAGES if stage.name != "copy"]
    assert all(" s " in line or line.endswith(" s") for line in lines[:-1])
    assert lines[-1].startswith("Built ") and "2026-01-02" in lines[-1]


def test_build_date_comes_from_source_date_epoch_never_the_clock():
    assert build_date(REPO, environ={"SOURCE_DATE_EPOCH": "1751328000"}) == "2025-07-01"
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        build_date(REPO, environ={"SOURCE_DATE_EPOCH": "yesterday"})


def test_check_finds_broken_links_missing_anchors_and_remote_resources(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"></p><a href="../b/">b</a><a href="#here">ok</a><a href="#nowhere">x</a>'
        '<a href="https://example.org/">external link is fine</a>'
        '<script src="https://cdn.example.org/x.js"></script><link rel="stylesheet" href="//fonts.example.org/f.css">'
        '<img src="../img.png">',
        encoding="utf-8",
    )
    (tmp_path / "img.png").write_bytes(b"x")
    (tmp_path / "s.css").write_text("@import 'https://fonts.example.org/x.css'; a{background:url(data:image/png;base64,xx)}")
    problems = check_site(tmp_path)
    assert len(problems) == 5, problems
    assert any("../b/" in p for p in problems)
    assert any("#nowhere" in p for p in problems)
    assert any("cdn.example.org" in p for p in problems)
    assert any("fonts.example.org/f.css" in p for p in problems)
    assert any("s.css" in p for p in problems)


def test_mkdocs_strict_mode_fails_on_a_broken_link_in_a_hand_written_page(project, tmp_path):
    docs = tmp_path / "docs-copy"
    shutil.copytree(project.docs_dir, docs)
    (docs / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    broken = dataclasses.replace(project, docs_dir=docs)
    with pytest.raises(BuildError, match="missing.md"):
        build_site(broken, validator=None, **QUIET)
    assert_previous_site_intact(project)


def test_a_page_missing_from_the_navigation_fails_the_build(project, tmp_path):
    docs = tmp_path / "docs-copy"
    shutil.copytree(project.docs_dir, docs)
    (docs / "contribute.md").unlink()
    with pytest.raises(BuildError, match="contribute.md"):
        build_site(dataclasses.replace(project, docs_dir=docs), validator=None, **QUIET)
    assert_previous_site_intact(project)


@pytest.mark.parametrize(
    "markup",
    [
        '<p onclick="alert(1)">x</p>',
        '<img src="a.png" onerror="alert(1)">',
        '<em tabindex="0" autofocus ONFOCUS="alert(1)">x</em>',
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_check_rejects_any_event_handler_attribute(tmp_path, markup):
    (tmp_path / "index.html").write_text(f"<html><body>{markup}</body></html>")
    problems = check_site(tmp_path)
    assert any("event handler" in p for p in problems), problems


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:x",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "mailto:x@example.org",
    ],
)
def test_check_rejects_links_that_are_neither_http_nor_relative(tmp_path, href):
    (tmp_path / "index.html").write_text(f'<html><body><a href="{href}">x</a></body></html>')
    problems = check_site(tmp_path)
    assert any("neither http(s) nor relative" in p for p in problems), problems


def test_check_accepts_http_https_relative_and_fragment_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<html><body><p id="x">x</p></body></html>')
    (tmp_path / "index.html").write_text(
        '<html><body><a href="https://example.org/">e</a> <a href="http://example.org/">h</a> '
        '<a href="a/">a</a> <a href="a/#x">x</a> <a href="#top" id="top">t</a></body></html>'
    )
    assert check_site(tmp_path) == []
