"""The data files as they are at a git revision or in the working tree, as bytes (decoded by `tables`).

Git runs as a list of arguments (never through a shell), so a revision name can hold
any character without being interpreted. Errors are `RevisionError` with a sentence
the command line prints as it is.
"""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DATA_FOLDER = "datapackages"
DESCRIPTOR = "datapackage.json"


class RevisionError(Exception):
    """A revision that cannot be read (unknown name, not a git repository, no git)."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed or not on PATH; install git and try again.") from None


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "git failed"


def resolve_revision(repo: Path, revision: str) -> str:
    """The full commit id `revision` names in `repo`; `RevisionError` when it names none."""
    if revision.startswith("-"):  # would be read as an option by git
        raise RevisionError(f"{revision!r} is not a revision name; pass a branch, tag or commit.")
    result = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if result.returncode != 0:
        check = _git(repo, "rev-parse", "--git-dir")
        if check.returncode != 0:
            raise RevisionError(f"{repo.resolve()} is not in a git repository: {_first_line(check.stderr)}.")
        raise RevisionError(
            f"no commit named {revision!r} in this repository; check the name with `git log --oneline` "
            "(in a shallow clone, fetch it first: `git fetch origin <branch>`)."
        )
    return result.stdout.decode().strip()


def merge_base(repo: Path, one: str, other: str) -> str:
    """The best common ancestor of two revisions (where a branch left `main`)."""
    first, second = resolve_revision(repo, one), resolve_revision(repo, other)
    result = _git(repo, "merge-base", first, second)
    if result.returncode != 0:
        raise RevisionError(f"{one} and {other} have no common ancestor; pass the base revision explicitly.")
    return result.stdout.decode().strip()


def short_commit(repo: Path, commit: str) -> str:
    """A short, unambiguous form of a commit id for people to read."""
    result = _git(repo, "rev-parse", "--short", commit)
    return result.stdout.decode().strip() if result.returncode == 0 else commit[:12]


class RevisionFiles:
    """The files under datapackages/ in one commit, read with `git show COMMIT:path`."""

    def __init__(self, repo: Path, commit: str):
        self.repo = repo
        self.commit = commit

    def descriptor_paths(self) -> list[str]:
        """Repository-relative paths of every `datapackages/<package>/datapackage.json`."""
        result = _git(self.repo, "ls-tree", "-r", "-z", "--name-only", self.commit, "--", f"{DATA_FOLDER}/")
        if result.returncode != 0:
            raise RevisionError(f"cannot list {DATA_FOLDER}/ at {self.commit}: {_first_line(result.stderr)}.")
        paths = [name for name in result.stdout.decode("utf-8", "replace").split("\0") if name]
        return sorted(path for path in paths if _is_descriptor(path))

    def read(self, path: str) -> bytes | None:
        """The bytes of `path` at the commit, or None when the commit has no such file."""
        result = _git(self.repo, "show", f"{self.commit}:{path}")
        if result.returncode != 0:
            return None
        return result.stdout


class WorkingTreeFiles:
    """The files under datapackages/ as they are on disk now (edits not yet committed included)."""

    def __init__(self, repo: Path):
        self.repo = repo

    def descriptor_paths(self) -> list[str]:
        folder = self.repo / DATA_FOLDER
        return sorted(path.relative_to(self.repo).as_posix() for path in folder.glob(f"*/{DESCRIPTOR}"))

    def read(self, path: str) -> bytes | None:
        """The bytes of `path` on disk, or None when there is no such file."""
        file = self.repo / path
        if not file.is_file():
            return None
        return file.read_bytes()


def _is_descriptor(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 3 and parts[0] == DATA_FOLDER and parts[2] == DESCRIPTOR


@dataclass(frozen=True)
class ChangedFile:
    """A file that differs between two revisions (or a revision and the working tree)."""

    path: str  # repository-relative
    status: str  # git's letter: A added, M modified, D deleted, T type changed (a file became a link)
    mode: str  # its mode after the change: 100644 a file, 100755 executable, 120000 a symbolic link, 000000 deleted


def changed_files(repo: Path, base: str, head: str | None = None) -> list[ChangedFile]:
    """Every file that differs from `base` in `head`, or in the working tree (untracked files
    included, ignored ones not) when `head` is None; sorted by path."""
    result = _git(
        repo, "diff", "--raw", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", base, *([head] if head else []), "--"
    )
    if result.returncode != 0:
        raise RevisionError(f"cannot list the files changed since {base}: {_first_line(result.stderr)}.")
    fields = result.stdout.decode("utf-8", "replace").split("\0")
    changed = []
    for header, path in zip(fields[0::2], fields[1::2], strict=False):  # the last field is empty
        parts = header.lstrip(":").split()
        if len(parts) >= 5:
            changed.append(ChangedFile(path, parts[4][:1], parts[1]))
    if head is None:
        untracked = _git(repo, "ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", ":/")
        top = _git(repo, "rev-parse", "--show-toplevel").stdout.decode().strip() or str(repo)
        for path in filter(None, untracked.stdout.decode("utf-8", "replace").split("\0")):
            mode = os.lstat(os.path.join(top, path)).st_mode
            changed.append(ChangedFile(path, "A", "120000" if stat.S_ISLNK(mode) else "100644"))
    return sorted(changed, key=lambda c: c.path)
