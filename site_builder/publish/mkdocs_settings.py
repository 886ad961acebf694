"""What the build takes from mkdocs.yml: an allow-list of settings, each checked for its shape.

MkDocs honours its configuration whole: `hooks` and `plugins` run Python during the build (in a
pull request's check, on a maintainer's machine, in the deployment), Markdown extensions read
local files or download remote ones, `extra_javascript` and `theme.custom_dir` put scripts and
templates in every page, `INHERIT` reads another file. Those come only from the code
(mkdocs_config.py); a mkdocs.yml that sets them is refused with the reason. The rest is the
site's look: the palette, the theme's features and icon, stylesheets of docs/, the repository
readers are sent to, and the https address the site is published at (site_url: citations,
canonical links, chart downloads; each edition's own, pages.editions.configured_site_url).
"""

from __future__ import annotations

import re

from site_builder.errors import BuildError

# Settings set by the code only, with the reason a mkdocs.yml may not set them.
CODE_ONLY = {
    "hooks": "a hook is Python that MkDocs runs during the build (in pull-request checks and on maintainers' machines)",
    "plugins": "a plugin is Python that MkDocs runs during the build; search is Pagefind's, run by the build itself",
    "markdown_extensions": "Markdown extensions can read local files or download remote ones into a page",
    "mdx_configs": "it configures Markdown extensions, which can read local files or download remote ones",
    "extra_javascript": "a script would run on every page; the site's scripts are added by the build",
    "extra_templates": "a template is rendered with the site's data and can hold scripts",
    "custom_dir": "the theme's templates write every page and can hold scripts",
    "INHERIT": "it makes MkDocs read another configuration file",
    "nav": "the navigation is made by the build, with labels from site_builder/translations/",
    "repo_url": "the theme would ask api.github.com for the repository's stars on every page view; set extra.repository",
    "edit_uri": "it only works with repo_url, which calls another host",
    "watch": "it makes `mkdocs serve` read other folders",
    "dev_addr": "the preview is `site-builder serve`",
}
# Settings read from mkdocs.yml (some are replaced by the build: the names and texts by the
# translations, the folders by its own).
TOP_LEVEL = (
    "site_name",
    "site_description",
    "site_author",
    "site_url",
    "copyright",
    "docs_dir",
    "site_dir",
    "use_directory_urls",
    "strict",
    "theme",
    "extra_css",
    "extra",
    "validation",
)
THEME = ("name", "language", "font", "features", "palette", "icon")
EXTRA = ("repository", "generator")
PALETTE = ("media", "scheme", "primary", "accent", "toggle")
COLOURS = frozenset(
    "red pink purple deep-purple indigo blue light-blue cyan teal green light-green lime yellow amber orange "
    "deep-orange brown grey blue-grey black white custom".split()
)
VALIDATION_LEVELS = frozenset({"warn", "info", "ignore"})
HTTPS = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?")
FEATURE = re.compile(r"[a-z]+(?:\.[a-z]+)*")
ICON = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)+")
STYLESHEET = re.compile(r"stylesheets/[A-Za-z0-9_-]+\.css")
MEDIA = re.compile(r"\(prefers-color-scheme: (?:light|dark)\)")


