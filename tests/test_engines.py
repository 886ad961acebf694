"""The configuration each engine builds from (publish/engines.py), from the same site configuration."""

from __future__ import annotations

import pytest

from site_builder.errors import BuildError
from site_builder.publish.engines import check_engine, engine_config, templates_dir, theme_bundle

HOOKS = [f"/x/site_builder/publish/{name}.py" for name in ("raw_html", "sanitise", "csp")]
BASE = {"site_name": "S", "plugins": [], "hooks": HOOKS, "theme": {"name": "material"}, "extra": {"site_root": ""}}


def test_mkdocs_keeps_the_hooks_in_their_order_and_its_search_off():
    config = engine_config(BASE, "mkdocs")
    assert config["hooks"] == HOOKS and config["plugins"] == []  # csp.py last: it hashes the page as written
    assert "variant" not in config["theme"]


def test_zensical_runs_no_hook_has_its_own_search_off_and_materials_look():
    config = engine_config(BASE, "zensical")
    assert "hooks" not in config
    assert config["plugins"] == [{"search": {"enabled": False}}]
    assert config["theme"]["variant"] == "classic" and config["theme"]["name"] == "material"
    assert config["extra"]["site_root"] == ""  # the rest of the configuration is the same
    assert BASE["hooks"] == HOOKS and "theme_bundle" not in BASE["extra"]  # the site's configuration is left as it was


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_theme_script_named_is_the_engine_themes_own(engine):
    bundle = theme_bundle(engine)
    assert (templates_dir(engine) / bundle).is_file(), bundle
    assert engine_config(BASE, engine)["extra"]["theme_bundle"] == bundle


def test_an_unknown_engine_is_refused_with_the_choices():
    with pytest.raises(BuildError, match="mkdocs, zensical"):
        check_engine("hugo")
