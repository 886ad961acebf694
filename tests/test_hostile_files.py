"""Hostile pull requests: files that are not what they seem never reach the site, and every
case is a problem at a file and line, never a traceback, a hang or a leak."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from fixtures.build.project import make_fixture_project
from helpers import REPO, data_file, problems
from site_builder.downloads.csv_files import table_csv
from site_builder.errors import BuildError
from site_builder.pipeline import build_site
from trust_fixtures import json_path

FIGURES = "datapackages/reform/figures.csv"
QUIET = {"progress": lambda line: None, "date": "2026-01-01", "workers": 1}


def test_a_symlink_to_the_process_environment_is_refused_without_reading_it(project, monkeypatch):
    monkeypatch.setenv("HOSTILE_SECRET", "do-not-print-me")
    sources = data_file(project, "sources.csv")
    sources.unlink()
    sources.symlink_to("/proc/self/environ")
    found = problems(project)
    assert found == [
        'datapackages/reform/sources.csv: The file of resource "sources" is a symbolic link; '
        "data files must be regular files in the repository, not links."
    ]
    assert "do-not-print-me" not in "".join(found)


def test_a_symlink_to_another_file_of_the_repository_is_refused_too(project):
    sources = data_file(project, "sources.csv")
    sources.rename(project / "elsewhere.csv")
    sources.symlink_to(project / "elsewhere.csv")
    assert "is a symbolic link" in problems(project)[0]


def test_a_symlinked_descriptor_and_a_symlinked_package_folder_are_refused(project, tmp_path_factory):
    descriptor = data_file(project, "datapackage.json")
    descriptor.rename(project / "descriptor.json")
    descriptor.symlink_to(project / "descriptor.json")
    assert problems(project) == [
        "datapackages/reform/datapackage.json: The package descriptor is a symbolic link; "
        "data files must be regular files in the repository, not links."
    ]
    other = tmp_path_factory.mktemp("outside")
    descriptor.unlink()
    (project / "descriptor.json").rename(descriptor)
    (project / "datapackages" / "reform").rename(other / "reform")
    (project / "datapackages" / "reform").symlink_to(other / "reform")
    assert "symbolic link" in problems(project)[0]


def test_a_fifo_instead_of_a_csv_is_reported_not_waited_on(project):
    figures = data_file(project, "figures.csv")
    figures.unlink()
    os.mkfifo(figures)
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "validate", "--root", str(project)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert f'{FIGURES}: The file of resource "figures" is not a regular file' in result.stdout


@pytest.mark.parametrize(("separator", "name"), [(";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")])
@pytest.mark.parametrize("resource", ["indicators", "figures"])
def test_a_file_saved_with_another_separator_is_named_as_such_by_validate_and_build(project, tmp_path, separator, name, resource):
    for folder in (project, None):
        path = data_file(project, f"{resource}.csv") if folder else None
        if path is None:
            paths = make_fixture_project(tmp_path / "build")
            path = paths.data_dir / "reform" / f"{resource}.csv"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(",", separator), encoding="utf-8")
    expected = f"datapackages/reform/{resource}.csv:1: This file is separated by {name}, not commas"
    assert any(p.startswith(expected) for p in problems(project)), problems(project)
    with pytest.raises(BuildError, match=f"separated by {name}"):
        build_site(paths, validator=None, **QUIET)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-16", "This file is UTF-16"),
        ("latin-1", "is not UTF-8 (byte 0x"),
        ("cp1258", "is not UTF-8 (byte 0x"),
    ],
)
def test_a_file_in_another_encoding_says_how_to_save_it(project, encoding, expected):
    path = data_file(project, "provinces.csv")
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    assert any(expected in p and p.startswith("datapackages/reform/provinces.csv") for p in problems(project)), problems(project)


def test_a_byte_order_mark_and_crlf_line_endings_are_accepted(project):
    path = data_file(project, "figures.csv")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert problems(project) == []


@pytest.mark.parametrize(
    "edit",
    [
        lambda r: r.update(schema="https://example.org/schema.json"),
        lambda r: r.update(schema="schema.json"),
        lambda r: r.update(dialect="https://example.org/dialect.json"),
        lambda r: r.update(profile="https://example.org/profile.json"),
        lambda r: r.update({"$schema": "https://example.org/resource.json"}),
        lambda r: r.update(path="https://example.org/figures.csv"),
    ],
)
def test_a_descriptor_pointing_anywhere_else_is_refused_without_a_request(project, monkeypatch, edit):
    def no_network(*args, **kwargs):
        raise AssertionError("validate tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = data_file(project, "datapackage.json")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(next(r for r in descriptor["resources"] if r["name"] == "figures"))
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    found = problems(project)
    figures = (
        'datapackages/reform/datapackage.json: Resource "figures"',
        f"datapackages/reform/datapackage.json: {json_path('figures')}.",
    )
    assert found and all(p.startswith(figures) for p in found), found


def test_a_package_profile_other_than_a_standard_one_is_refused(project):
    path = data_file(project, "datapackage.json")
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["profile"] = "https://example.org/evil-profile.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert problems(project) == [
        'datapackages/reform/datapackage.json: The package: "profile" may only name a standard '
        "profile (data-package, tabular-data-package, data-resource, tabular-data-resource); "
        "other profiles are not fetched."
    ]


def test_a_cell_longer_than_the_limit_is_a_problem_at_its_line(project):
    path = data_file(project, "figures.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"', '"' + "x" * 10_001, 1) if '"' in lines[2] else lines[2] + "x" * 10_001
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(project)
    assert any(p.startswith(f"{FIGURES}:3: ") and "the limit is 10,000" in p for p in found), found


def test_a_row_with_more_columns_than_the_limit_is_a_problem(project):
    path = data_file(project, "sources.csv")
    path.write_text(path.read_text(encoding="utf-8") + "," * 120 + "\n", encoding="utf-8")
    assert any("the limit is 100" in p for p in problems(project))


@pytest.mark.parametrize("payload", ["a\r=cmd|' /C calc'!A0", 'a\n=HYPERLINK("x")', "a\r\n+1", "line one\n@SUM(1)"])
def test_a_formula_after_a_line_break_inside_a_cell_is_rejected_and_neutralised(project, payload):
    path = data_file(project, "figures.csv")
    lines = path.read_text(encoding="utf-8").split("\n")
    quoted = payload.replace('"', '""')
    lines.append(f'hostile,p63-49,,departments,count,3,exact,,2024,article-en,"{quoted}",,,result')
    path.write_bytes("\n".join(lines).encode("utf-8") + b"\n")
    assert any("which a spreadsheet runs as a formula" in p for p in problems(project)), problems(project)
    written = table_csv([{"quote": payload}], ["quote"]).decode("utf-8")
    assert not any(line.startswith(("=", "+", "-", "@")) for line in written.replace("\r", "\n").split("\n"))


@pytest.mark.parametrize(
    ("resource", "old", "new", "rule_text"),
    [
        (
            "indicators.csv",
            "\nmarkup-name,",
            "\nindex,Index,Chỉ số,agencies,province,Named like the index page.,true\nmarkup-name,",
            'id "index" is the name of a page',
        ),
        (
            "provinces.csv",
            ",quang-ngai,province,2025-07-01",
            ",former,province,2025-07-01",
            'slug "former" is the name of a page',
        ),
        (
            "provinces.csv",
            ",quang-ngai,province,2025-07-01",
            ",lai-chau,province,2025-07-01",
            'slug "lai-chau" is already used by line',
        ),
        ("provinces.csv", ",kon-tum,province,,", ",index,province,,", 'slug "index" is the name of a page'),
    ],
)
def test_a_page_address_taken_twice_fails_validation_and_the_build(project, tmp_path, resource, old, new, rule_text):
    path = data_file(project, resource)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert any(rule_text in p for p in problems(project)), problems(project)
    paths = make_fixture_project(tmp_path / "build")
    path = paths.data_dir / "reform" / resource
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError, match="Two (generated pages|pages would be published)"):
        build_site(paths, validator=None, **QUIET)


def test_a_symlink_in_docs_fails_the_build_and_is_never_copied(tmp_path):
    paths = make_fixture_project(tmp_path)
    docs = tmp_path / "docs"
    import shutil

    shutil.copytree(REPO / "docs", docs)
    (docs / "secret.md").symlink_to("/etc/hostname")
    paths = paths.__class__(**{**paths.__dict__, "docs_dir": docs})
    with pytest.raises(BuildError, match="secret.md: is a symbolic link"):
        build_site(paths, validator=None, **QUIET)
    assert not paths.site_dir.exists()
