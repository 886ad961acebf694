"""The bookkeeping of a build: where it reads and writes (BuildPaths), the timed stages
(Stages, one progress line each), what it produced (BuildResult), and each stage's summary."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from site_builder.charts.render import chart_counts
from site_builder.dataset.model import Dataset, RawPackage
from site_builder.pages.chart_plan import ChartPlan
from site_builder.pages.editions import Edition
from site_builder.pages.render import PageContext
from site_builder.publish.search_index import SearchIndex
from site_builder.views import Site

# "copy" runs only when MkDocs renders just the changed pages into a copy of the published site.
STAGES = (
    "validate",
    "load",
    "derive",
    "docs",
    "charts",
    "downloads",
    "catalogue",
    "pages",
    "sync",
    "config",
    "copy",
    "mkdocs",
    "scan",
    "check",
    "search",
    "publish",
)


@dataclass(frozen=True)
class BuildPaths:
    root: Path  # the project: datapackages/, docs/, mkdocs.yml
    data_dir: Path  # datapackages/
    docs_dir: Path  # hand-written pages
    config_file: Path  # the top-level mkdocs.yml
    work_dir: Path  # build/: staging docs and the generated mkdocs.yml
    site_dir: Path  # the published site

    @classmethod
    def for_project(
        cls, root: Path, *, data_dir: Path | None = None, site_dir: Path | None = None, work_dir: Path | None = None
    ) -> "BuildPaths":
        root = Path(root).resolve()
        return cls(
            root=root,
            data_dir=Path(data_dir).resolve() if data_dir else root / "datapackages",
            docs_dir=root / "docs",
            config_file=root / "mkdocs.yml",
            work_dir=Path(work_dir).resolve() if work_dir else root / "build",
            site_dir=Path(site_dir).resolve() if site_dir else root / "site",
        )

    @property
    def staging_docs(self) -> Path:
        """Where this build writes the English docs; what changed is then moved into docs_for()."""
        return self.work_dir / "staging" / "docs"

    @property
    def releases_dir(self) -> Path:
        """The dated releases kept in the repository (site_builder/releases/)."""
        return self.root / "releases"

    @property
    def spare_site(self) -> Path:
        """The site before the published one, which the next incremental build starts from."""
        return self.work_dir / "previous-site"

    @property
    def chart_cache(self) -> Path:
        """Drawn charts and the Vega bundle, kept across builds (charts/cache.py)."""
        return self.work_dir / "chart-cache"

    @property
    def build_config(self) -> Path:
        return self.work_dir / "mkdocs.yml"

    def staging_for(self, edition: Edition) -> Path:
        """The staging docs folder of an edition: build/staging/docs/ for English, build/staging/docs-vi/ ..."""
        return self.staging_docs if not edition.folder else self.work_dir / "staging" / f"docs-{edition.folder}"

    def docs_for(self, edition: Edition) -> Path:
        """The docs folder MkDocs reads for an edition: build/docs/ for English, build/docs-vi/ ..."""
        return self.work_dir / ("docs" if not edition.folder else f"docs-{edition.folder}")

    def config_for(self, edition: Edition) -> Path:
        return self.build_config if not edition.folder else self.work_dir / f"mkdocs.{edition.folder}.yml"


@dataclass(frozen=True)
class StageTiming:
    name: str
    seconds: float
    summary: str


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    build_date: str
    timings: tuple[StageTiming, ...]
    pages: int
    charts: int
    downloads: tuple = field(default=())
    up_to_date: bool = False  # nothing had changed: the build did nothing

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.timings)


class Stages:
    """Runs each stage, timing it and printing one progress line `[ n/12] name  seconds  summary`."""

    def __init__(self, progress: Callable[[str], None]):
        self.progress = progress
        self.timings: list[StageTiming] = []

    def run(self, name: str, action: Callable, *args, summary: Callable = lambda result: ""):
        started = time.perf_counter()
        result = action(*args)
        seconds = time.perf_counter() - started
        text = summary(result)
        self.timings.append(StageTiming(name, seconds, text))
        number = STAGES.index(name) + 1 if name in STAGES else 0
        self.progress(f"[{number:2d}/{len(STAGES)}] {name:<10} {seconds:7.2f} s  {text}".rstrip())
        return result


def describe_dataset(loaded: tuple[Dataset, RawPackage]) -> str:
    dataset = loaded[0]
    return f"{len(dataset.provinces)} provinces, {len(dataset.figures)} figures, {len(dataset.sources)} sources"


def describe_views(derived: tuple[Site, dict[str, ChartPlan]]) -> str:
    site, plans = derived
    charts = sum(len(plan.requests) for plan in plans.values())
    return f"{len(site.current)} current, {len(site.former)} former provinces, {charts} charts in {len(plans)} edition(s)"


def describe_charts(drawn: tuple) -> str:
    rendered = drawn[0].rendered
    distinct, deferred = chart_counts(rendered)
    return f"{len(rendered)} charts, {distinct} distinct drawn (while the pages render)" + (
        f", {deferred} left to the browser" if deferred else ""
    )


def describe_search(index: SearchIndex) -> str:
    return f"Pagefind: {index.pages} pages, {index.files} files, {index.bytes / 1024:.0f} KB"


def describe_downloads(contexts: dict[str, PageContext]) -> str:
    context = contexts["en"]
    return (
        f"{len(context.downloads)} package files, {len(context.province_downloads or {})} province files, "
        f"{len(context.unit_downloads or {})} province unit files"
    )


def describe_catalogue(contexts: dict[str, PageContext]) -> str:
    context = contexts["en"]
    return (
        f"{len(context.indicator_downloads or {})} indicator files, {len(context.province_metadata or {})} province "
        f"metadata, {len(context.releases)} release(s), {context.catalogue.path if context.catalogue else 'no catalogue'}"
    )


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) + "/"
    except ValueError:
        return str(path)