def allowed_settings(config: dict, shown: str = "mkdocs.yml") -> dict:
    """The settings of `config` the build takes; a BuildError naming the first one it refuses and why."""
    for key in config:
        _refuse_unknown(str(key), TOP_LEVEL, shown)
    theme = config.get("theme") or {"name": "material"}
    _check(isinstance(theme, dict), shown, "theme", "must be a mapping of the theme's settings")
    for key in theme:
        _refuse_unknown(f"theme.{key}", tuple(f"theme.{k}" for k in THEME), shown)
    _check(theme.get("name", "material") == "material", shown, "theme.name", "must be material, the theme the site is made for")
    _check(theme.get("font", False) is False, shown, "theme.font", "must be false: web fonts would come from another host")
    features = theme.get("features") or []
    _check(_strings(features, FEATURE), shown, "theme.features", "must be a list of the theme's feature names (navigation.tabs)")
    icon = theme.get("icon") or {}
    _check(
        isinstance(icon, dict) and _strings(list(icon.values()), ICON),
        shown,
        "theme.icon",
        "must name icons (material/chart-bar)",
    )
    _check_palette(theme.get("palette"), shown)
    css = config.get("extra_css") or []
    _check(_strings(css, STYLESHEET), shown, "extra_css", "must list stylesheets of docs/stylesheets/ (stylesheets/extra.css)")
    extra = config.get("extra") or {}
    _check(isinstance(extra, dict), shown, "extra", f"must be a mapping of {', '.join(EXTRA)}")
    for key in extra:
        _refuse_unknown(f"extra.{key}", tuple(f"extra.{k}" for k in EXTRA), shown)
    _check(
        "repository" not in extra or _strings([extra["repository"]], HTTPS),
        shown,
        "extra.repository",
        "must be an https:// address",
    )
    _check(isinstance(extra.get("generator", False), bool), shown, "extra.generator", "must be true or false")
    _check(
        "site_url" not in config or _strings([config["site_url"]], HTTPS),
        shown,
        "site_url",
        "must be the absolute https:// address the site is published at (https://example.org/data/), without query or fragment",
    )
    _check_validation(config.get("validation") or {}, shown)
    return config


def _refuse_unknown(key: str, allowed: tuple[str, ...], shown: str) -> None:
    if key in allowed:
        return
    name = key.rsplit(".", 1)[-1]
    if name in CODE_ONLY:
        raise BuildError(
            f"{shown}: sets {key!r}, which the build takes only from its code (site_builder/publish/mkdocs_config.py): "
            f"{CODE_ONLY[name]}. Remove it; a change there is a change of code, for a maintainer."
        )
    raise BuildError(
        f"{shown}: {key[:60]!r} is not a setting the build takes from mkdocs.yml (it takes {', '.join(allowed)}). "
        "Remove it, or ask a maintainer to allow it in site_builder/publish/mkdocs_settings.py."
    )


def _check(ok: bool, shown: str, key: str, what: str) -> None:
    if not ok:
        raise BuildError(f"{shown}: {key} {what}.")


def _strings(values: object, pattern: re.Pattern) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and pattern.fullmatch(v) for v in values)


def _check_palette(palette: object, shown: str) -> None:
    entries = palette if isinstance(palette, list) else [palette] if palette is not None else []
    for entry in entries:
        _check(isinstance(entry, dict), shown, "theme.palette", "must be a list of mappings (scheme, primary, accent ...)")
        for key in entry:
            _refuse_unknown(f"theme.palette.{key}", tuple(f"theme.palette.{k}" for k in PALETTE), shown)
        _check(entry.get("scheme", "default") in ("default", "slate"), shown, "theme.palette.scheme", "must be default or slate")
        for key in ("primary", "accent"):
            _check(entry.get(key, "indigo") in COLOURS, shown, f"theme.palette.{key}", "must be one of the theme's colour names")
        _check(
            "media" not in entry or _strings([entry["media"]], MEDIA),
            shown,
            "theme.palette.media",
            "must be (prefers-color-scheme: light) or dark",
        )
        toggle = entry.get("toggle", {})
        ok = isinstance(toggle, dict) and set(toggle) <= {"icon", "name"} and _strings([toggle.get("icon", "a/b")], ICON)
        _check(ok and isinstance(toggle.get("name", ""), str), shown, "theme.palette.toggle", "must have an icon and a name")


def _check_validation(validation: object, shown: str) -> None:
    ok = isinstance(validation, dict) and all(
        isinstance(levels, dict) and all(isinstance(k, str) and v in VALIDATION_LEVELS for k, v in levels.items())
        for levels in validation.values()
    )
    _check(
        ok and set(validation) <= {"nav", "links"}, shown, "validation", "must set nav and links checks to warn, info or ignore"
    )
