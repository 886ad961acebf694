"""The Content-Security-Policy hook: the theme's inline scripts are allowed by their hashes, a
script inside a page's content never is, and a page without the policy stops the build."""

from __future__ import annotations

import base64
import hashlib

import pytest
from mkdocs.exceptions import PluginError

from site_builder.publish import csp

META = f'<meta http-equiv="Content-Security-Policy" content="{csp.POLICY}">'


def digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page(content: str) -> str:
    return (
        f"<html><head>{META}<script>var theme = 1;</script></head><body>"
        f'<article>{content}</article><script id="__config" type="application/json">{{}}</script>'
        '<script src="assets/x.js"></script><script type="module">import("./y.js")</script></body></html>'
    )


def policy_of(output: str) -> str:
    return output.split('content="', 1)[1].split('"', 1)[0]


def test_the_themes_inline_scripts_are_allowed_by_their_hashes():
    policy = policy_of(csp.with_policy(page("<p>text</p>"), "<p>text</p>", "x.md"))
    assert digest("var theme = 1;") in policy and digest('import("./y.js")') in policy
    assert digest("{}") not in policy  # JSON is data, not a script
    assert policy.count("'sha256-") == 2 and "'unsafe-inline'" not in policy.split("style-src")[0]


@pytest.mark.parametrize(
    "content",
    [
        "<script>alert(1)</script>",
        '<script type="text/javascript">alert(2)</script>',
        "<SCRIPT>alert(3)</SCRIPT >",
        '<script type="module">alert(4)</script>',
    ],
)
def test_a_script_in_the_pages_content_is_never_allowed(content):
    policy = policy_of(csp.with_policy(page(content), content, "x.md"))
    assert digest(content.split(">", 1)[1].rsplit("</", 1)[0]) not in policy
    assert policy.count("'sha256-") == 2


def test_a_page_without_the_policy_stops_the_build():
    with pytest.raises(PluginError, match="lacks the Content-Security-Policy"):
        csp.with_policy(page("x").replace(META, ""), "x", "about.md")


def test_the_policy_allows_only_the_sites_own_scripts():
    directives = dict(d.strip().split(" ", 1) for d in csp.POLICY.split(";"))
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'self'"
