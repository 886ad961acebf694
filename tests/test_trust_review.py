"""The trust model in the pull-request comment: its first line says whether a change is data only
(rows of CSV files in datapackages/) or code a maintainer must review, listing those files; a
schema change is shown field by field."""

from __future__ import annotations

import json

import pytest
from test_data_diff import BASE_FILES, DESCRIPTOR, change, git, make_repo, write_package

from site_builder.cli import main
from site_builder.review.git_files import ChangedFile
from site_builder.review.trust import trust_line

DATA_ONLY = "**Data only**: this pull request changes rows of CSV files in datapackages/ and nothing else"
MAINTAINER = "**A maintainer must review this pull request**"


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path)


def comment(repo, capsys, monkeypatch, *arguments: str) -> str:
    monkeypatch.chdir(repo)
    assert main(["diff", "main", *arguments]) == 0
    return capsys.readouterr().out


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def test_rows_of_csv_files_are_data_only(repo, capsys, monkeypatch):
    write_package(repo, change(BASE_FILES))
    assert first_line(comment(repo, capsys, monkeypatch)).startswith(DATA_ONLY)
    git(repo, "commit", "--quiet", "-am", "rows")
    assert first_line(comment(repo, capsys, monkeypatch, "--head", "HEAD")).startswith(DATA_ONLY)


@pytest.mark.parametrize(
    ("path", "text", "kind"),
    [
        ("mkdocs.yml", "hooks: [docs/hook.py]\n", "site configuration"),
        ("docs/hook.py", "import os\n", "hand-written page"),
        ("docs/about.md", "<script>alert(1)</script>\n", "hand-written page"),
        (".github/workflows/evil.yml", "on: push\n", "workflow"),
        ("site_builder/evil.py", "x = 1\n", "builder code"),
        ("requirements.lock", "evil==1.0\n", "dependencies"),
        ("datapackages/reform/notes.txt", "x\n", "code"),
        ("frictionless_evil.py", "import os\n", "code"),
    ],
    ids=["mkdocs", "hook", "docs", "workflow", "code", "lock", "not-csv", "plugin"],
)
def test_a_change_outside_the_data_rows_needs_a_maintainer_and_is_listed(repo, capsys, monkeypatch, path, text, kind):
    write_package(repo, change(BASE_FILES))
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    line = first_line(comment(repo, capsys, monkeypatch))
    assert line.startswith(f"{MAINTAINER}: it changes 1 file that is code, not data rows: ")
    assert f"({kind})" in line and path.replace("_", "\\_").split("/")[-1] in line


def test_a_csv_replaced_by_a_symbolic_link_is_not_data(repo, capsys, monkeypatch):
    git(repo, "checkout", "--quiet", "-b", "link")
    sources = repo / "datapackages" / "reform" / "sources.csv"
    sources.unlink()
    sources.symlink_to("/proc/self/environ")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "link")
    line = first_line(comment(repo, capsys, monkeypatch, "--head", "HEAD"))
    assert line.startswith(MAINTAINER) and "datapackages/reform/sources.csv (symbolic link)" in line


def test_a_file_name_cannot_write_markdown_into_the_first_line():
    changed = [ChangedFile("docs/[click](javascript:alert(1))`<b>@team\n.md", "A", "100644")]
    line = trust_line(changed)
    assert "\n" not in line and "<b>" not in line and "](" not in line.replace("\\](", "")
    assert "@\u2060team" in line


def test_many_files_are_counted_after_twenty():
    line = trust_line([ChangedFile(f"site_builder/m{i}.py", "A", "100644") for i in range(25)])
    assert "it changes 25 files that are code" in line and line.endswith("and 5 more.")


def schema_change(repo, capsys, monkeypatch, edit) -> str:
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    edit(descriptor)
    (repo / "datapackages" / "reform" / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    out = comment(repo, capsys, monkeypatch)
    assert first_line(out).startswith(MAINTAINER) and "datapackages/reform/datapackage.json (schemas)" in first_line(out)
    return out.split("### Schema changes", 1)[1].split("###", 1)[0]


def figures_field(descriptor: dict, name: str) -> dict:
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    return next(f for f in figures["schema"]["fields"] if f["name"] == name)


def test_a_removed_constraint_is_shown_field_by_field(repo, capsys, monkeypatch):
    git(repo, "checkout", "--quiet", "-b", "loose")
    base = json.loads(json.dumps(DESCRIPTOR))
    figures_field(base, "value")["constraints"] = {"minimum": 0, "required": True}
    (repo / "datapackages" / "reform" / "datapackage.json").write_text(json.dumps(base), encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "constraint")
    git(repo, "branch", "--quiet", "-f", "main", "HEAD")
    section = schema_change(repo, capsys, monkeypatch, lambda d: figures_field(d, "value").update(constraints={"required": True}))
    assert 'field "value" of resource "figures": constraint "minimum" removed (was 0)' in section
    assert "$.resources[3].schema.fields[4].constraints.minimum" in section.replace("\\", "")


@pytest.mark.parametrize(
    ("edit", "shown"),
    [
        (
            lambda d: figures_field(d, "value").update(type="number"),
            'field "value" of resource "figures": type changed from "string" to "number"',
        ),
        (
            lambda d: d["resources"].append({"name": "extra", "path": "extra.csv", "schema": {"fields": []}}),
            'resource "extra": resource added',
        ),
        (lambda d: d["resources"].pop(2), 'resource "indicators": resource removed'),
        (lambda d: d["resources"][3]["schema"]["fields"].pop(), 'field "quote" of resource "figures": field removed'),
        (lambda d: d["resources"][0].update(extrapaths=["https://evil.example/x.csv"]), 'key "extrapaths" added'),
        (lambda d: d.update(version="9.9"), 'the package: key "version" added'),
    ],
    ids=["type", "resource-added", "resource-removed", "field-removed", "extrapaths", "package-key"],
)
def test_each_schema_change_is_a_line_of_its_own(repo, capsys, monkeypatch, edit, shown):
    assert shown in schema_change(repo, capsys, monkeypatch, edit)


@pytest.mark.parametrize(
    "data",
    [
        b'{"resources": [], "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"resources": [], "d": "' + b"x" * 1_100_000 + b'"}',
        b'{"resources": [], "d": "\xff"}',
    ],
    ids=["deep", "huge", "not-utf8"],
)
def test_a_descriptor_the_diff_cannot_read_is_a_note_not_a_traceback(repo, capsys, monkeypatch, data):
    (repo / "datapackages" / "reform" / "datapackage.json").write_bytes(data)
    out = comment(repo, capsys, monkeypatch)
    assert "datapackages/reform/datapackage.json could not be read" in out
