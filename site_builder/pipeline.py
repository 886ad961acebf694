"""`site-builder build`, stage by stage, as ARCHITECTURE.md draws it:

validate -> load -> derive -> docs -> charts -> downloads -> catalogue -> pages -> sync -> config
-> mkdocs (or Zensical: publish/engines.py) -> scan -> check + search -> publish

`build_site` reads top to bottom as that sequence; each stage is a module-level function that
takes data and returns data, timed and summarised on one progress line. Everything is written
into build/ and a temporary folder beside `site/`; only the last stage, a rename, touches `site/`.

Each stage does only what changed since the last build (incremental.py keeps the content
hashes): nothing at all when no input changed; no validation when the data did not change;
charts from their cache; pages written to build/staging/ and moved into build/docs/ only
when their bytes differ, so MkDocs renders only those when nothing all pages share changed;
HTML read again only where it changed; the search index kept when no indexed page changed.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Callable

from site_builder import charts as chart_renderer
from site_builder import downloads as download_writer
from site_builder import incremental
from site_builder.build_run import (
    STAGES,
    BuildPaths,
    BuildResult,
    Stages,
    describe_catalogue,
    describe_charts,
    describe_dataset,
    describe_downloads,
    describe_search,
    describe_views,
    display_path,
)
from site_builder.catalogue.stage import write_catalogue_files
from site_builder.dataset.changelog import changelog_text
from site_builder.dataset.dates import build_date as find_build_date
from site_builder.dataset.dates import last_commit_date
from site_builder.dataset.load import load_package
from site_builder.dataset.model import Dataset, RawPackage
from site_builder.errors import BuildError, ValidationFailed
from site_builder.incremental import BuildRecord, write_fresh
from site_builder.pages.chart_plan import ChartPlan, plan_charts
from site_builder.pages.dictionary import package_texts
from site_builder.pages.editions import EDITION_FOLDERS, LANGUAGE_NAMES, Edition, configured_site_url, load_editions
from site_builder.pages.formatting import format_date
from site_builder.pages.page_cache import PageCache
from site_builder.pages.paths import COMMUNE_LOOKUP
from site_builder.pages.render import PageContext, render_pages
from site_builder.pages.translations import Translations
from site_builder.publish.engines import DEFAULT_ENGINE, MKDOCS, ZENSICAL, check_engine, engine_config
from site_builder.publish.html_scan import PageScan, scan_site
from site_builder.publish.link_check import check_site
from site_builder.publish.mkdocs_config import read_base_config, repository_url, site_config, stage_theme, write_config
from site_builder.publish.mkdocs_run import run_mkdocs
from site_builder.publish.search_index import INDEX_FOLDER, index_site
from site_builder.publish.staging import (
    files_as_left,
    hand_written_pages,
    prepare_docs,
    sync_folder,
    write_commune_lookup,
    write_pages,
)
from site_builder.publish.swap import copy_previous_site, publish, temporary_output
from site_builder.publish.zensical_run import run_zensical
from site_builder.releases.status import ReleaseStatus, release_status
from site_builder.releases.store import read_releases
from site_builder.views import Site, derive_site
from site_builder.views.communes import commune_lookup

# The file the bulk conversion page offers to try (communes/sample-addresses.csv).
SAMPLE_ADDRESSES = Path(__file__).resolve().parent / "addresses" / "sample-addresses.csv"

__all__ = ["BuildPaths", "BuildResult", "STAGES", "ValidationFailed", "build_site", "validate_data"]


def build_site(
    paths: BuildPaths,
    *,
    languages: tuple[str, ...] = tuple(EDITION_FOLDERS),
    date: str | None = None,
    validator: Callable[[Path], list[str]] | None | str = "project",
    progress: Callable[[str], None] = print,
    workers: int | None = None,
    force: bool = False,
    search: bool = True,
    engine: str = DEFAULT_ENGINE,
) -> BuildResult:
    """Build the whole site, every edition, into `paths.site_dir`, or raise BuildError leaving it
    untouched. English is at the root; each other language in `languages` under its folder.

    `validator` defaults to the project's validator; None skips validation (tests building
    fixture packages). `date` overrides the build date (else SOURCE_DATE_EPOCH, the last
    commit, the newest date in the data). `force` ignores what earlier builds left in build/.
    `search=False` leaves the search index out (the preview of `site-builder serve`). `engine`
    renders the generated docs: "mkdocs" (MkDocs + mkdocs-material) or "zensical" (publish/engines.py).
    """
    check_engine(engine)
    incremental.refuse_tracked_work_dir(paths.root, paths.work_dir)
    editions = load_editions(languages)
    record = BuildRecord() if force else incremental.read_record(paths.work_dir)
    # Hashed once per build, for every decision that needs them (the data may be a million rows).
    packages = incremental.digest_folders(paths.data_dir)
    data = incremental.digest_text(*(f"{path.name} {digest}" for path, digest in packages.items()))
    code = incremental.digest_files(incremental.PACKAGE_DIR)
    inputs = digest_inputs(paths, editions, validator, date, search, data, code, engine)
    if inputs and record.inputs == inputs and record.describes(paths.site_dir):
        progress(
            f"Nothing changed since the last build: {display_path(paths.site_dir, paths.root)} is up to date (--force rebuilds it)."
        )
        return BuildResult(paths.site_dir, "", (), 0, 0, up_to_date=True)
    stages = Stages(progress)
    drawers = chart_renderer.ChartWorkers(workers)
    try:
        if chart_renderer.first_drawing(paths.chart_cache):  # every chart is to draw: start now
            drawers.start(paths.chart_cache)
        validated = validate_once(paths, validator, record, stages, incremental.digest_text(data, code))
        dataset, raw = stages.run("load", load_package, paths.data_dir, packages, summary=describe_dataset)
        when = date or find_build_date(paths.root, dataset)
        site, plans = stages.run("derive", derive, dataset, editions, summary=describe_views)
        rendered, contexts, generated = write_docs(site, raw, plans, editions, paths, when, drawers, stages, code)
    finally:
        drawers.close()
    configs, site_wide = stages.run(
        "config",
        configure_mkdocs,
        read_base_config(paths.config_file),
        contexts["page_assets"],
        editions,
        paths,
        when,
        engine,
        summary=lambda r: f"{len(r[0])} configuration(s)",
    )
    # Zensical renders every page each time: it never builds into a copy of the published site.
    dirty = engine == MKDOCS and record.describes(paths.site_dir) and record.site_wide == site_wide
    with temporary_output(paths.site_dir) as output:
        indexed = build_and_check(configs, output, when, paths, record, dirty, stages, search, engine)
        stages.run(
            "publish",
            publish,
            output,
            paths.site_dir,
            paths.spare_site,
            summary=lambda _: display_path(paths.site_dir, paths.root),
        )
    incremental.write_record(
        paths.work_dir, BuildRecord(inputs, validated, incremental.site_identity(paths.site_dir), site_wide, indexed)
    )
    result = BuildResult(paths.site_dir, when, tuple(stages.timings), len(generated), len(rendered), contexts["en"].downloads)
    progress(
        f"Built {result.pages} generated pages and {result.charts} charts into {display_path(paths.site_dir, paths.root)} "
        f"in {result.total_seconds:.2f} s (build date {when})."
    )
    return result


def digest_inputs(
    paths: BuildPaths,
    editions: tuple[Edition, ...],
    validator,
    date: str | None,
    search: bool,
    data: str,
    code: str,
    engine: str = DEFAULT_ENGINE,
) -> str:
    """The hash of everything the build reads (`data` and `code`: the hashes of the data and of the
    builder); empty (never up to date) with a validator of a test's own."""
    if validator not in ("project", None):
        return ""
    when = date or os.environ.get("SOURCE_DATE_EPOCH", "") or last_commit_date(paths.root)
    files = incremental.digest_files(paths.docs_dir, paths.config_file, paths.releases_dir)
    return incremental.digest_text(
        data, code, files, incremental.tool_versions(), [e.lang for e in editions], validator, when, search, engine
    )


