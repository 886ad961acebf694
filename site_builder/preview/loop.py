"""The preview loop: build (English alone by default, without the search index), serve, and
after every change build again, doing only what changed, then check the data.

The pages are rebuilt before the data is validated, so an edit shows in the browser at once;
the validator's findings follow in the terminal a moment later, as `site-builder validate`
would print them (it runs in a process of its own: preview/data_check.py). A change that
breaks the build leaves the last good preview in place."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable

from site_builder.build_paths import BuildPaths
from site_builder.errors import BuildError
from site_builder.preview.data_check import DataCheck, validate_project_data
from site_builder.preview.server import PreviewState, start_server
from site_builder.preview.watch import Watcher
from site_builder.publish.staging import refill_staging
from site_builder.publish.swap import prepare_spare


def preview_paths(root: Path, data_dir: Path | None = None) -> BuildPaths:
    """The preview's own folders (build/preview/), apart from `make site`'s build/ and site/."""
    work = root / "build" / "preview"
    return BuildPaths.for_project(root, data_dir=data_dir, work_dir=work, site_dir=work / "site")


def rebuild(paths: BuildPaths, languages: tuple[str, ...], say: Callable[[str], None]) -> bool:
    """One incremental build of the preview; False (and the reason said) when it failed."""
    from site_builder.pipeline import build_site

    started = time.perf_counter()
    try:
        result = build_site(paths, languages=languages, validator=None, search=False, progress=lambda line: None)
    except BuildError as error:
        say(f"The preview could not be rebuilt; the last good one stays: {error}")
        return False
    if not result.up_to_date:
        say(f"Rebuilt in {time.perf_counter() - started:.2f} s ({result.pages} pages); open pages reload.")
    return True


def prepare_next_rebuild(paths: BuildPaths, languages: tuple[str, ...]) -> None:
    """While the reader looks at the first build, leave what makes a rebuild quick: a copy of
    the site (the next build copies only the files that changed into it) and full staging
    folders (the next build writes over files instead of creating them)."""
    from site_builder.pages.editions import load_editions

    prepare_spare(paths.site_dir, paths.spare_site)
    for edition in load_editions(languages):
        refill_staging(paths.docs_for(edition), paths.staging_for(edition))


def serve(
    paths: BuildPaths,
    port: int,
    languages: tuple[str, ...] = ("en",),
    say: Callable[[str], None] = print,
    stop: threading.Event | None = None,
    poll_seconds: float = 0.2,
    on_ready: Callable[[int], None] | None = None,
    validator: Callable[[Path], list[str]] = validate_project_data,
) -> int:
    """Serve the preview until `stop` is set (or Ctrl+C); 1 when the first build fails.
    `validator` checks the data in a process of its own (a module-level function)."""
    stop = stop or threading.Event()
    state = PreviewState()
    say("Building the preview ...")
    if not rebuild(paths, languages, say):
        return 1
    watcher = Watcher(paths.data_dir, paths.docs_dir, paths.config_file)
    server = start_server(paths.site_dir, port, state)
    address = server.server_address[1]
    say(f"Serving the preview on http://127.0.0.1:{address}/ ; it follows your edits. Ctrl+C stops it.")
    if on_ready:
        on_ready(address)
    checks = DataCheck(paths.data_dir, say, validator)
    checks.start()
    prepare_next_rebuild(paths, languages)
    try:
        while not stop.wait(poll_seconds):
            if watcher.changed() and rebuild(paths, languages, say):
                state.bump()
                checks.start()
            checks.report()
    finally:
        server.shutdown()
        server.server_close()
        checks.close()
    return 0
