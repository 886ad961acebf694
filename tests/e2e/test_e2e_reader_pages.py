"""What a reader reads on every built page of both editions (issue 22), checked in the HTML as a
browser parses it: numbers with words in the right number ("1 unit", never "1 units"; "99%",
never "99% percent"), every quote carrying its language, "verbatim" only beside a link to the
document in the quote's language, no province listed beside itself in a merger sentence,
citations and figure links with the site's full https:// address, disagreement boxes that name
their figures by value and source, never by id."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from site_builder.pages.translations import load_translations

pytestmark = pytest.mark.slow

NOT_PAGES = ("pagefind", "assets", "stylesheets", "data", "communes/lookup")
# Interface text only: quotes, glosses, notes, sources, explanations and names are data.
DATA_TEXT = "script, style, svg, code, blockquote, .gloss, .notes, .source, .admonition p[lang], .chart-data, .name-en"
FIGURE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def plural_nouns() -> set[str]:
    """The nouns that follow a number in the `other` forms of en.yaml ("units", "people" ...)."""
    en = load_translations("en")
    nouns = set()
    for forms in en.strings.values():
        if isinstance(forms, dict) and "one" in forms:
            nouns.update(re.findall(r"\{count\} (?:[\w-]+ )?([a-z-]+)", forms["other"]))
    return nouns


ONE_WITH_PLURAL = re.compile(r"(?<![\d.,\w−+-])1 (?:[a-z-]+ )?(" + "|".join(sorted(plural_nouns())) + r")\b")
PERCENT_WORD = re.compile(r"%\s*(?:percent|per cent|phần trăm)", re.IGNORECASE)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not any(p.relative_to(site).as_posix().startswith(f) for f in NOT_PAGES))


@lru_cache(maxsize=None)
def parsed(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def interface_text(path: Path) -> str:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    for node in tree.css(DATA_TEXT):
        node.decompose()
    body = tree.css_first("article") or tree.body
    return " ".join(body.text(separator=" ").split())


def test_the_plural_nouns_are_found_in_the_translations():
    assert {"unit", "units", "people", "figures", "rows", "communes"} - {"unit"} <= plural_nouns()
    assert ONE_WITH_PLURAL.search("formed from 1 former units") and not ONE_WITH_PLURAL.search("1 unit, 21 units")


def test_no_page_says_1_units_or_a_percentage_and_percent(real_site):
    wrong = []
    for path in pages(real_site):
        text = interface_text(path)
        wrong += [f"{path.relative_to(real_site)}: …{m.group(0)}…" for m in ONE_WITH_PLURAL.finditer(text)]
        wrong += [f"{path.relative_to(real_site)}: …{m.group(0)}…" for m in PERCENT_WORD.finditer(text)]
    assert not wrong, wrong[:20]


def test_every_quote_carries_its_language(real_site):
    missing = []
    for path in pages(real_site):
        for quote in parsed(path).css("blockquote, q, .quote"):
            if not (quote.attributes.get("lang") or "").strip():
                missing.append(f"{path.relative_to(real_site)}: {quote.text()[:60]}")
    assert not missing, missing[:10]


def test_verbatim_only_beside_the_document_in_the_quotes_language(real_site):
    checked, wrong = 0, []
    for path in pages(real_site):
        for cell in parsed(path).css("td.source-quote"):
            checked += 1
            quote = cell.css_first("blockquote.quote")
            language = quote.attributes.get("lang")
            label = cell.css_first(".quote-label").text()
            linked = [a for a in cell.css("a[hreflang]")]
            source = cell.css_first("a.source-link")
            if "verbatim" in label or "nguyên văn" in label:
                if source is None or source.attributes.get("hreflang") != language:
                    wrong.append(f"{path.relative_to(real_site)}: '{label}' beside {source and source.attributes}")
            for link in linked:
                other = link.attributes.get("hreflang") != language
                if other and "original-link" not in (link.attributes.get("class") or ""):
                    wrong.append(
                        f"{path.relative_to(real_site)}: a link to a {link.attributes['hreflang']} document not labelled as the original"
                    )
            if source is not None and source.attributes.get("hreflang") != language:
                wrong.append(f"{path.relative_to(real_site)}: the source link is not in the quote's language")
    assert checked > 1000 and not wrong, wrong[:10]


def test_the_seed_translations_say_what_they_are_and_link_their_originals(real_site):
    cell = next(c for c in parsed(real_site / "provinces/quang-ngai/index.html").css("td.source-quote") if "Polish" in c.text())
    label = cell.css_first(".quote-label").text()
    assert "Polish translation republished by Vietnam.vn" in label and "verbatim" not in label
    original = cell.css_first("a.original-link")
    assert original.attributes["href"].startswith("https://nhandan.vn/") and original.attributes["hreflang"] == "vi"
    assert "original" in original.text().lower()
    assert "Our English translation" in cell.css_first(".gloss").text()


def test_no_merger_sentence_lists_a_province_beside_itself(real_site):
    checked = 0
    for path in sorted((real_site / "provinces").rglob("index.html")) + sorted(
        (real_site / "vi" / "provinces").rglob("index.html")
    ):
        lineage = parsed(path).css_first(".lineage")
        if lineage is None:
            continue
        checked += 1
        name = parsed(path).css_first("h1").text().strip()
        for sentence in lineage.css("p"):
            names = [a.text().strip() for a in sentence.css("a")]
            assert len(names) == len(set(names)), f"{path}: {names}"
            successor = sentence.css_first("a.successor-link")
            listed = [n for n in names if not successor or n != successor.text().strip()]
            assert (successor and successor.text().strip()) not in listed, f"{path}: {names}"
            if not successor:  # a current province's predecessors: never its own name unqualified
                assert name not in listed, f"{path}: {name} listed among its own predecessors {names}"
    assert checked > 90


def test_citations_and_figure_links_give_the_full_https_address(real_site):
    for edition in ("", "vi/"):
        province = parsed(real_site / edition / "provinces/quang-ngai/index.html")
        cite = province.css_first(".cite p").text()
        assert f"https://vietnam-apparatus-reform.github.io/data/{edition}provinces/quang-ngai/" in cite
        assert province.css_first('link[rel="canonical"]').attributes["href"].startswith("https://")
        # The copy buttons' citation: the row's fields and its address ({url}: its permalink
        # against the canonical address), the site and the build date (test_e2e_reader_tools).
        table = province.css_first(".figures-table")
        assert "{url}" in table.attributes["data-citation"] and province.css("button.figure-copy")
        data = parsed(real_site / edition / "data/index.html").text()
        assert f"https://vietnam-apparatus-reform.github.io/data/{edition}data/" in data


def test_disagreement_boxes_name_figures_by_value_and_source_not_by_id(real_site):
    for edition in ("", "vi/"):
        box = parsed(real_site / edition / "provinces/quang-ngai/index.html").css_first(".disagreements")
        links = box.css("ul.figures-involved a")
        assert len(links) == 2
        for link in links:
            assert not FIGURE_ID.match(link.text().strip()) and "Tỉnh ủy Quảng Ngãi" in link.text()
        assert box.css_first(".admonition-title").text().count("commune-level-units") == 0
