"""The stylesheets of docs/stylesheets/ are published without their comments (a third of
extra.css, which every page loads first), and nothing else of them changes."""

from __future__ import annotations

import re

from helpers import REPO
from site_builder.publish.css_comments import on_post_build, without_comments


def test_comments_go_and_rules_stay():
    css = "/* why */\na { color: red; } /* one\nmore */\n\n\nb { margin: 0; }\n"
    assert without_comments(css) == "a { color: red; } \nb { margin: 0; }\n"


def test_a_comment_marker_inside_a_string_is_text():
    css = "a::before { content: \"/* not a comment */\"; } b::after { content: '*/'; } /* gone */"
    assert without_comments(css) == "a::before { content: \"/* not a comment */\"; } b::after { content: '*/'; }\n"


def test_the_sites_stylesheets_keep_every_rule(tmp_path):
    folder = tmp_path / "stylesheets"
    folder.mkdir()
    for source in sorted((REPO / "docs" / "stylesheets").glob("*.css")):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    on_post_build({"site_dir": str(tmp_path)})
    for source in sorted((REPO / "docs" / "stylesheets").glob("*.css")):
        published = (folder / source.name).read_text(encoding="utf-8")
        assert "/*" not in published and "*/" not in published, source.name
        rules = re.sub(r"/\*.*?\*/", "", source.read_text(encoding="utf-8"), flags=re.S)
        assert published.count("{") == rules.count("{") and published.count("}") == rules.count("}"), source.name
        assert len(published) < len(source.read_text(encoding="utf-8")), source.name
