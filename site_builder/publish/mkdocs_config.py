"""The MkDocs configuration of a build.

`build/mkdocs.yml` is made from the settings of the top-level `mkdocs.yml` the build allows
(mkdocs_settings.py: the palette, the theme's features, stylesheets ...) plus what only the code
sets: the staging docs folder, the navigation (titles from the translations), the Markdown
extensions, the hooks (raw_html.py, sanitise.py, csp.py), no plugin, the scripts, and the theme
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
from site_builder.publish import csp
from site_builder.publish.mkdocs_settings import allowed_settings

NAV = (
    ("nav.home", "index.md"),
    ("nav.provinces", "provinces/index.md"),
    ("nav.former_provinces", "provinces/former/index.md"),
    ("nav.communes", "communes/index.md"),
    ("nav.indicators", "indicators/index.md"),
    ("nav.coverage", "coverage/index.md"),
    ("nav.data", "data/index.md"),
    ("nav.contribute", "contribute.md"),
    ("nav.about", "about.md"),
)

DEFAULT_REPOSITORY = "https://github.com/vietnam-apparatus-reform/data"

# The theme overrides (mkdocs `theme.custom_dir`): templates and the search box's assets.
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
FAVICON = "assets/images/favicon.svg"  # in THEME_DIR
# The hook that keeps the pages' blocks of HTML out of Markdown (MkDocs loads hooks from files).
RAW_HTML_HOOK = Path(__file__).resolve().parent / "raw_html.py"
# Then the hand-written pages' HTML sanitised, then every page's Content-Security-Policy, then
# the stylesheets of docs/stylesheets/ published without their comments.
HOOKS = (
    RAW_HTML_HOOK,
    Path(__file__).resolve().parent / "sanitise.py",
    Path(__file__).resolve().parent / "csp.py",
    Path(__file__).resolve().parent / "css_comments.py",
)
# Python-Markdown's own extensions only: none reads a file or an address.
MARKDOWN_EXTENSIONS = [{"toc": {"permalink": True}}, "tables", "admonition", "attr_list", "def_list"]
MAX_CONFIG_BYTES = 64 * 1024
# Search is Pagefind's (publish/search_index.py): MkDocs' own search plugin, which MkDocs adds
# when `plugins` is not set, would put a 265 KB index into every page's first load.
BUILT_IN_SEARCH = ("search", "material/search")


def read_base_config(path: Path) -> dict:
    """The settings of the top-level mkdocs.yml the build takes (plain YAML: no Python tags, no
    anchors; see mkdocs_settings.py); a BuildError saying why for anything else."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BuildError(f"{path}: the MkDocs configuration is missing; restore mkdocs.yml at the project root.") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BuildError(f"{path}: cannot be read ({type(error).__name__}); save it as UTF-8 text.") from None
    if len(text) > MAX_CONFIG_BYTES:
        raise BuildError(f"{path}: has {len(text):,} characters; the limit is {MAX_CONFIG_BYTES:,}. Ours has a few dozen lines.")
    try:
        if any(isinstance(token, yaml.AliasToken) for token in yaml.scan(text)):
            raise BuildError(f"{path}: uses a YAML alias (*name); write each setting out instead.")
        config = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise BuildError(f"{path}: not valid YAML, or it uses Python tags the build does not load ({error}).") from None
    except RecursionError:
        raise BuildError(f"{path}: nested too deep to read; a configuration needs a few levels.") from None
    if not isinstance(config, dict):
        raise BuildError(f"{path}: must be a YAML mapping of MkDocs settings.")
    return allowed_settings(config, str(path))


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
    with. The other hooks stay (sanitise.py and csp.py change what the pages hold, so the floor
    makes the same pages). The copies sit beside the originals (their folders are relative to
    them) and are removed afterwards."""
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
    custom_dir: str | None = None,
    to_site_root: str = "",
    alternates: tuple[tuple[str, str, str, str], ...] = (),
    hand_written: tuple[str, ...] | list[str] = (),
    extra_css: list = (),
) -> dict:
    """The configuration MkDocs builds from: `base` with the build's folders, nav, scripts and theme.

    `to_site_root` leads from this edition's root to the site's, where the stylesheets, the
    scripts, the search index and the commune lookup are served once for every edition;
    `alternates` are the editions of the language switch as (name, language, link from this
    edition's root to the other's root, full address of the other's root or "" without
    site_url); `hand_written`, the pages of docs/ (their paths in the
    docs folder), whose HTML sanitise.py cleans; `extra_css`, the stylesheets the build adds (the
    charts' font), after those of mkdocs.yml.
    """
    base = allowed_settings(base)
    config = {key: base[key] for key in ("validation",) if key in base}
    config["plugins"] = []  # MkDocs adds its search plugin when `plugins` is left out
    config["hooks"] = [str(hook) for hook in HOOKS]
    config["markdown_extensions"] = with_permalink_title(MARKDOWN_EXTENSIONS, t("theme.permalink"))
    config["site_name"] = t("site.name")
    config["site_description"] = t("site.description")
    config["docs_dir"] = docs_dir
    config["site_dir"] = site_dir
    config["use_directory_urls"] = True
    config["strict"] = True
    config["theme"] = _theme(base.get("theme") or {"name": "material"}, t, custom_dir)
    config["copyright"] = t("site.copyright")
    config["nav"] = [{t(key): path} for key, path in NAV]
    config["extra_javascript"] = [_under(to_site_root, e) for e in extra_javascript]
    config["extra_css"] = [_under(to_site_root, e) for e in list(base.get("extra_css") or []) + list(extra_css)]
    config["extra"] = {
        **(base.get("extra") or {}),
        "content_security_policy": csp.POLICY,
        "hand_written_pages": sorted(hand_written),
        "commune_lookup": COMMUNE_LOOKUP + "/",
        "site_root": to_site_root,
        "search_text": {key: t(f"communes.js.{key}") for key in ("former", "current", "went_to")},
        "not_found": {key: t(f"not_found.{key}") for key in ("title", "text", "home")},
    }
    if alternates:  # the language switch (theme/partials/alternate.html) and the pages' alternates
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


def _theme(theme: dict, t: Translations, custom_dir: str | None) -> dict:
    """The theme's settings of mkdocs.yml with the edition's language, no web fonts, no search
    feature (search is Pagefind's), the overrides' folder, and the palette toggle's labels."""
    theme = {key: value for key, value in theme.items() if key != "language"}
    theme["language"] = t.lang
    theme["font"] = False  # system fonts: no request to Google Fonts
    # The logo as an SVG of 0.3 KB (theme/assets/images/) instead of the theme's PNG of 1.9 KB,
    # which every page loads: a Vietnamese province page's first load is near its budget.
    theme["favicon"] = FAVICON
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
    return theme


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
