"""The site's configuration is ours: the build takes an allow-list of settings from mkdocs.yml, and
hooks, plugins, Markdown extensions, scripts and theme templates come only from the code. A
mkdocs.yml that sets them is refused with a message saying why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import REPO
from site_builder.errors import BuildError
from site_builder.pages.translations import load_translations
from site_builder.publish import mkdocs_config
from site_builder.publish.mkdocs_config import HOOKS, MARKDOWN_EXTENSIONS, read_base_config, site_config, with_permalink_title

REAL = (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def config_file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(REAL + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("hooks:\n  - docs/hook.py\n", "a hook is Python that MkDocs runs"),
        ("plugins:\n  - search\n", "a plugin is Python that MkDocs runs"),
        ("plugins: []\n", "a plugin is Python"),
        ("markdown_extensions:\n  - pymdownx.snippets:\n      url_download: true\n", "read local files or download remote"),
        ("markdown_extensions:\n  - toc\n", "read local files or download remote"),
        ("mdx_configs:\n  toc: {}\n", "Markdown extensions"),
        ("extra_javascript:\n  - https://evil.example/x.js\n", "a script would run on every page"),
        ("extra_templates:\n  - evil.html\n", "a template is rendered"),
        ("INHERIT: ../../other.yml\n", "read another configuration file"),
        ("nav:\n  - Evil: https://evil.example/\n", "the navigation is made by the build"),
        ("repo_url: https://github.com/x/y\n", "api.github.com"),
        ("watch:\n  - /etc\n", "read other folders"),
    ],
    ids=lambda v: v.split(":")[0] if isinstance(v, str) and ":" in v else None,
)
def test_a_setting_only_the_code_makes_is_refused_with_the_reason(tmp_path, extra, reason):
    with pytest.raises(BuildError, match=reason) as refused:
        read_base_config(config_file(tmp_path, extra))
    assert "site_builder/publish/mkdocs_config.py" in str(refused.value) and str(tmp_path) in str(refused.value)


SITE_URL = "site_url: https://vietnam-apparatus-reform.github.io/data/\n"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)//https://x.org/",
        "http://example.org/data/",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/data/",
        "/data/",
        "data/",
        "https://",
        "https://user@evil.example/",
        "https://example.org/data/?q=1",
        "https://example.org/data/#top",
        'https://example.org/" onload="alert(1)',
        "https://example.org/\n<script>",
        "ftp://example.org/",
        "[https://example.org/]",
        "42",
    ],
)
def test_a_site_url_that_is_not_an_absolute_https_address_is_refused(tmp_path, url):
    assert SITE_URL in REAL
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        REAL.replace(SITE_URL, f"site_url: {json.dumps(url)}\n" if url != "42" else "site_url: 42\n"), encoding="utf-8"
    )
    with pytest.raises(BuildError, match="site_url must be the absolute https:// address") as refused:
        read_base_config(path)
    assert str(path) in str(refused.value)


@pytest.mark.parametrize("url", ["https://example.org/", "https://example.org", "https://data.example.org:8443/vn/reform/"])
def test_an_absolute_https_site_url_is_taken(tmp_path, url):
    path = tmp_path / "mkdocs.yml"
    path.write_text(REAL.replace(SITE_URL, f"site_url: {url}\n"), encoding="utf-8")
    assert read_base_config(path)["site_url"] == url


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ("  font: false", "  font:\n    text: Roboto", "web fonts would come from another host"),
        ("theme:\n  name: material", "theme:\n  name: material\n  custom_dir: ../evil", "templates"),
        (
            "      primary: red\n      accent: amber\n      toggle:\n        icon: material/weather-night",
            '      primary: red" onload="alert(1)\n      accent: amber\n      toggle:\n        icon: material/weather-night',
            "colour names",
        ),
        (
            "  generator: false",
            "  generator: false\n  polyfills:\n    - https://evil.example/p.js",
            "'extra.polyfills' is not a setting",
        ),
        ("  generator: false", "  generator: false\n  analytics:\n    provider: google", "'extra.analytics' is not a setting"),
        ("  repository: https://github.com", "  repository: javascript:alert(1)//github.com", "must be an https:// address"),
        ("  - stylesheets/extra.css", "  - https://evil.example/x.css", "extra_css must list stylesheets"),
        ("  icon:\n    logo: material/chart-bar", "  icon:\n    logo: ../../../../etc/passwd", "theme.icon must name icons"),
        ("    not_found: warn\n  links", "    not_found: warn\n    evil: '<script>'\n  links", "validation must set"),
    ],
    ids=["font", "custom_dir", "palette-injection", "polyfills", "analytics", "repository", "extra_css", "icon", "validation"],
)
def test_a_theme_setting_out_of_its_allowed_shape_is_refused(tmp_path, replace, by, message):
    assert replace in REAL
    path = tmp_path / "mkdocs.yml"
    path.write_text(REAL.replace(replace, by, 1), encoding="utf-8")
    with pytest.raises(BuildError, match=message):
        read_base_config(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1, 2]\nb: *x\n", "YAML alias"),
        ("site_name: " + "[" * 5_000 + "]" * 5_000 + "\n", "nested too deep|not valid YAML"),
        ("site_name: x\n" + "# " + "x" * 70_000 + "\n", "the limit is 65,536"),
        ("site_name: !!python/object/apply:os.system ['echo x']\n", "Python tags"),
        ("- a list\n", "must be a YAML mapping"),
        ("surprise: 1\n", "'surprise' is not a setting the build takes"),
    ],
    ids=["alias", "deep", "huge", "python-tag", "not-a-mapping", "unknown"],
)
def test_a_configuration_the_build_cannot_read_safely_is_a_sentence(tmp_path, text, message):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match=message):
        read_base_config(path)


def test_hooks_extensions_and_scripts_come_from_the_code_only():
    config = site_config(
        read_base_config(REPO / "mkdocs.yml"),
        docs_dir="docs",
        site_dir="../site",
        extra_javascript=["assets/javascripts/charts.js"],
        t=load_translations("en"),
        custom_dir="theme",
        hand_written=["about.md"],
    )
    assert config["hooks"] == [str(hook) for hook in HOOKS] and [Path(h).name for h in config["hooks"]] == [
        "raw_html.py",
        "sanitise.py",
        "csp.py",
        "css_comments.py",
    ]
    # The code's extensions; only the permalink's title, in the edition's language, is added.
    assert config["plugins"] == [] and config["markdown_extensions"] == with_permalink_title(
        MARKDOWN_EXTENSIONS, "Link to this section"
    )
    assert config["extra_javascript"] == ["assets/javascripts/charts.js"]
    assert config["theme"]["custom_dir"] == "theme"
    assert config["extra"]["hand_written_pages"] == ["about.md"]
    assert config["extra"]["content_security_policy"].startswith("default-src 'self'; ")
    assert set(config) <= {
        "validation", "plugins", "hooks", "markdown_extensions", "site_name", "site_description", "docs_dir", "site_dir",
        "use_directory_urls", "strict", "theme", "copyright", "nav", "extra_javascript", "extra_css", "extra",
    }  # fmt: skip


def test_the_markdown_extensions_read_no_file_and_no_address():
    names = [next(iter(e)) if isinstance(e, dict) else e for e in mkdocs_config.MARKDOWN_EXTENSIONS]
    assert names == ["toc", "tables", "admonition", "attr_list", "def_list"]  # Python-Markdown's own
