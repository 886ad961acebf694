"""The MkDocs build itself, strict: any warning fails the build, with the warnings in the error."""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

import yaml

from site_builder.dataset.dates import epoch_of
from site_builder.errors import BuildError
from site_builder.pages.environment import CompiledTemplates

# What MkDocs always says of a build that renders only the changed pages; the build asks for one
# only when nothing that all pages share has changed (incremental.py), so it is no problem.
DIRTY_WARNING = "A 'dirty' build is being performed"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(DIRTY_WARNING):
            self.messages.append(message)


@contextmanager
def _source_date_epoch(date: str):
    # MkDocs stamps sitemap.xml(.gz) with the build time unless SOURCE_DATE_EPOCH is set.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(date))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


# The theme's templates, compiled once per process (checked against their source each time).
THEME_TEMPLATES = CompiledTemplates()


def with_compiled_theme(theme) -> None:
    """Give the environment MkDocs makes for `theme` the compiled templates of earlier builds in
    this process: `site-builder serve` rebuilds in one process, and compiling Material's
    templates again took about a quarter of a second each time."""
    make_environment = theme.get_env

    def get_env():
        env = make_environment()
        env.bytecode_cache = THEME_TEMPLATES
        return env

    theme.get_env = get_env


def run_mkdocs(config_path: Path, output: Path, build_date: str, *, dirty: bool = False) -> None:
    """`mkdocs build --strict` through MkDocs' Python API, into `output`.

    Any MkDocs warning (a missing page in the nav, a broken link in a hand-written page)
    fails the build; the warnings are part of the error. `dirty`: `output` holds the previous
    site, and only pages whose Markdown is newer than their HTML are rendered again (MkDocs'
    own strict mode would count its warning about that, so this handler does the counting).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        with _source_date_epoch(build_date):
            config = load_config(config_file=str(config_path), strict=not dirty, site_dir=str(output))
            with_compiled_theme(config.theme)
            build(config, dirty=dirty)
    except (MkDocsException, SystemExit, OSError, yaml.YAMLError) as error:
        details = "".join(f"\n  - {m}" for m in handler.messages)
        raise BuildError(f"MkDocs could not build the site from {config_path}: {error}{details}") from None
    finally:
        logger.removeHandler(handler)
    if handler.messages:  # strict mode aborts on warnings, but be explicit if a version does not
        raise BuildError("MkDocs reported problems:" + "".join(f"\n  - {m}" for m in handler.messages))
