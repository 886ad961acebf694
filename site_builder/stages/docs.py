"""The stages that write the docs MkDocs renders: each edition's hand-written pages, the charts,
data/, the catalogue and the generated pages, all into build/staging/, then what changed moved
into build/docs/ (MkDocs' folders)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_builder.build_paths import display_path
from site_builder.catalogue.stage import write_catalogue_files
from site_builder.charts import start_charts, write_chart_assets
from site_builder.charts.render import chart_counts
from site_builder.downloads.data_folder import write_data_folder
from site_builder.incremental import write_fresh
from site_builder.pages.context import page_context
from site_builder.pages.editions import EDITION_OTHERS, configured_site_url
from site_builder.pages.page_cache import PageCache
from site_builder.pages.paths import COMMUNE_LOOKUP
from site_builder.pages.render import render_pages
from site_builder.publish.mkdocs_config import repository_url
from site_builder.publish.staging import files_as_left, prepare_docs, sync_folder, write_commune_lookup, write_pages
from site_builder.releases.status import release_status
from site_builder.releases.store import read_releases
from site_builder.stages.state import Build
from site_builder.views.communes import commune_lookup

# The file the bulk conversion page offers to try (communes/sample-addresses.csv).
SAMPLE_ADDRESSES = Path(__file__).resolve().parent.parent / "addresses" / "sample-addresses.csv"


def docs(build: Build) -> str:
    """Each edition's staging folder with its hand-written pages (docs/, docs/vi/ ...), after noting
    the files an earlier build left there (sync leaves out those not written again)."""
    paths = build.paths
    build.left_before = {e.lang: files_as_left(paths.staging_for(e)) for e in build.editions}
    build.hand_written = {
        e.lang: prepare_docs(paths.docs_dir / e.folder if e.folder else paths.docs_dir, paths.staging_for(e), EDITION_OTHERS)
        for e in build.editions
    }
    return f"{sum(map(len, build.hand_written.values()))} hand-written files"


def draw_charts(build: Build) -> str:
    """Every edition's charts, in one call (a spec shared by editions is drawn once), into the site
    root's assets, which every edition links to: their files written and their drawing started
    (the pages stage waits for it); and the scripts and stylesheets every page links to."""
    staging, cache = build.paths.staging_docs, build.paths.work_dir
    requests = [request for plan in build.plans.values() for request in plan.requests]
    # Charts past the first few of a page are drawn by the reader's browser, not here.
    deferred = frozenset().union(*(plan.deferred for plan in build.plans.values()))
    build.drawing = start_charts(requests, staging, build.drawers, cache_dir=cache, deferred=deferred)
    if build.drawers.bundle is not None:
        build.drawers.bundle.result()  # a worker is caching the Vega bundle: wait rather than make it twice
    build.page_assets = write_chart_assets(staging, cache_dir=cache)
    rendered = build.drawing.rendered
    distinct, deferred_count = chart_counts(rendered)
    return f"{len(rendered)} charts, {distinct} distinct drawn (while the pages render)" + (
        f", {deferred_count} left to the browser" if deferred_count else ""
    )


def downloads(build: Build) -> str:
    """Each edition's page context, and data/ written once for all of them."""
    paths = build.paths
    base_config = build.base_config
    site_url = configured_site_url(base_config, display_path(paths.config_file, paths.root))
    build.releases = read_releases(paths.root)
    build.release_status = release_status(build.releases, paths.data_dir)
    repository = repository_url(base_config)
    contexts = {
        e.lang: page_context(build.raw, repository, build.when, e.t, e.url(site_url), build.release_status)
        for e in build.editions
    }
    citations = {lang: c.citation for lang, c in contexts.items()}
    translations = {e.lang: e.t for e in build.editions}
    listed = write_data_folder(build.site, build.raw, citations, build.when, paths.staging_docs, translations)
    build.contexts = {lang: replace(c, **listed) for lang, c in contexts.items()}
    english = build.contexts["en"]
    return (
        f"{len(english.downloads)} package files, {len(english.province_downloads or {})} province files, "
        f"{len(english.unit_downloads or {})} province unit files"
    )


def catalogue(build: Build) -> str:
    build.contexts = write_catalogue_files(
        build.site, build.raw, build.contexts, build.paths, build.releases, build.release_status
    )
    context = build.contexts["en"]
    return (
        f"{len(context.indicator_downloads or {})} indicator files, {len(context.province_metadata or {})} province "
        f"metadata, {len(context.releases)} release(s), {context.catalogue.path if context.catalogue else 'no catalogue'}"
    )


def pages(build: Build) -> str:
    """Every edition's pages rendered and written into its staging folder. `build.code`, the hash of
    the builder, keys the page cache with the pages' own data.

    The pages are rendered while the charts are drawn, with a placeholder for each inline SVG
    (so a cached page does not depend on the drawing either); the SVGs go in before writing."""
    paths, drawing = build.paths, build.drawing
    cache = PageCache(paths.work_dir, build.code)
    rendered = {
        e: render_pages(
            build.site,
            drawing.rendered,
            build.plans[e.lang],
            build.contexts[e.lang],
            e.t,
            to_site_root=e.to_site_root,
            cache=cache,
        )
        for e in build.editions
    }
    cache.forget_unused()
    drawing.finish()
    build.drawers.close()  # every chart is drawn
    for e, edition_pages in rendered.items():
        edition_pages = {md_path: drawing.inline(text) for md_path, text in edition_pages.items()}
        write_pages(paths.staging_for(e), edition_pages, build.hand_written[e.lang])
        build.generated |= {e.path_in_site(md_path): text for md_path, text in edition_pages.items()}
    # The "Find your commune" lookup and the conversion page's sample file, once at the site root for every edition.
    write_commune_lookup(
        commune_lookup(build.site.dataset.provinces, build.site.dataset.units), paths.staging_docs / COMMUNE_LOOKUP
    )
    write_fresh(paths.staging_docs / "communes" / SAMPLE_ADDRESSES.name, SAMPLE_ADDRESSES.read_bytes())
    return f"{len(build.generated)} pages in {len(build.editions)} edition(s)"


def sync(build: Build) -> str:
    paths = build.paths
    changed = sum(sync_folder(paths.staging_for(e), paths.docs_for(e), build.left_before[e.lang]) for e in build.editions)
    return f"{changed} file(s) changed in {display_path(paths.work_dir, paths.root)}"
