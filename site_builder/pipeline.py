"""`site-builder build`, stage by stage: validate, load, derive, stage the docs, render charts,
write downloads, write pages, configure and run MkDocs, check the output, publish.

Each stage is a named step timed on the terminal. Everything is written into `build/docs/`
and a temporary folder beside `site/`; only the last stage, a rename, touches `site/`.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from site_builder import charts as chart_renderer
from site_builder import downloads as download_writer
from site_builder.pages.chart_plan import plan_charts
from site_builder.publish.link_check import check_site
from site_builder.dataset.dates import build_date as find_build_date
from site_builder.views import derive_site
from site_builder.errors import BuildError
from site_builder.pages.formatting import format_date
from site_builder.dataset.load import load_package
from site_builder.pages.render import PageContext, ProvinceFile, figure_rows_for, render_pages
from site_builder.publish.mkdocs_config import read_base_config, repository_url, run_mkdocs, site_config, write_config
from site_builder.publish.staging import prepare_docs, publish, temporary_output, write_pages
from site_builder.pages.translations import load_translations


class ValidationFailed(BuildError):
    """The data did not validate; `lines` are the validator's report, one problem each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class BuildPaths:
    root: Path  # the project: datapackages/, docs/, mkdocs.yml
    data_dir: Path  # datapackages/
    docs_dir: Path  # hand-written pages
    config_file: Path  # the top-level mkdocs.yml
    work_dir: Path  # build/: staging docs and the generated mkdocs.yml
    site_dir: Path  # the published site

    @classmethod
    def for_project(cls, root: Path, *, data_dir: Path | None = None, site_dir: Path | None = None,
                    work_dir: Path | None = None) -> "BuildPaths":
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
        return self.work_dir / "docs"

    @property
    def build_config(self) -> Path:
        return self.work_dir / "mkdocs.yml"


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

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.timings)


def validate_data(data_dir: Path) -> list[str]:
    """Run the project's validator; return its report lines (empty when the data is valid)."""
    try:
        from site_builder.validate import format_problem, validate_packages
    except ImportError as error:
        raise BuildError(f"The validator (site_builder.validate) cannot be imported: {error}.") from None
    return [format_problem(problem, "text") for problem in validate_packages(data_dir)]


STAGES = ("validate", "load", "derive", "docs", "charts", "downloads", "pages", "config", "mkdocs", "check", "publish")