def validate_once(paths: BuildPaths, validator, record: BuildRecord, stages: Stages, data_and_code: str) -> str:
    """Validate the data unless this very data (and validator: `data_and_code`) passed the project's
    validation last time; the hash of what passed (empty when nothing is to be remembered)."""
    validator = validate_data if validator == "project" else validator
    data = data_and_code if validator is validate_data else ""
    if data and record.validated == data:
        stages.run("validate", lambda: None, summary=lambda _: "no problems (the same data passed last time)")
        return data
    stages.run("validate", check_data, paths.data_dir, validator, summary=lambda _: "no problems" if validator else "skipped")
    return data


def write_docs(site, raw, plans, editions, paths: BuildPaths, when: str, drawers, stages: Stages, code: str):
    """Charts, downloads and pages written into build/staging/, then what changed moved into
    build/docs/ (MkDocs' folders); (charts, contexts with "page_assets", generated pages)."""
    hand_written, left_before = stages.run(
        "docs", prepare_edition_docs, paths, editions, summary=lambda r: f"{sum(map(len, r[0].values()))} hand-written files"
    )
    drawing, page_assets = stages.run("charts", draw_charts, plans, paths, drawers, summary=describe_charts)
    base_config = read_base_config(paths.config_file)
    site_url = configured_site_url(base_config, display_path(paths.config_file, paths.root))
    releases = read_releases(paths.root)
    status = release_status(releases, paths.data_dir)
    contexts = {e.lang: page_context(raw, base_config, when, e.t, e.url(site_url), status) for e in editions}
    contexts = stages.run("downloads", write_downloads, site, raw, contexts, paths.staging_docs, summary=describe_downloads)
    contexts = stages.run(
        "catalogue", write_catalogue_files, site, raw, contexts, paths, releases, status, summary=describe_catalogue
    )
    generated = stages.run(
        "pages",
        write_site_pages,
        site,
        drawing,
        plans,
        contexts,
        editions,
        paths,
        hand_written,
        code,
        summary=lambda r: f"{len(r)} pages in {len(editions)} edition(s)",
    )
    stages.run(
        "sync",
        lambda: sum(sync_folder(paths.staging_for(e), paths.docs_for(e), left_before[e.lang]) for e in editions),
        summary=lambda n: f"{n} file(s) changed in {display_path(paths.work_dir, paths.root)}",
    )
    return drawing.rendered, {**contexts, "page_assets": page_assets}, generated


