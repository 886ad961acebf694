"""The two editions of the site: English at the root, Vietnamese under vi/, page for page, each
page linking to its twin, and no Vietnamese page speaking the interface's English."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_builder.pages.translations import load_translations

NOT_PAGES = ("assets", "data", "search", "stylesheets", "pagefind", "vi")


class PageText(HTMLParser):
    """The visible text of a page outside quotes and English names, its language switch links
    and its <html lang>."""

    SKIP = {"script", "style", "svg", "blockquote", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang, self.switch, self.parts, self.skipping = "", [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switch.append((attrs.get("hreflang"), attrs.get("href")))
        if tag in self.SKIP or attrs.get("lang") == "en" or "gloss" in (attrs.get("class") or ""):
            self.skipping.append(tag)
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def read(path: Path) -> PageText:
    parser = PageText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def english_pages(site: Path) -> list[str]:
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(p for p in pages if p.split("/")[0] not in NOT_PAGES)


def test_every_english_page_has_its_vietnamese_twin_and_back(real_site):
    english = english_pages(real_site)
    vietnamese = sorted(
        p.relative_to(real_site / "vi").as_posix()
        for p in (real_site / "vi").rglob("*.html")
        if p.relative_to(real_site / "vi").parts[0] not in NOT_PAGES
    )
    assert len(english) > 150
    assert english == vietnamese


def test_every_page_says_its_language_and_switches_to_its_twin(real_site):
    for page in english_pages(real_site):
        for lang, path in (("en", real_site / page), ("vi", real_site / "vi" / page)):
            parsed = read(path)
            assert parsed.lang == lang, path
            if page == "404.html":
                continue
            links = dict(parsed.switch)
            assert set(links) == {"en", "vi"}, path
            for other, href in links.items():
                target = (path.parent / urlsplit(href).path).resolve()
                target = target / "index.html" if target.is_dir() else target
                expected = real_site / page if other == "en" else real_site / "vi" / page
                assert target == expected.resolve(), (path, other, href)


def interface_phrases() -> list[str]:
    """English interface text long enough to be unmistakable, from every string of en.yaml that
    the Vietnamese catalog translates differently."""
    en, vi = load_translations("en"), load_translations("vi")

    def texts(value):
        return list(value.values()) if isinstance(value, dict) else value if isinstance(value, list) else [value]

    phrases = []
    for key, value in en.strings.items():
        translations = vi.strings[key]
        pairs = (
            [(form, translations[c]) for c, form in value.items() if c in translations]
            if isinstance(value, dict)
            else zip(texts(value), texts(translations), strict=True)
        )
        for text, translated in pairs:
            if text == translated:
                continue
            phrases += [part.strip() for part in re.split(r"\{[^}]*\}", text) if len(part.strip()) >= 14 and " " in part.strip()]
    return sorted(set(phrases))


def test_no_vietnamese_page_shows_an_english_interface_string(real_site):
    phrases = interface_phrases()
    assert len(phrases) > 50
    for page in english_pages(real_site):
        text = " ".join(" ".join(read(real_site / "vi" / page).parts).split())
        shown = [phrase for phrase in phrases if phrase in text]
        assert not shown, (page, shown)


def switch_language(page, lang: str) -> None:
    """Open the header's language menu and follow the link to `lang`, as a reader would."""
    page.locator(".md-header__option .md-select").first.hover()
    link = page.locator(f'a.md-select__link[hreflang="{lang}"]').first
    link.wait_for(state="visible")
    # A province page is heavy (charts, unit tables): wait for its document, not every resource.
    with page.expect_navigation(wait_until="domcontentloaded", timeout=60_000):
        link.click()


@pytest.mark.browser
def test_switching_language_keeps_the_page(page, server):
    page.goto(server.url("provinces/quang-ngai/"))
    switch_language(page, "vi")
    assert page.url.endswith("/vi/provinces/quang-ngai/")
    assert page.locator("html").get_attribute("lang") == "vi"
    switch_language(page, "en")
    assert re.search(r"/provinces/quang-ngai/$", page.url) and "/vi/" not in page.url
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.browser
def test_a_vietnamese_province_page_writes_numbers_dates_and_chart_labels_the_vietnamese_way(page, server):
    # The 1,733 villages are the former Tuyên Quang's own key figure (a predecessor's figures are
    # not key figures of its successor: views/key_figures.py).
    page.goto(server.url("vi/provinces/former/tuyen-quang/"))
    key_figures = page.locator(".kf-grid").inner_text()
    assert "1.733" in key_figures and "1,733" not in key_figures
    main = page.locator("main").inner_text()
    assert re.search(r"ngày \d{1,2} tháng \d{1,2} năm 20\d\d", main)  # as Vietnamese writes a date
    assert not re.search(r"\d{1,2} tháng \d{1,2}, 20\d\d", main)  # CLDR's order, not Vietnamese usage
    labels = page.locator("figure.chart .chart-static svg text").all_text_contents()
    assert any("Trước" in label or "Tuyên Quang" in label for label in labels), labels[:20]
