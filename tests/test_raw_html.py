"""The MkDocs hook that keeps the pages' blocks of HTML out of Markdown (publish/raw_html.py): what
it sets aside, what it leaves to Markdown, and that Markdown gives the same HTML either way. The
whole sites are compared with and without it in tests/e2e/test_e2e_raw_html.py."""

from __future__ import annotations

import markdown
import pytest

from site_builder.publish import raw_html
from site_builder.publish.raw_html import SetAsideLost, put_back, set_aside

EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "def_list"]  # mkdocs.yml's


def converted(text: str, hook: bool) -> str:
    """`text` through Markdown as MkDocs runs it, with the hook's two steps around it or not."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    if not hook:
        return md.convert(text)
    skeleton, blocks = set_aside(text)
    return put_back(md.convert(skeleton), blocks)


PAGES = {
    "blocks between headings": '## Key figures\n\n<div class="kf">\n<p>526 → 126</p>\n</div>\n\n## Next\n\nText.\n',
    "elements one after the other": '<p class="lead">The units.</p>\n<div class="table-wrap">\n<table>\n<tr><td>1</td></tr>\n</table>\n</div>\n\nAfter.\n',
    "nested elements of the same tag": "<div>\n<div>\n<div>x</div>\n</div>\n</div>\n\n# T\n",
    "a blank line inside": "<div>\n<p>a</p>\n\n<p>b</p>\n</div>\n\nText\n",
    "tabs and lines of spaces": "<div>\n\t<p>a\tb</p>\n    \n</div>\n\nText\n",
    "escaped contributed text": "<div><p>&lt;script&gt;alert(1)&lt;/script&gt; *not emphasis* [x](javascript:y) {: .c }</p></div>\n",
    "control characters": "<div><p>a\x02b\x03c\x01d</p></div>\n\nText\n",
    "inline SVG": '<figure>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Hà Nội &amp; 2 &lt; 3</text></svg>\n</figure>\n',
    "text after the end tag": "<div>x</div> and text\n\nMore *text*\n",
    "text right below": "<div>x</div>\n*emphasis* below\n\nEnd\n",
    "no blank line before": "Some text\n<div>x</div>\n\nEnd\n",
    "an inline tag first": '<span class="a">x</span>\n\n<a href="y">y</a>\n',
    "a void tag": "<hr>\n\n<div>x</div>\n",
    "an element never closed": "<div>\n<p>x</p>\n\nText\n",
    "a comment": "<!-- a comment -->\n\n<div>x</div>\n",
    "upper case": "<DIV>x</DIV>\n\n<Div>y</div>\n",
    "indented": "  <div>x</div>\n\n    <div>code</div>\n",
    "CRLF line ends": "<div>\r\n<p>x</p>\r\n</div>\r\n\r\nText\r\n",
    "at the very end": "Text\n\n<div>x</div>",
}


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_markdown_gives_the_same_html_with_the_hook(text):
    assert converted(text, hook=True) == converted(text, hook=False)


def test_the_pages_blocks_are_set_aside_and_their_text_is_not():
    skeleton, blocks = set_aside(PAGES["blocks between headings"] + "\n" + PAGES["elements one after the other"])
    assert [b.split("\n")[0] for b in blocks] == ['<div class="kf">', '<p class="lead">The units.</p>']
    assert "## Key figures" in skeleton and "Text." in skeleton and "After." in skeleton
    assert "<div" not in skeleton and "<table" not in skeleton


@pytest.mark.parametrize(
    "name",
    ["text after the end tag", "text right below", "no blank line before", "an inline tag first", "an element never closed"],
)
def test_anything_ambiguous_is_left_to_markdown(name):
    skeleton, blocks = set_aside(PAGES[name])
    assert blocks == [] and skeleton == PAGES[name]


def test_a_placeholder_that_does_not_come_back_stops_the_page():
    skeleton, blocks = set_aside("<div>x</div>\n\n<div>y</div>\n")
    html = markdown.Markdown().convert(skeleton)
    with pytest.raises(SetAsideLost, match="2 block"):
        put_back(html.replace(html.split("\n")[0], ""), blocks)


def test_text_that_looks_like_a_placeholder_is_not_one():
    # The token is drawn per process: a page cannot carry a placeholder, even one typed by a contributor.
    forged = "<!--set-aside 0000000000000000 0-->\n\n<div>x</div>\n"
    assert converted(forged, hook=True) == converted(forged, hook=False)
    assert raw_html._TOKEN not in forged


def test_the_hook_keeps_each_pages_blocks_apart():
    class Page:
        def __init__(self, uri):
            self.file = type("File", (), {"src_uri": uri})()

    first, second = Page("a.md"), Page("b.md")
    one = raw_html.on_page_markdown("<div>a</div>\n", first, {}, None)
    two = raw_html.on_page_markdown("<div>b</div>\n", second, {}, None)
    assert raw_html.on_page_content(markdown.markdown(two), second, {}, None) == "<div>b</div>"
    assert raw_html.on_page_content(markdown.markdown(one), first, {}, None) == "<div>a</div>"


def mkdocs_project(tmp_path, link: str):
    """A two-page MkDocs project with the hook, strict: b.md links to `link` in a.md, whose ids are
    all in blocks of HTML the hook sets aside."""
    import yaml

    from site_builder.publish.mkdocs_config import RAW_HTML_HOOK

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text('# A\n\n<div id="units">\n<p><a name="old-name">x</a></p>\n</div>\n', encoding="utf-8")
    (docs / "b.md").write_text(f"# B\n\nSee [the units]({link}).\n", encoding="utf-8")
    config = {"site_name": "t", "strict": True, "hooks": [str(RAW_HTML_HOOK)], "validation": {"anchors": "warn"}}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("link", ["a.md#units", "a.md#old-name"])
def test_mkdocs_still_finds_the_anchors_of_the_blocks_set_aside(tmp_path, link):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(mkdocs_project(tmp_path, link)), site_dir=str(tmp_path / "site")))
    assert '<div id="units">' in (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")


def test_mkdocs_still_reports_a_link_to_a_missing_anchor(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match="warning"):
        build(load_config(str(mkdocs_project(tmp_path, "a.md#nowhere")), site_dir=str(tmp_path / "site")))


def test_a_page_of_elements_that_never_close_is_left_to_markdown_whole():
    # Each unclosed <div> would be read again to the end of the page (4.5 million lines here, 200
    # million at 20,000): past the budget the page goes to Markdown whole, the good block included.
    page = "<div>\n\n" * 3000 + "<p>closed</p>\n"
    assert set_aside(page) == (page, [])
    assert set_aside("<div>\n\n" * 10 + "<p>closed</p>\n")[1] == ["<p>closed</p>"]  # within budget


def test_the_budget_leaves_the_pages_own_blocks_alone():
    page = "\n\n".join(f'<div class="x">\n<p>{i}</p>\n</div>' for i in range(5000)) + "\n"
    skeleton, blocks = set_aside(page)
    assert len(blocks) == 5000
