"""The two engines that turn the generated docs into HTML: MkDocs with mkdocs-material (the
default) and Zensical, Material's successor, which reads the same mkdocs.yml. Both build from the
same build/docs/ and the same theme overrides; `site-builder build --engine` chooses.

What differs is kept here: Zensical runs no MkDocs hook (raw_html.py only saves MkDocs time:
the pages are the same bytes without it, tests/test_raw_html.py), has its own search (left off:
the site's search is Pagefind), its own script bundle (extra.theme_bundle, for the theme's
deferred loading), its "classic" variant (Material's look, which the site's stylesheets are
written for), and it renders every page each time (no "dirty" build into a copy of the site).
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.errors import BuildError

MKDOCS, ZENSICAL = "mkdocs", "zensical"
ENGINES = (MKDOCS, ZENSICAL)
DEFAULT_ENGINE = MKDOCS
_BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def check_engine(engine: str) -> str:
    if engine not in ENGINES:
        raise BuildError(f"Unknown engine {engine!r}; choose one of {', '.join(ENGINES)} (site-builder build --engine ...).")
    return engine


def templates_dir(engine: str) -> Path:
    """The engine's own page templates (its base.html names its script bundle)."""
    try:
        if engine == ZENSICAL:
            import zensical

            return Path(zensical.__file__).parent / "templates"
        import material

        return Path(material.__file__).parent / "templates"
    except ImportError:
        raise BuildError(
            f"The {engine} engine is not installed; run `make site` (requirements.lock pins it) and build again."
        ) from None


def theme_bundle(engine: str) -> str:
    """The path of the engine theme's main script, as its base.html loads it."""
    found = _BUNDLE.search((templates_dir(engine) / "base.html").read_text(encoding="utf-8"))
    if not found:
        raise BuildError(
            f"{templates_dir(engine) / 'base.html'} names no script bundle; this version of {engine} is not supported."
        )
    return found.group(0)


def engine_config(config: dict, engine: str) -> dict:
    """The configuration `config` (publish.mkdocs_config.site_config, with its hooks) for
    `engine`: the theme's bundle for both; for Zensical, which runs no hook, no hooks (their work
    is done on its HTML: zensical_pages.py) and its built-in search off."""
    config = {**config, "extra": {**(config.get("extra") or {}), "theme_bundle": theme_bundle(engine)}}
    if engine == MKDOCS:
        return config
    config.pop("hooks", None)
    config["plugins"] = [{"search": {"enabled": False}}]
    # Material's look, which the site's stylesheets (docs/stylesheets/) are written for.
    config["theme"] = {**(config.get("theme") or {}), "variant": "classic"}
    return config
