"""`site-builder build`: the table of contents of the build.

STAGES lists the stages in the order they run, each a function in site_builder/stages/ that
calls into the module doing the work. Everything is written into build/ and a temporary folder
beside `site/`; only the last stage, a rename, touches `site/`, so a failed build leaves the
published site as it was.

Each stage does only what changed since the last build (incremental.py keeps the content
hashes): nothing at all when no input changed; no validation when the data did not change;
charts from their cache; pages written to build/staging/ and moved into build/docs/ only
when their bytes differ, so MkDocs renders only those when nothing all pages share changed;
HTML read again only where it changed; the search index kept when no indexed page changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from site_builder.build_paths import BuildPaths, display_path
from site_builder.charts.workers import first_drawing
from site_builder.errors import ValidationFailed
from site_builder.pages.editions import EDITION_FOLDERS, load_editions
from site_builder.publish.engines import DEFAULT_ENGINE, check_engine
from site_builder.stages import data, docs, site
from site_builder.stages.data import validate_data
from site_builder.stages.runner import BuildResult, Stage, run_stages
from site_builder.stages.state import remember, start_build, up_to_date

STAGES = (
    Stage("validate", data.validate),  # the data packages: schemas, keys and our rules
    Stage("load", data.load),  # datapackages/ read once into the typed model
    Stage("derive", data.derive),  # the views the pages show, each edition's chart plan
    Stage("docs", docs.docs),  # each edition's hand-written pages into build/staging/
    Stage("charts", docs.draw_charts),  # the charts' drawing started (cached by spec), their files
    Stage("downloads", docs.downloads),  # data/: CSVs, the package zip, checksums
    Stage("catalogue", docs.catalogue),  # each indicator's files, metadata, releases, DCAT catalogue
    Stage("pages", docs.pages),  # the generated pages of every edition, with the drawn charts
    Stage("sync", docs.sync),  # what changed in build/staging/ moved into build/docs/
    Stage("config", site.configure),  # each edition's MkDocs configuration
    Stage("copy", site.copy, applies=lambda build: build.dirty),  # a rebuild starts from the published site
    Stage("mkdocs", site.render),  # MkDocs (or Zensical) per edition, into a folder beside site/
    Stage("scan", site.scan),  # the built HTML read once
    Stage("check", site.check),  # links resolve, nothing from another host; the search index beside it
    Stage("search", site.search),  # the Pagefind index
    Stage("publish", site.publish_site),  # the rename that swaps the new site in
)

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
    options = dict(date=date, validator=validator, workers=workers, force=force, search=search, engine=engine)
    build = start_build(paths, load_editions(languages), **options)
    shown = display_path(paths.site_dir, paths.root)
    if up_to_date(build):
        progress(f"Nothing changed since the last build: {shown} is up to date (--force rebuilds it).")
        return BuildResult(paths.site_dir, "", (), 0, 0, up_to_date=True)
    with build.resources:
        build.resources.callback(build.drawers.close)
        if first_drawing(paths.work_dir):  # every chart is to draw: start the drawing processes now
            build.drawers.start(paths.work_dir)
        timings = run_stages(STAGES, build, progress)
    remember(build)
    result = BuildResult(
        paths.site_dir, build.when, timings, len(build.generated), len(build.drawing.rendered), build.contexts["en"].downloads
    )
    progress(
        f"Built {result.pages} generated pages and {result.charts} charts into {shown} "
        f"in {result.total_seconds:.2f} s (build date {build.when})."
    )
    return result
