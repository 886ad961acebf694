"""Data text is marked with the language it is written in (pages/language_marks.py), escaped."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from site_builder.pages.environment import data_text
from site_builder.pages.language_marks import in_its_language, vietnamese_runs, with_vietnamese_marked


@pytest.mark.parametrize(
    "text, runs",
    [
        ("read as phòng chuyên môn, chi cục và tương đương inside", ["phòng chuyên môn, chi cục và tương đương"]),
        ('"public non-business agencies" = public service units (đơn vị sự nghiệp công lập).', ["đơn vị sự nghiệp công lập"]),
        ("Sở and equivalent agencies", ["Sở"]),
        ("Staff streamlined (tinh giản biên chế); the sentence", ["tinh giản biên chế"]),
        ("No Vietnamese here, only the chi of it", []),
        ("Tỉnh ủy Lâm Đồng; Đại hội", ["Tỉnh ủy Lâm Đồng", "Đại hội"]),
        ('"03 units" of chi cục cut in 2025', ["chi cục"]),
        ('"Okręgów wyborczych" (Polish), départements (French), café, naïve, Hà Nội', ["Hà Nội"]),
    ],
)
def test_vietnamese_runs_of_an_english_text(text, runs):
    assert [text[a:b] for a, b in vietnamese_runs(text)] == runs


def test_marked_text_is_escaped():
    assert str(with_vietnamese_marked("<b>phòng</b> & x")) == '&lt;b&gt;<span lang="vi">phòng</span>&lt;/b&gt; &amp; x'
    assert (
        str(in_its_language('"<script>" cơ quan', "en", "vi"))
        == '<span lang="en">&#34;&lt;script&gt;&#34; <span lang="vi">cơ quan</span></span>'
    )
    assert str(in_its_language("a <i>", "en", "en")) == "a &lt;i&gt;"


def test_a_data_text_is_the_editions_column_or_the_english_marked(en, vi):
    figure = SimpleNamespace(notes="Persons in post (cán bộ)", notes_vi="Số người đang làm việc")
    assert str(data_text(figure, "notes", vi)) == "Số người đang làm việc"
    assert str(data_text(figure, "notes", en)) == 'Persons in post (<span lang="vi">cán bộ</span>)'
    untranslated = SimpleNamespace(notes="Persons in post", notes_vi="")
    assert str(data_text(untranslated, "notes", vi)) == '<span lang="en">Persons in post</span>'


@pytest.mark.parametrize(
    "text, quoted_lang, marked",
    [
        ("Báo viết 'gestegen' (tăng)", "nl", ["nl:gestegen"]),
        ("‘Okręgów wyborczych’ là các đơn vị bầu cử", "pl", ["pl:Okręgów wyborczych"]),
        ("Nguồn viết 'Up to now' và 'Focal points'", "en", ["en:Up to now", "en:Focal points"]),
        ("Nguồn viết 'phấn đấu' (mục tiêu)", "vi", []),  # a Vietnamese source's words are the page's language
        ("Nguồn viết 'phấn đấu', 'dự kiến'", "en", []),  # Vietnamese words in quotes stay unmarked
        ("Ủy ban People's Committee không phải trích dẫn", "en", []),  # an apostrophe is not a quote
        ("Không có trích dẫn", "en", []),
    ],
)
def test_a_vietnamese_note_marks_the_words_it_quotes_from_its_source(text, quoted_lang, marked):
    html = str(in_its_language(text, "vi", "vi", quoted_lang))
    assert [f"{lang}:{words}" for lang, words in re.findall(r'<span lang="([a-z]+)">([^<]*)</span>', html)] == marked
    assert not html.startswith("<span")  # the note itself is in the page's language


def test_quoted_words_are_escaped_inside_their_mark():
    html = str(in_its_language("Nguồn viết '<script>alert(1)</script> & co' rồi <b>", "vi", "vi", "en"))
    assert html == ('Nguồn viết &#39;<span lang="en">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</span>&#39; rồi &lt;b&gt;')


def test_a_figures_vietnamese_note_marks_quotes_with_its_sources_language(vi):
    figure = SimpleNamespace(notes="The article says 'gestegen'", notes_vi="Bài báo viết 'gestegen' (tăng)")
    assert str(data_text(figure, "notes", vi, "nl")) == 'Bài báo viết &#39;<span lang="nl">gestegen</span>&#39; (tăng)'
