"""The MkDocs configuration of a build.

`build/mkdocs.yml` is the top-level `mkdocs.yml` plus what only the build knows: the staging
docs folder, the navigation (titles from the translations), the chart scripts, and the theme
overrides (site_builder/theme/, copied to build/theme/: the Pagefind search box).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import yaml

from site_builder.errors import BuildError
from site_builder.pages.paths import COMMUNE_LOOKUP
from site_builder.pages.translations import Translations

NAV = (
    ("nav.home", "index.md"),
    ("nav.provinces", "provinces/index.md"),
    ("nav.former_provinces", "provinces/former/index.md"),
    ("nav.communes", "communes.md"),
    ("nav.indicators", "indicators/index.md"),
    ("nav.coverage", "coverage.md"),
    ("nav.data", "data.md"),
    ("nav.contribute", "contribute.md"),
    ("nav.about", "about.md"),
)

DEFAULT_REPOSITORY = "https://github.com/vietnam-apparatus-reform/data"

# The theme overrides (mkdocs `theme.custom_dir`): templates and the search box's assets.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
# The hook that keeps the pages' blocks of HTML out of Markdown (MkDocs loads hooks from files).
RAW_HTML_HOOK = Path(__file__).resolve().parent / "raw_html.py"
# Search is Pagefind's (publish/search_index.py): MkDocs' own search plugin, which MkDocs adds
# when `plugins` is not set, would put a 265 KB index into every page's first load.
BUILT_IN_SEARCH = ("search", "material/search")


def read_base_config(path: Path) -> dict:
    """The top-level mkdocs.yml as a dict (plain YAML: no Python tags)."""
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise BuildError(f"{path}: the MkDocs configuration is missing; restore mkdocs.yml at the project root.") from None
    except yaml.YAMLError as error:
        raise BuildError(f"{path}: not valid YAML, or it uses Python tags the build does not load ({error}).") from None
    if not isinstance(config, dict):
        raise BuildError(f"{path}: must be a YAML mapping of MkDocs settings.")
    return config


def repository_url(config: dict) -> str:
    """The repository readers are sent to for corrections (extra.repository in mkdocs.yml).

    Not `repo_url`: with that set, the theme asks api.github.com for the star count on every
    page view, a request to another host.
    """
    return str((config.get("extra") or {}).get("repository") or DEFAULT_REPOSITORY).rstrip("/")


def stage_theme(work_dir: Path) -> str:
    """Copy the theme overrides to `work_dir/theme`; the folder's name, relative to work_dir."""
    target = work_dir / "theme"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(THEME_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target.name


@contextmanager
def without_raw_html_hook(work_dir: Path) -> Iterator[list[tuple[Path, str]]]:
    """The configurations a build wrote into `work_dir`, English first, each copied without the
    hook of raw_html.py, with its edition's folder in the site ("" for the root): MkDocs alone on
    the same pages, the floor the benchmarks measure and what the tests compare the hook's output
    with. The copies sit beside the originals (their folders are relative to them) and are
    removed afterwards."""
    written = sorted(work_dir.glob("mkdocs*.yml"), key=lambda p: (p.name != "mkdocs.yml", p.name))
    copies: list[tuple[Path, str]] = []
    try:
        for config_file in written:
            config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
            config["hooks"] = [h for h in config.get("hooks") or [] if Path(h) != RAW_HTML_HOOK]
            if not config["hooks"]:
                del config["hooks"]
            copy = config_file.with_name(f"alone-{config_file.name}")  # not mkdocs*.yml: never taken for one of the build's
            copy.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
            copies.append((copy, config_file.name.removeprefix("mkdocs").removesuffix(".yml").strip(".")))
        yield copies
    finally:
        for copy, _ in copies:
            copy.unlink(missing_ok=True)


def without_built_in_search(plugins) -> list:
    """`plugins` (a list of names or {name: options}) less MkDocs' and Material's search."""
    return [p for p in (plugins or []) if _plugin_name(p) not in BUILT_IN_SEARCH]


def _plugin_name(entry) -> str:
    if isinstance(entry, dict):
        return str(next(iter(entry), ""))
    return str(entry)


def site_config(
    base: dict,
    *,
    docs_dir: str,
    site_dir: str,
    extra_javascript: list,
    t: Translations,
    extra_css: list = (),
    custom_dir: str | None = None,
    to_site_root: str = "",
    alternates: tuple[tuple[str, str, str, str], ...] = (),
) -> dict:
    """The configuration MkDocs builds from: `base` with the build's folders, nav, scripts and theme.

    `to_site_root` leads from this edition's root to the site's, where the stylesheets, the
    scripts, the search index and the commune lookup are served once for every edition;
    `alternates` are the editions of the language switch as (name, language, link from this
    edition's root to the other's root, full address of the other's root or "" without site_url).
    """
    config = dict(base)
    config["plugins"] = without_built_in_search(config.get("plugins"))
    config["hooks"] = [*(config.get("hooks") or []), str(RAW_HTML_HOOK)]
    config["site_name"] = t("site.name")
    config["site_description"] = t("site.description")
    config["markdown_extensions"] = with_permalink_title(config.get("markdown_extensions"), t("theme.permalink"))
    config["docs_dir"] = docs_dir
    config["site_dir"] = site_dir
    config["use_directory_urls"] = True
    config.pop("repo_url", None)
    theme = dict(config.get("theme") or {"name": "material"})
    theme["language"] = t.lang
    theme["font"] = False  # system fonts: no request to Google Fonts
    if custom_dir:
        theme["custom_dir"] = custom_dir
    theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("search.")]
    palettes = theme.get("palette")
    if isinstance(palettes, list):  # the light/dark switch's label is interface text too
        theme["palette"] = [
            {**p, "toggle": {**p["toggle"], "name": t("theme.to_light" if p.get("scheme") == "slate" else "theme.to_dark")}}
            if isinstance(p, dict) and isinstance(p.get("toggle"), dict)
            else p
            for p in palettes
        ]
    config["theme"] = theme
    config["copyright"] = t("site.copyright")
    config["nav"] = [{t(key): path} for key, path in NAV]
    config["extra_javascript"] = [
        _under(to_site_root, e) for e in list(config.get("extra_javascript") or []) + list(extra_javascript)
    ]
    config["extra_css"] = [_under(to_site_root, e) for e in list(config.get("extra_css") or []) + list(extra_css)]
    config["extra"] = {
        **(config.get("extra") or {}),
        "commune_lookup": COMMUNE_LOOKUP + "/",
        "site_root": to_site_root,
        "search_text": {key: t(f"communes.js.{key}") for key in ("former", "current", "went_to")},
        "not_found": {key: t(f"not_found.{key}") for key in ("title", "text", "home")},
    }
    if alternates:  # the language switch (theme/partials/alternate.html)
        config["extra"]["alternate"] = [
            {"name": name, "lang": lang, "link": link, "url": url} for name, lang, link, url in alternates
        ]
    return config


def with_permalink_title(extensions, title: str) -> list:
    """The Markdown extensions with the `toc` extension's permalink title ("Permanent link" by
    default, read aloud and shown on hover) in the edition's language."""
    result = []
    for entry in extensions or []:
        if entry == "toc" or (isinstance(entry, dict) and "toc" in entry):
            options = dict((entry.get("toc") if isinstance(entry, dict) else None) or {})
            entry = {"toc": {**options, "permalink_title": title}}
        result.append(entry)
    return result


def _under(prefix: str, entry):
    """A script or stylesheet entry (a path, or a mapping with a `path`) reached from another edition."""
    if not prefix or "://" in str(entry):
        return entry
    if isinstance(entry, dict) and isinstance(entry.get("path"), str):
        return {**entry, "path": prefix + entry["path"]}
    return prefix + entry if isinstance(entry, str) else entry


def write_config(config: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# Generated by `site-builder build` from ../mkdocs.yml; edit that file instead.\n"
    text += yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(text, encoding="utf-8")
