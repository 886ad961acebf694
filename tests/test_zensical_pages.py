"""The hooks' work on Zensical's HTML (publish/zensical_pages.py): hand-written content
sanitised, every page's policy completed with the theme's inline scripts only."""

from __future__ import annotations

import base64
import hashlib

import pytest

from site_builder.errors import BuildError
from site_builder.publish.csp import POLICY
from site_builder.publish.zensical_pages import finish_pages, page_file

THEME_SCRIPT = "document.documentElement.classList.add('js')"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(2)">',
    '<a href="javascript:alert(3)">x</a>',
    '<svg><animate attributeName="href" to="javascript:alert(4)"/></svg>',
    '<iframe src="https://example.org/"></iframe>',
]


def page(content: str) -> str:
    return (
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{POLICY}"><script>{THEME_SCRIPT}</script></head>'
        f'<body><a href="#__skip">Skip</a><article class="md-content__inner md-typeset">\n'
        f'<a id="__skip" tabindex="-1"></a><div data-pagefind-body>\n{content}\n<!--/pagefind-body-->\n</div>'
        "</article></body></html>"
    )


def sha(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(
    ("src", "html"), [("index.md", "index.html"), ("about.md", "about/index.html"), ("a/index.md", "a/index.html")]
)
def test_a_markdown_page_has_its_directory_url_file(src, html):
    assert page_file(src) == html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hand_written_pages_content_is_sanitised_and_a_generated_pages_left(tmp_path, hostile):
    for name in ("about", "provinces"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(page(f"<h2 id='x'>T</h2>{hostile}"), encoding="utf-8")
    assert finish_pages(tmp_path, ["about.md"]) == 2
    about = (tmp_path / "about" / "index.html").read_text(encoding="utf-8")
    assert "alert" not in about and '<h2 id="x">T</h2>' in about
    assert '<a id="__skip" tabindex="-1"></a><div data-pagefind-body>' in about  # the theme's own, left
    assert "<!--/pagefind-body-->" in about
    assert hostile in (tmp_path / "provinces" / "index.html").read_text(encoding="utf-8")


def test_only_the_themes_inline_scripts_are_hashed_never_one_in_the_content(tmp_path):
    (tmp_path / "index.html").write_text(page("<script>alert(1)</script>"), encoding="utf-8")
    finish_pages(tmp_path, [])
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha(THEME_SCRIPT)};" in html
    assert sha("alert(1)") not in html


def test_a_page_without_the_policy_fails_the_build(tmp_path):
    (tmp_path / "404.html").write_text("<html><head></head><body></body></html>", encoding="utf-8")
    with pytest.raises(BuildError, match="404.html"):
        finish_pages(tmp_path, [])
