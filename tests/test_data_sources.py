"""The repository's reform figures as a reader checks them (issue 27): every quote short enough to
be a citation and in the language of the document its source links to, every source findable
(an https address of its own, a language, a date or a note saying the page gives none)."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from helpers import REFORM

# Words so common in each language that a quote of a few words without any of them is not in it.
FUNCTION_WORDS = {
    "en": {"the", "of", "and", "to", "in", "a", "has", "is", "from", "with", "by", "for", "after", "on", "have", "was"},
    "vi": {"của", "và", "các", "có", "được", "là", "từ", "trong", "với", "cho", "sau", "đã", "số", "còn", "giảm", "người"},
    "fr": {"le", "la", "les", "de", "des", "et", "du", "en", "à", "un", "une"},
    "nl": {"de", "het", "van", "en", "een", "in", "zijn", "op", "naar"},
    "pl": {"i", "w", "z", "na", "się", "do", "po", "oraz", "jednostek"},
    "sv": {"och", "att", "det", "som", "av", "för", "med", "på", "vid", "över", "under"},
}
# Letters only Vietnamese writes (with ă, â, ê, ô, ơ, ư, đ and the tone marks on them).
VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
KANA = re.compile(r"[\u3040-\u30ff]")


def rows(name: str) -> list[dict[str, str]]:
    with (REFORM / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


SOURCES = {s["id"]: s for s in rows("sources.csv")}
FIGURES = rows("figures.csv")


def in_language(quote: str, language: str) -> bool:
    """Whether a quote reads as `language`: Vietnamese has its own letters and Japanese its kana;
    otherwise no other language's common words are more frequent in it than its own."""
    if language == "ja":
        return bool(KANA.search(quote))
    if language == "vi" and not VIETNAMESE.search(quote):
        return False
    words = re.findall(r"\w+", quote.lower())
    scores = {lang: sum(word in common for word in words) for lang, common in FUNCTION_WORDS.items()}
    return scores[language] >= max(scores.values())


def test_every_quote_is_at_most_300_characters():
    long = [(f["id"], len(f["quote"])) for f in FIGURES if len(f["quote"]) > 300]
    assert long == []


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f["id"])
def test_every_quote_is_in_its_sources_language(figure):
    source = SOURCES[figure["source_id"]]
    if source["kind"] != "article":
        return
    assert source["language"] in FUNCTION_WORDS or source["language"] == "ja", source["language"]
    assert in_language(figure["quote"], source["language"]), (figure["quote"], source["language"])
    if source["language"] != "en":
        assert figure["quote_en"].strip(), "a quote in another language needs an English gloss"


def test_the_language_check_tells_the_languages_apart():
    assert in_language("Sau sắp xếp, tỉnh có 14 sở và cơ quan tương đương.", "vi")
    assert not in_language("After the merger, the province has 14 departments and equivalents.", "vi")
    assert not in_language("Sau sắp xếp, tỉnh có 14 sở và cơ quan tương đương.", "en")
    assert not in_language("De provincie heeft 14 departementen en 3 afdelingen na de fusie.", "en")


def test_every_article_source_has_its_own_https_address_a_language_and_a_date_or_says_why_not():
    for source in SOURCES.values():
        if source["kind"] != "article":
            continue
        # The page read, or (when its address was not received) the original it was translated from.
        assert (source["url"] or source["original_url"]).startswith("https://"), source["id"]
        if not source["url"]:
            assert "not recorded" in source["notes"], f"{source['id']}: say why the address of the page read is missing"
        assert source["language"], source["id"]
        assert source["published"] or "date" in source["notes"].lower(), f"{source['id']}: no date and no note on its date"
    urls = Counter(s["url"] for s in SOURCES.values() if s["url"])
    assert [url for url, n in urls.items() if n > 1] == []


def test_a_quote_read_in_a_translation_links_to_the_translation():
    """A source read in a translation names the language it was translated from and who
    republished it; its url is the translation's own address (or empty, with a note, when that
    was not received), and the original's address, where known, is in original_url."""
    for source in SOURCES.values():
        if source["translated_from"]:
            assert source["translated_from"] != source["language"], source["id"]
            assert source["republished_by"], source["id"]
        else:
            assert not source["original_url"], f"{source['id']}: an original_url needs translated_from"
        if source["url"] and source["original_url"]:
            assert source["url"] != source["original_url"], source["id"]


def test_plans_targets_and_running_totals_are_marked_as_such():
    statuses = Counter(f["status"] for f in FIGURES)
    assert set(statuses) <= {"result", "plan", "target", "cumulative"}
    assert statuses["plan"] >= 1 and statuses["cumulative"] >= 1
    # A figure whose quote plans ("dự kiến", "will", "plan") is not recorded as a result unless a note says why.
    planned = re.compile(r"\b(dự kiến|expected to|plans? to|is planned)\b", re.IGNORECASE)
    unmarked = [f["id"] for f in FIGURES if planned.search(f["quote"]) and f["status"] == "result" and not f["notes"]]
    assert unmarked == []


def test_the_country_has_at_least_ten_national_figures_from_several_sources():
    national = [f for f in FIGURES if f["province_id"] == "vn"]
    assert len(national) >= 10
    assert len({f["source_id"] for f in national}) >= 3
