"""`site-builder diff` in parts: reading rows, matching them by key, and making contributed text safe."""

from __future__ import annotations

import pytest
from test_data_diff import HOSTILE

from site_builder.dataset.reading import Reading
from site_builder.review import read_rows
from site_builder.review.markdown import changed_text, escape_markdown
from site_builder.review.matching import diff_tables
from site_builder.review.tables import Table


def rows_of(text: str) -> list[dict[str, str]] | None:
    return read_rows(text.encode("utf-8"), "t.csv", Reading())


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_has_no_markup_left(value):
    text = escape_markdown(value)
    assert "\n" not in text and "\r" not in text
    assert "<" not in text and ">" not in text
    assert all(ord(char) >= 32 and char not in "\u202e\x7f" for char in text)
    for special in "|`[]*_~$":  # each one preceded by a backslash
        assert text.count(special) == text.count("\\" + special)
    assert "@" not in text or all(part.startswith("\u2060") for part in text.split("@")[1:])
    assert "&lt;already" not in text  # the & of an entity is escaped too: shown as written


def test_escaping_shows_text_as_written():
    assert escape_markdown("a | b") == "a \\| b"
    assert escape_markdown("<b>[x](y)</b>") == "&lt;b&gt;\\[x\\](y)&lt;/b&gt;"
    assert escape_markdown("one\ntwo") == "one ↵ two"
    assert escape_markdown("x\x1by\u202ez") == "xU+001ByU+202Ez"
    assert escape_markdown("Đắk Lắk 95%") == "Đắk Lắk 95%"


def test_a_long_changed_text_shows_the_part_that_differs():
    old = "start " * 40 + "the old words" + " end" * 40
    new = "start " * 40 + "the new words" + " end" * 40
    shown = changed_text(old, new)
    assert shown.startswith("…") and "the old words" in shown and "the new words" in shown
    assert shown.index("the old words") < shown.index(" → ") < shown.index("the new words")
    assert len(shown) < 200
    assert changed_text("a|b", "c") == "a\\|b → c"


def test_rows_added_and_changed_are_sorted_by_key_with_the_changed_columns_named():
    old = Table("p", "t", "p/t.csv", ("id", "value"), ("id",), tuple(rows_of("id,value\nb,2\na,1\n")))
    new = Table("p", "t", "p/t.csv", ("id", "value"), ("id",), tuple(rows_of("id,value\nc,3\na,9\nb,2\nd,4\n")))
    diff = diff_tables(old, new)
    assert [row["id"] for row in diff.added] == ["c", "d"]
    assert [change.key for change in diff.changed] == [("a",)]
    assert diff.changed[0].columns == ("value",)


def test_rows_are_read_by_the_project_reader_without_bom_or_blank_lines():
    text = '\ufeffid,quote\nx,"a, ""quoted"" text\nover two lines"\n\ny,plain\n'
    assert rows_of(text) == [{"id": "x", "quote": 'a, "quoted" text\nover two lines'}, {"id": "y", "quote": "plain"}]


def test_cells_past_the_header_are_kept_under_a_visible_name():
    assert rows_of("id,name\na,x,y,z\nb\n") == [{"id": "a", "name": "x", "(extra cells)": "y,z"}, {"id": "b", "name": ""}]


def test_an_empty_file_has_no_rows_and_a_broken_one_says_why():
    assert rows_of("") == []
    reading = Reading()
    assert read_rows(b'id,quote\nx,"never closed\n', "t.csv", reading) is None
    assert [(problem.path, problem.line) for problem in reading.problems] == [("t.csv", 2)]
