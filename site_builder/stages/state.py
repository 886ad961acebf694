"""A build's state as it goes through the stages: what it was asked for, what it knows of the last
build (incremental.py), and each stage's product, in the order the stages make them."""

from __future__ import annotations

import os
from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from site_builder import incremental
from site_builder.build_paths import BuildPaths
from site_builder.charts.workers import ChartWorkers
from site_builder.dataset.dates import last_commit_date
from site_builder.incremental import BuildRecord
from site_builder.pages.editions import Edition
from site_builder.publish.mkdocs_config import read_base_config

if TYPE_CHECKING:
    from site_builder.charts.assets import PageAssets
    from site_builder.charts.render import ChartDrawing
    from site_builder.dataset.model import Dataset, RawPackage
    from site_builder.pages.chart_plan import ChartPlan
    from site_builder.pages.render import PageContext
    from site_builder.publish.html_scan import PageScan
    from site_builder.releases.status import ReleaseStatus
    from site_builder.views import Site


@dataclass
class Build:
    paths: BuildPaths
    editions: tuple[Edition, ...]
    date: str | None  # the build date asked for (else SOURCE_DATE_EPOCH, the last commit, the data)
    validator: Callable | str | None  # "project", a test's own, or None: no validation
    search: bool  # False: no search index (the preview)
    engine: str  # "mkdocs" or "zensical" (publish/engines.py)
    record: BuildRecord  # what the last build saw (empty with --force)
    packages: dict[Path, str]  # each package folder's hash, hashed once per build
    data: str  # the hash of all the data
    code: str  # the hash of the builder's code, templates and translations
    inputs: str  # the hash of everything the build reads (empty: never up to date)
    drawers: ChartWorkers
    base_config: dict = field(default_factory=dict)  # mkdocs.yml through its allow-list, read once
    resources: ExitStack = field(default_factory=ExitStack)  # closed when the build ends, or fails
    # Each stage's product, in stage order.
    validated: str = ""
    dataset: Dataset | None = None
    raw: RawPackage | None = None
    when: str = ""
    site: Site | None = None
    plans: dict[str, ChartPlan] = field(default_factory=dict)
    hand_written: dict[str, list[str]] = field(default_factory=dict)
    left_before: dict[str, dict] = field(default_factory=dict)
    drawing: ChartDrawing | None = None
    page_assets: PageAssets | None = None
    releases: tuple = ()  # releases/store.py
    release_status: ReleaseStatus | None = None
    contexts: dict[str, PageContext] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    configs: list[tuple[Path, str]] = field(default_factory=list)
    site_wide: dict[str, str] = field(default_factory=dict)
    dirty: bool = False  # MkDocs renders only the changed pages into a copy of the published site
    output: Path | None = None  # the temporary folder beside site/ that publishing renames
    scans: dict[str, PageScan] = field(default_factory=dict)
    indexed: str = ""
    indexing: Future | None = None


def start_build(paths: BuildPaths, editions, *, date, validator, workers, force, search, engine) -> Build:
    """The state a build starts from: the record of the last build and the hashes of the inputs."""
    incremental.refuse_tracked_work_dir(paths.root, paths.work_dir)
    packages = incremental.digest_folders(paths.data_dir)
    data = incremental.digest_text(*(f"{path.name} {digest}" for path, digest in packages.items()))
    code = incremental.digest_files(incremental.PACKAGE_DIR)
    return Build(
        paths=paths,
        editions=editions,
        date=date,
        validator=validator,
        search=search,
        engine=engine,
        record=BuildRecord() if force else incremental.read_record(paths.work_dir),
        packages=packages,
        data=data,
        code=code,
        inputs=digest_inputs(paths, editions, validator, date, search, data, code, engine),
        drawers=ChartWorkers(workers),
        base_config=read_base_config(paths.config_file),
    )


def digest_inputs(paths: BuildPaths, editions, validator, date, search: bool, data: str, code: str, engine: str) -> str:
    """The hash of everything the build reads (`data` and `code`: the hashes of the data and of the
    builder); empty (never up to date) with a validator of a test's own."""
    if validator not in ("project", None):
        return ""
    when = date or os.environ.get("SOURCE_DATE_EPOCH", "") or last_commit_date(paths.root)
    files = incremental.digest_files(paths.docs_dir, paths.config_file, paths.releases_dir)
    return incremental.digest_text(
        data, code, files, incremental.tool_versions(), [e.lang for e in editions], validator, when, search, engine
    )


def up_to_date(build: Build) -> bool:
    """Nothing the build reads changed since the last build, whose site is still the published one."""
    return bool(build.inputs) and build.record.inputs == build.inputs and build.record.describes(build.paths.site_dir)


def remember(build: Build) -> None:
    """What this build saw, for the next one (after publishing)."""
    site = incremental.site_identity(build.paths.site_dir)
    incremental.write_record(
        build.paths.work_dir, BuildRecord(build.inputs, build.validated, site, build.site_wide, build.indexed)
    )
