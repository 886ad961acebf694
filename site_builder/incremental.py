"""What the last successful build saw, so this one does only what changed.

Every decision compares content hashes, never timestamps: the hash of the inputs (data, docs,
mkdocs.yml, the builder's own code, templates and translations, the versions of the tools
that draw the site, the build date), of the data alone (for validation), of what every page
of an edition shares (its MkDocs configuration, the theme, the list of its files: when that is
unchanged MkDocs needs to render only the pages whose Markdown changed), and of the indexed
pages (for the search index). The record lives in build/last-build.json, beside the memo
store (memo.py), is read only by the code and tools that wrote it (record_code), and names
the site it describes by the folder's inode and change time: a site replaced by anything but
this build's own publishing is never taken for it (a file edited inside site/ by hand is not
noticed: `--force` rebuilds).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from site_builder import memo
from site_builder.atomic_files import write_atomically
from site_builder.errors import BuildError

RECORD_FILE = "last-build.json"
PACKAGE_DIR = Path(__file__).resolve().parent
# The tools whose version changes what the site looks like, or what its checks find.
TOOLS = (
    "mkdocs",
    "mkdocs-material",
    "vl-convert-python",
    "pagefind",
    "pagefind_bin",
    "babel",
    "frictionless",
    "jinja2",
    "selectolax",
    "markdown",  # MkDocs renders the pages with it
    "nh3",  # the hook that sanitises the hand-written pages (publish/sanitise.py)
)


@dataclass
class BuildRecord:
    inputs: str = ""  # everything the build reads
    validated: str = ""  # the data (and the validator) that last passed validation
    site: list = field(default_factory=list)  # [device, inode, change time] of the published site folder
    site_wide: dict = field(default_factory=dict)  # edition -> what all of its pages share
    indexed: str = ""  # the pages the search index was made from

    def describes(self, site_dir: Path) -> bool:
        """True when `site_dir` is the very folder this record's build published."""
        return bool(self.site) and self.site == site_identity(site_dir)


def read_record(work_dir: Path) -> BuildRecord:
    path = work_dir / RECORD_FILE
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.pop("code", None) != record_code():
            return BuildRecord()
        return BuildRecord(**stored)
    except (OSError, ValueError, TypeError):  # none yet, cut short, or of another format
        return BuildRecord()


def write_record(work_dir: Path, record: BuildRecord) -> None:
    text = json.dumps({"code": record_code(), **asdict(record)}, indent=1)
    write_atomically(work_dir / RECORD_FILE, text.encode("utf-8"))


def record_code() -> str:
    """What a record is only good for: its own format (this module), the code that runs inside
    MkDocs or decides what it renders again (publish/: the hooks, staging, the copy of the
    previous site) and the tools' versions. A record of other code or tools is not read, so the
    build after such a change renders every page and validates again: the site_wide hash, which
    lets MkDocs render only the changed pages, does not cover them."""
    return memo.key(memo.source_digest(Path(__file__).resolve(), PACKAGE_DIR / "publish"), tool_versions())


def forget_record(work_dir: Path) -> None:
    (work_dir / RECORD_FILE).unlink(missing_ok=True)


def site_identity(site_dir: Path) -> list:
    try:
        info = os.stat(site_dir)
    except OSError:
        return []
    # The inode alone is not enough: a folder deleted and made again may get the same number.
    return [info.st_dev, info.st_ino, info.st_ctime_ns]


def digest_files(*roots: Path) -> str:
    """A hash of every regular file under `roots` (a file root counts as itself): paths and bytes."""
    digest = hashlib.sha256()
    for root in roots:
        digest.update(f"root {root}\n".encode())
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(f"{path.relative_to(root) if path != root else path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def digest_folders(root: Path) -> dict[Path, str]:
    """digest_files of each entry of `root` (each package folder of datapackages/, and any file
    beside them), for a build that hashes its data once and reuses the parts."""
    return {entry: digest_files(entry) for entry in sorted(root.iterdir())} if root.is_dir() else {}


def digest_text(*parts: object) -> str:
    return hashlib.sha256(json.dumps([str(p) for p in parts]).encode()).hexdigest()


def tool_versions() -> str:
    return memo.versions(*TOOLS)


def refuse_tracked_work_dir(root: Path, work_dir: Path) -> None:
    """The caches in build/ are trusted as this machine's own work: a pull request that commits
    files there could pass forged results off as checked ones, so a tracked build/ stops the build."""
    try:
        relative = work_dir.resolve().relative_to(root.resolve())
    except ValueError:
        return  # outside the repository: nothing in git can put files there
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--", str(relative)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return  # no git: no commit can have put files there
    tracked = listed.stdout.split()
    if listed.returncode == 0 and tracked:
        raise BuildError(
            f"{relative}/ holds files committed to git ({tracked[0]} ...); it is the build's own work folder. "
            f"Remove them with `git rm -r --cached {relative}` and build again."
        )


def per_object(function):
    """`function(obj)` worked out once per object, by identity: the object is kept with its
    result, so its id cannot be reused while the entry lives. For views that
    `site-builder serve` rebuilds hand out again unchanged (views.units_by_province), where
    hashing them by content would cost about as much as the work itself."""
    kept: dict[int, tuple[object, object]] = {}

    @functools.wraps(function)
    def once(obj):
        entry = kept.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        result = function(obj)
        if len(kept) >= 1024:  # many changes in one long process: start again
            kept.clear()
        kept[id(obj)] = (obj, result)
        return result

    return once


def write_fresh(path: Path, data: bytes) -> None:
    """Write `data` to `path`; when the file holds exactly that already (as most of a rebuild's
    staging files do), only give it the time of now, which costs a fifth of writing it again.
    Either way the file now counts as written by this build (staging.files_as_left)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            os.utime(path)
            return
    except FileNotFoundError:
        pass
    path.write_bytes(data)
