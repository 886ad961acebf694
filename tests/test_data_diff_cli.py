"""`site-builder diff` on the command line: which revisions it compares, where it writes, its errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_data_diff import (
    BASE_FILES,
    EXPECTED,
    SITE_BUILDER,
    change,
    git,
    make_repo,
    write_package,
)

from site_builder.cli import main

DATA_ONLY = (
    "**Data only**: this pull request changes rows of CSV files in datapackages/ and nothing else; "
    "it is safe to merge once the checks pass.\n\n"
)
NEEDS_REVIEW = (
    "**A maintainer must review this pull request**: it changes 1 file that is code, not data rows: "
    "datapackages/reform/notes.txt (code).\n\n"
)


@pytest.fixture
def repo(tmp_path) -> Path:
    return make_repo(tmp_path)


def test_cli_compares_the_merge_base_with_main_to_the_working_tree(repo, capsys, monkeypatch):
    git(repo, "checkout", "--quiet", "-b", "topic")
    write_package(repo, change(BASE_FILES))
    git(repo, "commit", "--quiet", "-am", "change")
    (repo / "datapackages" / "reform" / "notes.txt").write_text("not data", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert main(["diff"]) == 0
    out = capsys.readouterr().out
    short = git(repo, "rev-parse", "--short", "main")
    # The untracked notes.txt is not a data file: a maintainer reviews it.
    assert out == NEEDS_REVIEW + EXPECTED.replace(
        "From main (abc) to the working tree.", f"From main (where this branch left it, {short}) to the working tree."
    )


def test_cli_compares_two_revisions_and_writes_a_file(repo, tmp_path):
    write_package(repo, change(BASE_FILES))
    git(repo, "commit", "--quiet", "-am", "change")
    write_package(repo, BASE_FILES)  # the working tree is ignored with --head
    output = tmp_path / "diff.md"
    result = subprocess.run(
        [str(SITE_BUILDER), "diff", "HEAD~1", "--head", "HEAD", "--output", str(output)],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    short_base, short_head = git(repo, "rev-parse", "--short", "HEAD~1"), git(repo, "rev-parse", "--short", "HEAD")
    assert output.read_text(encoding="utf-8") == DATA_ONLY + EXPECTED.replace(
        "From main (abc) to the working tree.", f"From HEAD\\~1 ({short_base}) to HEAD ({short_head})."
    )


@pytest.mark.parametrize("args", [["no-such-branch"], ["main", "--head", "v9.9"], ["--", "--output=x"]])
def test_a_revision_that_does_not_exist_is_one_line_and_exit_2(repo, args):
    result = subprocess.run([str(SITE_BUILDER), "diff", *args], cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("site-builder diff: ")
    assert "Traceback" not in result.stderr


def test_without_a_main_branch_the_error_says_to_pass_the_base(repo):
    git(repo, "branch", "-m", "main", "trunk")
    result = subprocess.run([str(SITE_BUILDER), "diff"], cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "no commit named 'main'" in result.stderr and len(result.stderr.splitlines()) == 1


def test_help_shows_examples():
    result = subprocess.run([sys.executable, "-m", "site_builder", "diff", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "Examples:\n  site-builder diff " in result.stdout
    assert "--output diff.md" in result.stdout
