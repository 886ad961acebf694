"""The stages that make the site from the docs: each edition's configuration, MkDocs (or Zensical)
into a temporary folder beside site/ (a rebuild starts from a copy of the published site), one
reading of the HTML for the checks and the search index, which run side by side, and the rename
that publishes it."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

from site_builder.build_paths import display_path
from site_builder.incremental import digest_text
from site_builder.pages.editions import configured_site_url
from site_builder.publish.edition_builds import configure_editions, run_editions
from site_builder.publish.engines import MKDOCS
from site_builder.publish.html_scan import scan_site
from site_builder.publish.link_check import check_output
from site_builder.publish.search_index import INDEX_FOLDER, index_site
from site_builder.publish.swap import copy_previous_site, publish, temporary_output
from site_builder.stages.state import Build


def configure(build: Build) -> str:
    """Each edition's configuration; whether MkDocs may render only the changed pages (nothing all
    pages share changed since the last build, whose site is the published one); the output folder."""
    paths = build.paths
    base_config = build.base_config
    build.configs, build.site_wide = configure_editions(
        base_config, build.page_assets, build.editions, paths, build.when, build.engine
    )
    # Zensical renders every page each time: it never builds into a copy of the published site.
    record = build.record
    build.dirty = build.engine == MKDOCS and record.describes(paths.site_dir) and record.site_wide == build.site_wide
    build.output = build.resources.enter_context(temporary_output(paths.site_dir))  # removed if the build fails
    return f"{len(build.configs)} configuration(s)"


def copy(build: Build) -> str:
    copied = copy_previous_site(build.paths.site_dir, build.output, build.paths.spare_site)
    return f"{copied} file(s) copied from the published site"


def render(build: Build) -> str:
    run_editions(build.configs, build.output, build.when, build.dirty, build.engine)
    return f"{build.engine}, " + ("strict, changed pages only" if build.dirty else "strict")


def scan(build: Build) -> str:
    """One reading of the built HTML, for the checks and the search index; the hash of the indexed pages."""
    build.scans = scan_site(build.output, build.paths.work_dir, INDEX_FOLDER)
    build.indexed = digest_text(sorted((rel, s.digest) for rel, s in build.scans.items() if s.has_article))
    return f"{len(build.scans)} HTML pages"


def check(build: Build) -> str:
    """Check the HTML while the search index is made beside it (unless no indexed page changed)."""
    output = build.output
    keep_index = not build.search or (build.dirty and build.record.indexed == build.indexed and (output / INDEX_FOLDER).is_dir())
    if not build.search:  # an index copied from the previous site would no longer match its pages
        build.indexed = ""
        shutil.rmtree(output / INDEX_FOLDER, ignore_errors=True)
    pool = build.resources.enter_context(ThreadPoolExecutor(max_workers=1))
    build.indexing = pool.submit(lambda: None if keep_index else index_site(output, build.scans))
    site_url = configured_site_url(build.base_config)
    checked = check_output(output, build.scans, site_url, skip=INDEX_FOLDER)
    return f"{checked} HTML files: links resolve, no resource from another host"


def search(build: Build) -> str:
    index = build.indexing.result()
    if index:
        return f"Pagefind: {index.pages} pages, {index.files} files, {index.bytes / 1024:.0f} KB"
    return "no indexed page changed: index kept" if build.search else "left out (preview)"


def publish_site(build: Build) -> str:
    publish(build.output, build.paths.site_dir, build.paths.spare_site)
    return display_path(build.paths.site_dir, build.paths.root)