def build_site(
    paths: BuildPaths,
    *,
    lang: str = "en",
    date: str | None = None,
    validator: Callable[[Path], list[str]] | None | str = "project",
    progress: Callable[[str], None] = print,
    workers: int | None = None,
) -> BuildResult:
    """Build the whole site into `paths.site_dir`, or raise BuildError leaving it untouched.

    `validator` defaults to the project's validator; None skips validation (tests building
    fixture packages). `date` overrides the build date (else SOURCE_DATE_EPOCH, the last
    commit, the newest date in the data).
    """
    if validator == "project":
        validator = validate_data

    timings: list[StageTiming] = []

    def stage(name: str, action, summarize=lambda result: ""):
        started = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - started
        summary = summarize(result)
        timings.append(StageTiming(name, seconds, summary))
        number = STAGES.index(name) + 1 if name in STAGES else 0
        progress(f"[{number:2d}/{len(STAGES)}] {name:<10} {seconds:7.2f} s  {summary}".rstrip())
        return result

    def validate():
        lines = validator(paths.data_dir) if validator else []
        if lines:
            raise ValidationFailed(lines)
        return lines

    stage("validate", validate, lambda _: "no problems" if validator else "skipped")
    t = load_translations(lang)
    dataset, raw = stage("load", lambda: load_package(paths.data_dir),
                         lambda r: f"{len(r[0].provinces)} provinces, {len(r[0].figures)} figures, {len(r[0].sources)} sources")
    when = date or find_build_date(paths.root, dataset)
    site, plan = stage("derive", lambda: _derive(dataset, t),
                       lambda r: f"{len(r[0].current)} current, {len(r[0].former)} former provinces, {len(r[1].requests)} charts")
    staging = paths.staging_docs
    hand_written = stage("docs", lambda: prepare_docs(paths.docs_dir, staging), lambda r: f"{len(r)} hand-written files")

    def charts():
        rendered = chart_renderer.render_charts(list(plan.requests), staging, workers=workers, cache_dir=paths.work_dir / "chart-cache")
        scripts = chart_renderer.write_chart_assets(staging)
        return rendered, scripts

    rendered, scripts = stage("charts", charts, lambda r: f"{len(r[0])} charts, {len({c.svg_path for c in r[0].values()})} distinct")
    base_config = read_base_config(paths.config_file)
    citation = t("cite.dataset", site=t("site.name"), name=raw.descriptor.get("name", ""),
                 version=raw.descriptor.get("version", ""), date=format_date(when, t))

    def downloads():
        written = download_writer.write_downloads(raw.descriptor, raw.tables, staging, when, citation)
        return tuple(written), _province_files(site, raw, staging, download_writer.figures_csv)

    written, province_files = stage("downloads", downloads, lambda r: f"{len(r[0])} package files, {len(r[1])} province files")
    licence = (raw.descriptor.get("licenses") or [{}])[0]
    context = PageContext(
        build_date=when,
        site_name=t("site.name"),
        repository_url=repository_url(base_config),
        licence_name=licence.get("title") or licence.get("name", ""),
        licence_url=licence.get("path", ""),
        citation=citation,
        descriptor=raw.descriptor,
        downloads=written,
        province_downloads=province_files,
    )

    def pages():
        generated = render_pages(site, rendered, plan, context, t)
        write_pages(staging, generated, hand_written)
        return generated

    generated = stage("pages", pages, lambda r: f"{len(r)} pages")

    def configure():
        config = site_config(base_config, docs_dir="docs", site_dir=os.path.relpath(paths.site_dir, paths.work_dir),
                             extra_javascript=scripts, t=t)
        write_config(config, paths.build_config)
        return config

    stage("config", configure, lambda _: str(paths.build_config.relative_to(paths.root)) if paths.build_config.is_relative_to(paths.root) else str(paths.build_config))
    with temporary_output(paths.site_dir) as output:
        stage("mkdocs", lambda: run_mkdocs(paths.build_config, output, when), lambda _: "strict")

        def check():
            problems = check_site(output)
            if problems:
                shown = problems[:30]
                more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
                raise BuildError("The built site has problems:" + "".join(f"\n  - {p}" for p in shown) + more)
            return sum(1 for _ in output.rglob("*.html"))

        stage("check", check, lambda n: f"{n} HTML files: links resolve, no resource from another host")
        stage("publish", lambda: publish(output, paths.site_dir), lambda _: f"{_display(paths.site_dir, paths.root)}")
    result = BuildResult(
        site_dir=paths.site_dir,
        build_date=when,
        timings=tuple(timings),
        pages=len(generated),
        charts=len(rendered),
        downloads=written,
    )
    progress(f"Built {result.pages} generated pages and {result.charts} charts into {_display(paths.site_dir, paths.root)} "
             f"in {result.total_seconds:.2f} s (build date {when}).")
    return result


def _derive(dataset, t):
    site = derive_site(dataset)
    return site, plan_charts(site, t)


def _province_files(site, raw, docs_dir: Path, figures_csv) -> dict:
    """Write data/provinces/<id>.csv for every province: its figures and its predecessors'."""
    folder = docs_dir / "data" / "provinces"
    folder.mkdir(parents=True, exist_ok=True)
    figure_resource = next((r for r in raw.descriptor.get("resources", []) if r.get("name") == "figures"), {})
    columns = [f["name"] for f in figure_resource.get("schema", {}).get("fields", [])]
    rows = raw.tables.get("figures", [])
    files = {}
    for view in site.current + site.former:
        data = figures_csv(figure_rows_for(view, rows), columns)
        name = f"{view.province.id}.csv"
        (folder / name).write_bytes(data)
        files[view.province.id] = ProvinceFile(name=name, path=f"data/provinces/{name}", size=len(data),
                                               sha256=hashlib.sha256(data).hexdigest())
    return files


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) + "/"
    except ValueError:
        return str(path)
