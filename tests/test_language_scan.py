"""The reading behind the language tests of the built site (tests/language_scan.py): which words
are English on a Vietnamese page and Vietnamese on an English one, and where a page marks its
languages."""

from __future__ import annotations

import pytest
from language_scan import foreign_words, is_english_word, is_vietnamese_word, name_tuples, read_page


@pytest.mark.parametrize(
    "word",
    ["Permanent", "link", "units", "axis", "linear", "with", "the", "of", "Provincial", "at", "sub", "edition", "Tabs"],
)
def test_english_words_are_english(word):
    assert is_english_word(word)


@pytest.mark.parametrize(
    "word",
    [
        "xã",
        "phường",
        "Đắk",
        "Lắk",
        "Krông",
        "So",
        "sánh",
        "cho",
        "theo",
        "trong",
        "tin",
        "ngày",
        "tháng",
        "năm",
        "CSV",
        "PNG",
        "KB",
        "in",
        "an",
        "con",
    ],
)
def test_vietnamese_words_and_acronyms_are_not_english(word):
    assert not is_english_word(word)


@pytest.mark.parametrize("word", ["xã", "Hà", "Nội", "Đà", "được", "thành", "phố", "Thủy"])
def test_vietnamese_words_are_vietnamese(word):
    assert is_vietnamese_word(word)


@pytest.mark.parametrize("word", ["province", "café", "résumé", "Zürich", "naïve", "Łódź", "CSV"])
def test_english_and_other_words_are_not_vietnamese(word):
    assert not is_vietnamese_word(word)


PAGE = """<!doctype html><html lang="vi"><head><title>Trang chủ - Permanent</title></head><body>
<p>Tỉnh, thành phố <span lang="en">Permanent link</span> units</p>
<a title="Permanent link" href="#x">¶</a><img alt="Biểu đồ axis" src="x.png">
<blockquote lang="pl">Województwo</blockquote><p lang="en">with <b>English</b> <i lang="vi">và axis</i></p>
<script>var english = "words in a script";</script><code>name_vi value</code>
<input placeholder="Search here"><svg aria-label="linear scale"><text>values</text></svg>
<p>https://news.laodong.vn/page figures.csv #ffffff Lao Động English edition</p>
</body></html>"""


def test_a_page_is_read_with_the_language_in_force_at_each_piece(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    found = foreign_words(page, "vi", name_tuples(["Lao Động English edition"]))
    # Counted: <title>, text outside lang="en", title, alt, placeholder, aria-label, SVG text and
    # the text inside lang="vi" nested in lang="en"; not counted: lang="en"/"pl" elements, script,
    # code, addresses, file names, colours and names.
    assert found == {
        "Permanent": 2,
        "units": 1,
        "link": 1,
        "axis": 2,
        "Search": 1,
        "here": 1,
        "linear": 1,
        "scale": 1,
        "values": 1,
    }
    assert read_page(page).html_lang == "vi"


def test_an_english_page_is_read_for_vietnamese_outside_lang_vi(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html lang="en"><body><p>Tuyên Quang merged; <q lang="vi">sắp xếp</q> sắp</p><p title="bộ máy">x</p></body></html>',
        encoding="utf-8",
    )
    assert foreign_words(page, "en", name_tuples(["Tuyên Quang"])) == {"sắp": 1, "bộ": 1, "máy": 1}
