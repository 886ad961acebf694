"""Each edition's MkDocs (or Zensical) configuration, and the engine run once per edition into the
build's output folder: English at its root, the other editions in their folders."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from site_builder import incremental
from site_builder.build_paths import BuildPaths
from site_builder.pages.editions import EDITION_OTHERS, LANGUAGE_NAMES, Edition, configured_site_url
from site_builder.publish.engines import DEFAULT_ENGINE, ZENSICAL, engine_config
from site_builder.publish.mkdocs_config import site_config, stage_theme, write_config
from site_builder.publish.mkdocs_run import run_mkdocs
from site_builder.publish.staging import hand_written_pages
from site_builder.publish.zensical_run import run_zensical


def configure_editions(
    base_config: dict,
    page_assets,
    editions: tuple[Edition, ...],
    paths: BuildPaths,
    when: str,
    engine: str = DEFAULT_ENGINE,
) -> tuple[list[tuple[Path, str]], dict[str, str]]:
    """One configuration per edition (`page_assets`: charts.PageAssets, the scripts and stylesheets
    every page links to); returns (configuration file, folder in the site) of each, and the hash
    of what all pages of each edition share (incremental.py)."""
    configs, site_wide = [], {}
    theme = stage_theme(paths.work_dir)
    shared = incremental.digest_text(incremental.digest_files(paths.work_dir / theme), incremental.tool_versions(), when)
    site_url = configured_site_url(base_config) if base_config.get("site_url") else ""
    for e in editions:
        alternates = (
            tuple(
                (
                    LANGUAGE_NAMES[other.lang],
                    other.lang,
                    e.to_site_root + (other.folder + "/" if other.folder else ""),
                    other.url(site_url) if site_url else "",
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
        if site_url:  # each edition's canonical addresses and sitemap are its own
            config["site_url"] = e.url(site_url)
        write_config(engine_config(config, engine), config_file)
        configs.append((config_file, e.folder))
        files = sorted(p.relative_to(paths.docs_for(e)).as_posix() for p in paths.docs_for(e).rglob("*") if p.is_file())
        site_wide[e.lang] = incremental.digest_text(shared, config_file.read_bytes(), files)
    return configs, site_wide


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
