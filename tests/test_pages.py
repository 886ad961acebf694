"""The generated pages: contributed text shows as text, only http(s) addresses become links,
every page exists where the architecture says, and links between pages work."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fixtures.build.project import make_fixture_project
from site_builder.pages.editions import DEFAULT_SITE_URL as SITE_URL
from site_builder.pages.formatting import is_web_url
from site_builder.pages.front_matter import page_title
from site_builder.pages.paths import page_url, root_of
from site_builder.pipeline import build_site
from site_builder.publish.html_scan import CANONICAL, navigation_tag


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The fixture package built once (validation skipped: its source address is hostile on purpose)."""
    paths = make_fixture_project(tmp_path_factory.mktemp("pages"))
    build_site(paths, validator=None, date="2026-01-02", progress=lambda line: None, workers=1)
    return paths.site_dir


class Elements(HTMLParser):
    """Every element of a page with its attributes, and the text outside tags."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def page(site: Path, path: str) -> Elements:
    return Elements((site / path / "index.html").read_text(encoding="utf-8"))


def test_every_province_has_its_page_at_the_documented_address(built):
    for slug in ("da-nang", "quang-ngai", "lai-chau"):
        assert (built / "provinces" / slug / "index.html").is_file()
    for slug in ("da-nang", "quang-nam", "quang-ngai", "kon-tum", "lai-chau"):
        assert (built / "provinces" / "former" / slug / "index.html").is_file()
    for path in (
        "index.html",
        "provinces/index.html",
        "provinces/former/index.html",
        "indicators/index.html",
        "indicators/departments/index.html",
        "coverage/index.html",
        "data/index.html",
        "about/index.html",
        "contribute/index.html",
    ):
        assert (built / path).is_file(), path


def test_a_quote_with_markup_shows_as_text_on_every_page_that_shows_it(built):
    for path in ("provinces/former/kon-tum", "provinces/quang-ngai", "indicators/staff-positions"):
        html = (built / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Kon Tum cut &lt;b&gt;x&lt;/b&gt;" in html
        parsed = page(built, path)
        assert "<script>alert(1)</script> Kon Tum cut <b>x</b> about 500 positions." in "".join(parsed.text)
        assert not any(tag == "b" for tag, _ in parsed.elements)


def test_markdown_link_syntax_in_a_quote_stays_text(built):
    parsed = page(built, "provinces/da-nang")
    assert "Da Nang has 15 departments [click](javascript:alert(2))." in "".join(parsed.text)


def test_a_javascript_address_is_never_rendered_as_a_link(built):
    for html_file in built.rglob("*.html"):
        for _tag, attrs in Elements(html_file.read_text(encoding="utf-8")).elements:
            for name in ("href", "src", "action", "formaction"):
                assert not (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:text/html")), html_file
    # ... but the source is still named, as text
    assert "A source whose address is a script" in "".join(page(built, "provinces/da-nang").text)


def test_sources_with_an_https_address_are_links(built):
    links = [a.get("href") for tag, a in page(built, "provinces/former/quang-nam").elements if tag == "a"]
    assert "https://example.org/quang-nam" in links


def test_an_indicator_name_with_markup_shows_as_text_in_title_heading_and_tables(built):
    html = (built / "indicators" / "markup-name" / "index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title and "bold" in title
    coverage = (built / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in coverage and "Agencies &lt;b&gt;bold&lt;/b&gt;" in coverage


def test_changelog_text_with_markup_is_shown_as_text(built):
    html = (built / "index.html").read_text(encoding="utf-8")
    assert "<em>markup</em>" not in html and "&lt;em&gt;markup&lt;/em&gt;" in html


def test_former_province_links_to_its_successor(built):
    links = [
        a for tag, a in page(built, "provinces/former/kon-tum").elements if tag == "a" and "successor-link" in a.get("class", "")
    ]
    assert [a["href"] for a in links] == ["../../../provinces/quang-ngai/"]


def test_current_province_marks_predecessors_figures(built):
    text = " ".join(" ".join(page(built, "provinces/quang-ngai").text).split())
    assert "Reported for Kon Tum" in text


def test_every_current_province_has_its_units_chart(built):
    for slug in ("da-nang", "quang-ngai", "lai-chau"):
        figures = [a for tag, a in page(built, f"provinces/{slug}").elements if tag == "figure"]
        assert figures, slug


def test_province_page_offers_its_figures_as_csv(built):
    hrefs = [a.get("href") for tag, a in page(built, "provinces/quang-ngai").elements if tag == "a"]
    assert "../../data/provinces/p34-51.csv" in hrefs
    csv_text = (built / "data" / "provinces" / "p34-51.csv").read_text(encoding="utf-8-sig")
    assert "kontum-staff" in csv_text and "qngai-staff" in csv_text and "qnam-par-2021" not in csv_text


def test_national_figures_on_the_home_page_are_computed_from_the_data(built):
    text = " ".join(" ".join(page(built, "").text).split())
    assert re.search(r"\b661 →\W*(to)?\W*228\b", text)  # the fixture's sums, not the real 10,035 -> 3,321
    assert re.search(r"\b5 →\W*(to)?\W*3\b", text)


def test_pages_cite_the_build_date_and_link_a_correction_issue(built):
    parsed = page(built, "provinces/lai-chau")
    text = " ".join(" ".join(parsed.text).split())
    assert "built 2 January 2026" in text
    hrefs = [a.get("href", "") for tag, a in parsed.elements if tag == "a"]
    assert any(h.startswith("https://github.com/vietnam-apparatus-reform/data/issues/new?title=Correction") for h in hrefs)


def test_disagreement_is_flagged_and_explained(built):
    parsed = page(built, "provinces/former/quang-nam")
    ids = {a.get("id") for _, a in parsed.elements}
    assert "dis-qnam-departments-count" in ids
    assert "The article says 21 departments before; another count says 20 <i>(fixture)</i>." in "".join(parsed.text)
    flags = [a["href"] for tag, a in parsed.elements if tag == "a" and a.get("class") == "flag"]
    assert "#dis-qnam-departments-count" in flags


def test_no_page_loads_anything_from_another_host(built):
    for html_file in built.rglob("*.html"):
        for tag, attrs in Elements(html_file.read_text(encoding="utf-8")).elements:
            # A <link rel="canonical"> (or "alternate") names an address of this site; it loads nothing.
            if tag == "link" and navigation_tag(tag, attrs.get("rel")) in ("a", CANONICAL):
                href = attrs["href"]
                assert href.startswith(SITE_URL) or not re.match(r"^(https?:)?//", href), f"{html_file}: <link> {href}"
                continue
            if tag in ("script", "img", "iframe", "link", "source"):
                url = attrs.get("src") or (attrs.get("href") if tag == "link" else "") or ""
                assert not re.match(r"^(https?:)?//", url), f"{html_file}: <{tag}> {url}"


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        (" https://example.org", False),
        ("https://", False),
        ("data:text/html,x", False),
        ("//example.org", False),
        ('https://example.org/"onmouseover="x', False),
        ("", False),
    ],
)
def test_only_http_addresses_count_as_links(url, ok):
    assert is_web_url(url) is ok


def test_page_addresses_follow_directory_urls():
    assert page_url("index.md") == "" and root_of("index.md") == ""
    assert page_url("provinces/index.md") == "provinces/" and root_of("provinces/index.md") == "../"
    assert page_url("provinces/ha-noi.md") == "provinces/ha-noi/" and root_of("provinces/ha-noi.md") == "../../"
    assert root_of("provinces/former/ha-tay.md") == "../../../"


def test_page_titles_cannot_carry_markup():
    assert page_title('<script>x</script> & "y"') == "‹script›x‹/script› &amp; &quot;y&quot;"
