"""Data text is marked with the language it is written in (pages/language_marks.py), escaped."""

from __future__ import annotations

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
