"""A change that should not change the site (a refactoring) is checked against the commit before
it: `make same-site BASE=<commit>` builds that commit's tree (its code and its data) and this
tree, with the same build date, and compares every file's bytes and mode. Without BASE (SAME_AS
here) the test is skipped: a change that is meant to change the site has nothing to compare with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

BASE = os.environ.get("SAME_AS", "")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not BASE, reason="make same-site BASE=<commit> compares this tree's site with that commit's"),
]


def build(code_root: Path, out: Path) -> None:
    """`site-builder build` of `code_root` with its own code (first on the path) and data."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000", "PYTHONPATH": str(code_root)}
    command = [sys.executable, "-m", "site_builder", "build", "--force", "--root", str(code_root)]
    command += ["--site-dir", str(out / "site"), "--work-dir", str(out / "build")]
    subprocess.run(command, cwd=code_root, env=env, check=True, capture_output=True, timeout=1800)


def files_of(site: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_mode) for p in sorted(site.rglob("*")) if p.is_file()}


def test_this_tree_builds_the_same_site_as_the_base_commit(tmp_path):
    base_tree = tmp_path / "base-tree"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(base_tree), BASE], check=True, capture_output=True)
    try:
        build(base_tree, tmp_path / "base")
        build(REPO, tmp_path / "this")
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(base_tree)], check=False)
    before, after = files_of(tmp_path / "base" / "site"), files_of(tmp_path / "this" / "site")
    assert sorted(set(before) ^ set(after)) == [], "files only in one of the two sites"
    changed = [path for path in before if before[path] != after[path]]
    assert changed == [], f"{len(changed)} file(s) differ from {BASE}'s site: {changed[:10]}"
