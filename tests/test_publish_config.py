"""The MkDocs configuration the build writes: navigation from the translations, no remote fonts,
no repository widget that calls another host."""

from __future__ import annotations

import pytest
import yaml

from helpers import REPO
from site_builder.errors import BuildError
from site_builder.pages.translations import load_translations
from site_builder.publish.mkdocs_config import NAV, THEME_DIR, read_base_config, repository_url, site_config


def test_navigation_lists_the_sections_in_order_with_translated_titles():
    t = load_translations("en")
    config = site_config(
        read_base_config(REPO / "mkdocs.yml"),
        docs_dir="docs",
        site_dir="../site",
        extra_javascript=["assets/javascripts/charts.js"],
        t=t,
    )
    assert config["nav"] == [
        {"Home": "index.md"},
        {"Provinces": "provinces/index.md"},
        {"Former provinces": "provinces/former/index.md"},
        {"Find your commune": "communes/index.md"},
        {"Indicators": "indicators/index.md"},
        {"Coverage": "coverage/index.md"},
        {"Data": "data/index.md"},
        {"Contribute": "contribute.md"},
        {"About": "about.md"},
    ]
    assert len(NAV) == 9


def test_theme_uses_system_fonts_and_no_plugin():
    t = load_translations("en")
    base = read_base_config(REPO / "mkdocs.yml")
    config = site_config(base, docs_dir="docs", site_dir="../site", extra_javascript=[], t=t)
    assert config["theme"]["font"] is False
    assert "repo_url" not in config  # the theme would ask api.github.com for stars on every page view
    assert "plugins" not in base and config["plugins"] == []  # search is Pagefind, run by the build
    assert config["use_directory_urls"] is True


def test_the_favicon_is_the_sites_own_small_svg():
    t = load_translations("vi")
    config = site_config(read_base_config(REPO / "mkdocs.yml"), docs_dir="docs", site_dir="../site", extra_javascript=[], t=t)
    favicon = THEME_DIR / config["theme"]["favicon"]
    assert favicon.suffix == ".svg" and favicon.stat().st_size < 512  # the theme's PNG is 1.9 KB, on every page
    assert "Apache License 2.0" in favicon.read_text(encoding="utf-8")  # where it comes from, and its licence


@pytest.mark.parametrize(
    ("setting", "reason"),
    [
        ({"theme": {"name": "material", "font": {"text": "Roboto"}}}, "web fonts would come from another host"),
        ({"repo_url": "https://github.com/x/y"}, "api.github.com"),
    ],
)
def test_web_fonts_and_the_repository_widget_are_refused(setting, reason):
    with pytest.raises(BuildError, match=reason):
        site_config(setting, docs_dir="docs", site_dir="../site", extra_javascript=[], t=load_translations("en"))


def test_the_scripts_are_the_builds_own_only():
    t = load_translations("en")
    config = site_config(
        {},
        docs_dir="docs",
        site_dir="../site",
        extra_javascript=[{"path": "assets/javascripts/charts.js", "type": "module"}],
        t=t,
    )
    assert config["extra_javascript"] == [{"path": "assets/javascripts/charts.js", "type": "module"}]
    with pytest.raises(BuildError, match="extra_javascript"):
        site_config({"extra_javascript": ["a.js"]}, docs_dir="docs", site_dir="../site", extra_javascript=[], t=t)


def test_the_correction_link_points_to_the_configured_repository(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"site_name": "x", "extra": {"repository": "https://example.org/repo/"}}))
    assert repository_url(read_base_config(path)) == "https://example.org/repo"
    assert repository_url(read_base_config(REPO / "mkdocs.yml")).startswith("https://github.com/")