def build_and_check(
    configs,
    output: Path,
    when: str,
    paths: BuildPaths,
    record: BuildRecord,
    dirty: bool,
    stages: Stages,
    search: bool = True,
    engine: str = DEFAULT_ENGINE,
) -> str:
    """MkDocs into `output` (only the changed pages when `dirty`), then one reading of its HTML
    for the checks and the search index, which run side by side; the hash of the indexed pages."""
    if dirty:
        stages.run(
            "copy",
            copy_previous_site,
            paths.site_dir,
            output,
            paths.spare_site,
            summary=lambda n: f"{n} file(s) copied from the published site",
        )
    stages.run(
        "mkdocs",
        run_editions,
        configs,
        output,
        when,
        dirty,
        engine,
        summary=lambda _: f"{engine}, " + ("strict, changed pages only" if dirty else "strict"),
    )
    scans = stages.run(
        "scan", scan_site, output, paths.work_dir / "html-scan.json", INDEX_FOLDER, summary=lambda r: f"{len(r)} HTML pages"
    )
    indexed = incremental.digest_text(sorted((rel, s.digest) for rel, s in scans.items() if s.has_article))
    keep_index = not search or (dirty and record.indexed == indexed and (output / INDEX_FOLDER).is_dir())
    if not search:  # an index copied from the previous site would no longer match its pages
        indexed = ""
        shutil.rmtree(output / INDEX_FOLDER, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        indexing = pool.submit(lambda: None if keep_index else index_site(output, scans))
        stages.run(
            "check",
            check_output,
            output,
            scans,
            configured_site_url(read_base_config(paths.config_file)),
            summary=lambda n: f"{n} HTML files: links resolve, no resource from another host",
        )
        stages.run(
            "search",
            indexing.result,
            summary=lambda r: (
                describe_search(r) if r else "no indexed page changed: index kept" if search else "left out (preview)"
            ),
        )
    return indexed


def validate_data(data_dir: Path) -> list[str]:
    """Run the project's validator; return its report lines (empty when the data is valid)."""
    from site_builder.validate import format_problem, validate_packages

    return [format_problem(problem, "text") for problem in validate_packages(data_dir)]


def check_data(data_dir: Path, validator: Callable[[Path], list[str]] | None) -> None:
    lines = validator(data_dir) if validator else []
    if lines:
        raise ValidationFailed(lines)


def derive(dataset: Dataset, editions: tuple[Edition, ...]) -> tuple[Site, dict[str, ChartPlan]]:
    """The views of the site, once, and each edition's charts (their text is in its language)."""
    site = derive_site(dataset)
    return site, {e.lang: plan_charts(site, e.t) for e in editions}


def prepare_edition_docs(paths: BuildPaths, editions: tuple[Edition, ...]) -> tuple[dict[str, list[str]], dict]:
    """Each edition's staging folder with its hand-written pages (docs/, docs/vi/ ...); and, by
    edition, the files an earlier build left there (sync_folder leaves out those not written again)."""
    folders = tuple(folder for folder in EDITION_FOLDERS.values() if folder)  # docs/vi/ is never an English page
    left = {e.lang: files_as_left(paths.staging_for(e)) for e in editions}
    hand_written = {
        e.lang: prepare_docs(paths.docs_dir / e.folder if e.folder else paths.docs_dir, paths.staging_for(e), folders)
        for e in editions
    }
    return hand_written, left


def draw_charts(plans: dict[str, ChartPlan], paths: BuildPaths, drawers: chart_renderer.ChartWorkers) -> tuple:
    """Every edition's charts, in one call (a spec shared by editions is drawn once), into the site
    root's assets, which every edition links to: their files written and their drawing started
    (the pages stage waits for it); and the scripts and stylesheets every page links to."""
    staging = paths.staging_docs
    requests = [request for plan in plans.values() for request in plan.requests]
    # Charts past the first few of a page are drawn by the reader's browser, not here.
    deferred = frozenset().union(*(plan.deferred for plan in plans.values()))
    drawing = chart_renderer.start_charts(requests, staging, drawers, cache_dir=paths.chart_cache, deferred=deferred)
    if drawers.bundle is not None:
        drawers.bundle.result()  # a worker is caching the Vega bundle: wait rather than make it twice
    return drawing, chart_renderer.write_chart_assets(staging, cache_dir=paths.chart_cache)


def page_context(
    raw: RawPackage, base_config: dict, when: str, t: Translations, site_url: str = "", status: ReleaseStatus | None = None
) -> PageContext:
    """What every page of an edition shows besides its own data: the build date, licence, citation
    (`site_url`: the edition's full address; naming the release the data is, releases/status.py)."""
    status = status or ReleaseStatus()
    if status.shown:
        note = t("release.note", date=status.shown)
    else:
        note = t("release.note_after", date=status.latest) if status.latest else t("release.note_none")
    package = package_texts(raw.descriptor, t.text)
    return PageContext(
        build_date=when,
        site_name=t("site.name"),
        repository_url=repository_url(base_config),
        licence_name=package["licence_name"],
        licence_url=package["licence_url"],
        citation=t(
            "cite.dataset",
            site=t("site.name"),
            name=raw.descriptor.get("name", ""),
            version=raw.descriptor.get("version", ""),
            release=note,
            date=format_date(when, t),
            url=site_url + "data/",
        ),
        site_url=site_url,
        descriptor=raw.descriptor,
        release=status.shown,
        release_note=note,
    )


def write_downloads(site: Site, raw: RawPackage, contexts: dict[str, PageContext], staging: Path) -> dict[str, PageContext]:
    """Write data/ once (package files, one CSV of figures and one of units per province, cited in
    English); return each edition's context listing them."""
    english = contexts["en"]
    others = {name: (package.descriptor, package.tables) for name, package in raw.others.items()}
    written = download_writer.write_downloads(
        raw.descriptor,
        raw.tables,
        staging,
        english.build_date,
        english.citation,
        others,
        citations={lang: c.citation for lang, c in contexts.items()},
        changelog=changelog_text(site.dataset.changelog) if site.dataset.changelog else "",
    )
    shown_ids = {view.province.id: view.province_ids for view in site.current + site.former}
    province_files = download_writer.write_province_files(
        raw.descriptor, raw.tables.get("figures", []), shown_ids, staging, raw.tables.get("sources", [])
    )
    unit_files = download_writer.write_unit_files(
        {v.province.id: v.communes for v in site.current + site.former if v.communes}, staging
    )
    per_province = {f"{pid}.figures": d for pid, d in province_files.items()} | {
        f"{pid}.units": d for pid, d in unit_files.items()
    }
    listed = {
        "downloads": tuple(written),
        "province_downloads": province_files,
        "unit_downloads": unit_files,
        "province_checksums": download_writer.write_folder_checksums(staging, per_province),
        "other_descriptors": {n: d for n, (d, _) in others.items()},
    }
    return {lang: PageContext(**{**c.__dict__, **listed}) for lang, c in contexts.items()}


def write_site_pages(
    site: Site,
    drawing: chart_renderer.ChartDrawing,
    plans: dict[str, ChartPlan],
    contexts: dict[str, PageContext],
    editions: tuple[Edition, ...],
    paths: BuildPaths,
    hand_written: dict[str, list[str]],
    code: str,
) -> dict[str, str]:
    """Every edition's pages rendered and written into its staging folder; all of them by path in the
    site. `code`, the hash of the builder, keys the page cache with the pages' own data.

    The pages are rendered while the charts are drawn, with a placeholder for each inline SVG
    (so a cached page does not depend on the drawing either); the SVGs go in before writing."""
    cache = PageCache(paths.work_dir / "page-cache", code)
    rendered = {
        e: render_pages(site, drawing.rendered, plans[e.lang], contexts[e.lang], e.t, to_site_root=e.to_site_root, cache=cache)
        for e in editions
    }
    cache.forget_unused()
    drawing.finish()
    generated: dict[str, str] = {}
    for e, pages in rendered.items():
        pages = {md_path: drawing.inline(text) for md_path, text in pages.items()}
        write_pages(paths.staging_for(e), pages, hand_written[e.lang])
        generated |= {e.path_in_site(md_path): text for md_path, text in pages.items()}
    # The "Find your commune" lookup and the conversion page's sample file, once at the site root for every edition.
    write_commune_lookup(commune_lookup(site.dataset.provinces, site.dataset.units), paths.staging_docs / COMMUNE_LOOKUP)
    write_fresh(paths.staging_docs / "communes" / SAMPLE_ADDRESSES.name, SAMPLE_ADDRESSES.read_bytes())
    return generated


def configure_mkdocs(
    base_config: dict,
    page_assets: chart_renderer.PageAssets,
    editions: tuple[Edition, ...],
    paths: BuildPaths,
    when: str,
    engine: str = DEFAULT_ENGINE,
) -> tuple[list[tuple[Path, str]], dict[str, str]]:
    """One MkDocs configuration per edition; returns (configuration file, folder in the site) of
    each, and the hash of what all pages of each edition share (incremental.py)."""
    configs, site_wide = [], {}
    theme = stage_theme(paths.work_dir)
    shared = incremental.digest_text(incremental.digest_files(paths.work_dir / theme), incremental.tool_versions(), when)
    for e in editions:
        alternates = (
            tuple(
                (
                    LANGUAGE_NAMES[other.lang],
                    other.lang,
                    e.to_site_root + (other.folder + "/" if other.folder else ""),
                    other.url(configured_site_url(base_config)) if base_config.get("site_url") else "",
                )
                for other in editions
            )
            if len(editions) > 1
            else ()
        )
        config_file = paths.config_for(e)
        site_dir = os.path.relpath(paths.site_dir, paths.work_dir) + (f"/{e.folder}" if e.folder else "")
        config = site_config(
            base_config,
            docs_dir=paths.docs_for(e).name,
            site_dir=site_dir,
            extra_javascript=list(page_assets.scripts),
            extra_css=list(page_assets.stylesheets),
            t=e.t,
            to_site_root=e.to_site_root,
            alternates=alternates,
            custom_dir=theme,
            hand_written=hand_written_pages(paths.docs_dir / e.folder if e.folder else paths.docs_dir, EDITION_OTHERS),
        )
        if base_config.get("site_url"):  # each edition's canonical addresses and sitemap are its own
            config["site_url"] = e.url(configured_site_url(base_config))
        write_config(engine_config(config, engine), config_file)
        configs.append((config_file, e.folder))
        files = sorted(p.relative_to(paths.docs_for(e)).as_posix() for p in paths.docs_for(e).rglob("*") if p.is_file())
        site_wide[e.lang] = incremental.digest_text(shared, config_file.read_bytes(), files)
    return configs, site_wide


# The folders of docs/ that hold an edition's own pages (docs/vi/), never English pages.
EDITION_OTHERS = tuple(folder for folder in EDITION_FOLDERS.values() if folder)


def run_editions(
    configs: list[tuple[Path, str]], output: Path, when: str, dirty: bool = False, engine: str = DEFAULT_ENGINE
) -> None:
    """MkDocs once per edition, English at the site root, the others in their folders, side by
    side when there are cores for it. None may clean the output folder (it would delete another
    edition's pages), so each is a "dirty" build: on the empty folder of a clean build that
    renders every page, exactly as a clean build does; on a copy of the site, the changed ones."""
    jobs = [(config_file, output / folder if folder else output) for config_file, folder in configs]
    if engine == ZENSICAL:  # one after the other: both write Zensical's cache in the work folder
        for config_file, target in jobs:
            run_zensical(config_file, target, when)
        return
    if len(jobs) == 1 or (os.cpu_count() or 1) == 1:
        for config_file, target in jobs:
            run_mkdocs(config_file, target, when, dirty=dirty)
        return
    # A fresh interpreter per other edition (not a fork: a test's browser may be running threads).
    with ProcessPoolExecutor(max_workers=len(jobs) - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        others = [pool.submit(run_mkdocs, config_file, target, when, dirty=True) for config_file, target in jobs[1:]]
        run_mkdocs(*jobs[0], when, dirty=True)
        for other in others:
            other.result()


def check_output(output: Path, scans: dict[str, PageScan], site_url: str = "") -> int:
    """Check the built HTML (`site_url`: the site's full address, which canonical links name and
    from whose path 404 pages link); the number of pages checked, or BuildError listing the problems."""
    problems = check_site(output, scans, skip=INDEX_FOLDER, site_url=site_url)
    if problems:
        shown = problems[:30]
        more = f"\n  … and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        raise BuildError("The built site has problems:" + "".join(f"\n  - {p}" for p in shown) + more)
    return len(scans)
