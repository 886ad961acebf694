"""Each edition in its own language from end to end (issue 21): every word a reader meets on a
/vi/ page (text, <title>, alt, aria-label, title, placeholder; chart labels and accessibility text
included) is Vietnamese unless it stands inside an element marked with its language; every word
on an English page is English unless marked lang="vi". Each page says its language and links its
own twin as its alternate. The pages are read as built (tests/language_scan.py), no browser."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from language_scan import data_names, foreign_words, name_tuples, read_page

from fixtures.build.project import REPO

# Folders of the site that are not pages of an edition.
NOT_PAGES = ("assets", "search", "stylesheets", "pagefind")

# English proper names a Vietnamese page may show as they are (WCAG 3.1.2: proper names need no
# language marking); each with the reason it is not translated. Places and publishers come from
# the data (language_scan.data_names).
ENGLISH_NAMES = {
    "Python": "the programming language the registry packages are written in",
    "Excel": "Microsoft's spreadsheet program, named where the downloads are described",
    "Creative Commons": "the organisation that publishes the data's licence",
    "Tran Ngoc Minh Hieu": "the author of vietnamadminunits, as he writes his name",
    "GitHub": "the service the site and its repository are published on",
    "MkDocs": "the program that writes the pages",
    "Pagefind": "the program that indexes the pages for search",
    "Frictionless": "the data-package standard the data follows",
    "Vega-Lite": "the chart grammar the charts are written in",
    "JavaScript": "the language of the pages' scripts, named where the charts are explained",
    "vietnamadminunits": "the registry package the commune-level units are imported from",
    "vietnam-provinces": "the second registry package, compared with the first",
    "zip": "the file format of the downloadable package (tệp zip)",
    "Unicode": "the standard the data's text is checked against (Unicode NFC)",
    "MiB": "the unit symbol of a file's size limit",
    "nghi tien": "the lookup's example of an address typed without diacritics (Nghi Tiến)",
    "nghi loc nghe an": "the same example (Nghi Lộc, Nghệ An), as a reader may type it",
    "PAR Index": "the name of the provinces' administrative reform index, as it is published",
    "units": "the name of the data package of commune-level units (folder units/)",
    "reform": "the name of the data package of figures, as a citation names it",
    # Loanwords of standard Vietnamese, written so in Vietnamese texts.
    "tab": "the tab character (dấu tab)",
    "Latinh": "Vietnamese for Latin (chữ Latinh)",
    "Kirin": "Vietnamese for Cyrillic (chữ Kirin)",
    "byte": "the unit of a file's size, the same word in Vietnamese",
    "web": "as in trang web, the Vietnamese word for a website",
}


def edition_pages(site: Path, edition: str) -> list[Path]:
    root = site / "vi" if edition == "vi" else site
    pages = []
    for path in sorted(root.rglob("*.html")):
        parts = path.relative_to(root).parts
        if parts[0] in NOT_PAGES or (edition == "en" and parts[0] == "vi"):
            continue
        pages.append(path)
    return pages


def wrong_language(site: Path, edition: str) -> dict[str, Counter]:
    names = data_names(REPO) | name_tuples(ENGLISH_NAMES)
    found = {}
    for path in edition_pages(site, edition):
        words = foreign_words(path, edition, names)
        if words:
            found[path.relative_to(site).as_posix()] = words
    return found


def report(found: dict[str, Counter]) -> str:
    total = sum(sum(w.values()) for w in found.values())
    every = sum(found.values(), Counter())
    pages = sorted(found.items(), key=lambda kv: -sum(kv[1].values()))[:25]
    lines = [f"{page}: {sum(words.values())} words, {dict(words.most_common(10))}" for page, words in pages]
    return f"{total} words on {len(found)} pages; most frequent: {dict(every.most_common(40))}\n" + "\n".join(lines)


def test_every_vietnamese_page_is_in_vietnamese(real_site):
    assert len(edition_pages(real_site, "vi")) > 150
    found = wrong_language(real_site, "vi")
    assert not found, 'English outside an element marked lang="en": ' + report(found)


def test_every_english_page_marks_its_vietnamese(real_site):
    found = wrong_language(real_site, "en")
    assert not found, 'Vietnamese outside an element marked lang="vi": ' + report(found)


def alternates(path: Path) -> dict[str, str]:
    """hreflang -> href of the page's <link rel="alternate">, from its <head>."""
    import re

    head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
    links = {}
    for tag in re.findall(r"<link\b[^>]*>", head):
        if 'rel="alternate"' in tag and "hreflang=" in tag:
            links[re.search(r'hreflang="([^"]*)"', tag).group(1)] = re.search(r'href="([^"]*)"', tag).group(1)
    return links


def canonical(path: Path) -> str:
    import re

    match = re.search(r'<link rel="canonical" href="([^"]*)"', path.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


@pytest.mark.parametrize("edition", ["en", "vi"])
def test_each_page_says_its_language_and_its_alternates_are_its_twins(real_site, edition):
    for path in edition_pages(real_site, edition):
        assert read_page(path).html_lang == edition, path
        if path.name == "404.html":
            continue
        page = path.relative_to(real_site / "vi" if edition == "vi" else real_site).as_posix()
        links = alternates(path)
        assert set(links) == {"en", "vi", "x-default"}, (path, links)
        twins = {"en": real_site / page, "vi": real_site / "vi" / page, "x-default": real_site / page}
        for lang, href in links.items():
            if urlsplit(href).scheme:  # a full address: the twin's canonical address
                assert href == canonical(twins[lang]), (path, lang, href)
            else:
                target = (path.parent / urlsplit(href).path).resolve()
                target = target / "index.html" if target.is_dir() else target
                assert target == twins[lang].resolve(), (path, lang, href)
        # Relative: mkdocs-material fetches the sitemap.xml beside each alternate, which must be
        # on the host that served the page (a full address under site_url is another host).
        assert not any(urlsplit(href).scheme or href.startswith("//") for href in links.values()), (path, links)
