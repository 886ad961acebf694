"""`site-builder validate`: text must mean something (issue 9, item 2): no control characters,
Unicode NFC, and no duplicates once text is normalised.

Each rule rejects a fixture row at its file and line, under its own error type (Problem.rule),
with several variants of what it catches and the near misses it must accept. As in
test_validate_rules.py, every test starts from the small valid `project` and makes one edit;
the rows and checks they share are in helpers.py.
"""

from __future__ import annotations

import unicodedata

import pytest

from helpers import FIGURES, SOURCES, append, figure, found, one, replace

# 4. Text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("\x00", "a control character"),
        ("\x01", "a control character"),
        ("\x1b", "a control character"),
        ("\t", "a tab"),
        ("\x7f", "a control character"),
        ("\x85", "a control character"),
        ("\x9f", "a control character"),
        ("\u202e", "a bidirectional override"),
        ("\u2066", "a bidirectional override"),
        ("\ufdd0", "a Unicode noncharacter"),
        ("\ufffe", "a Unicode noncharacter"),
        ("\U0010ffff", "a Unicode noncharacter"),
    ],
)
def test_control_character_is_rejected_naming_its_code_point_and_column(project, char, kind):
    line = append(project, "figures.csv", figure(quote=f"Bad{char}text."))
    message = one(project, "reform-control-character", FIGURES, line)
    assert message.startswith(f"{FIGURES}:{line}: quote has U+{ord(char):04X} at character 4") and kind in message


def test_control_characters_are_counted_and_checked_in_every_file(project):
    line = replace(project, "sources.csv", "Streamlining the apparatus", "Stream\x7flining\x7f the\x7f apparatus")
    message = one(project, "reform-control-character", SOURCES, line)
    assert "title has U+007F at character 7 (and 2 more such characters)" in message


def test_newline_inside_a_quote_is_text(project):
    append(project, "figures.csv", figure(quote="First paragraph.\nSecond."))
    assert found(project) == []


@pytest.mark.parametrize(
    ("text", "letter", "points"),
    [
        ("Quảng Nam", "ả", "U+0061 + U+0309"),
        ("Tuyên Quang", "ê", "U+0065 + U+0302"),
        ("Hệ thống", "ệ", "U+0065 + U+0323 + U+0302"),
        ("\u212b", "Å", "U+212B"),
    ],
)
def test_text_not_in_nfc_is_rejected_naming_the_letter(project, text, letter, points):
    decomposed = unicodedata.normalize("NFD", text) if text != "\u212b" else text
    line = append(project, "figures.csv", figure(quote=f"In {decomposed}."))
    message = one(project, "reform-text-not-nfc", FIGURES, line)
    assert message.startswith(f'{FIGURES}:{line}: quote is not in Unicode NFC: "{letter}" at character ')
    assert f"is typed as {points}" in message


def test_decomposed_province_name_is_rejected_in_its_own_file(project):
    line = replace(project, "provinces.csv", "Quảng Nam", unicodedata.normalize("NFD", "Quảng Nam"))
    one(project, "reform-text-not-nfc", "datapackages/reform/provinces.csv", line)


# 5. Duplicates once text is normalised --------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"area": "Tam Kỳ"}, {"area": "Tam  Kỳ"}),
        ({"area": "Tam Kỳ"}, {"area": " Tam\tKỳ"}),
        ({"value": "11"}, {"value": "11.0"}),
        ({"value": "11"}, {"value": "1.1e1"}),
    ],
)
def test_figures_that_differ_only_in_spacing_or_writing_of_the_value_are_duplicates(project, first, second):
    first_line = append(project, "figures.csv", figure(id="one", **first))
    line = append(project, "figures.csv", figure(id="two", **second))
    problems = [p for p in found(project) if p.rule == "reform-duplicate-figure"]
    assert [(p.path, p.line) for p in problems] == [(FIGURES, line)]
    assert problems[0].message.startswith(f"The same figure as line {first_line} ")
    assert "once spacing, Unicode form and the way the value is written are set aside" in problems[0].message


def test_figures_that_differ_only_in_unicode_form_are_duplicates(project):
    first = append(project, "figures.csv", figure(id="one", area="Tam Kỳ"))
    line = append(project, "figures.csv", figure(id="two", area=unicodedata.normalize("NFD", "Tam Kỳ")))
    problems = sorted((p.rule, p.line) for p in found(project))
    assert problems == [("reform-duplicate-figure", line), ("reform-text-not-nfc", line)]
    assert first < line


def test_figures_for_differently_cased_indicator_ids_are_not_merged(project):
    append(project, "figures.csv", figure(id="one"))
    line = append(project, "figures.csv", figure(id="two", indicator="Departments"))
    assert [p.rule for p in found(project)] == ["foreign-key"] and found(project)[0].line == line


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/quang-nam",
        "HTTPS://Example.ORG/quang-nam",
        "https://example.org/quang-nam/",
        "https://example.org:443/quang-nam",
        "https://example.org/quang-nam#section-2",
    ],
)
def test_two_sources_with_one_address_are_rejected(project, url):
    line = append(project, "sources.csv", f"article-en-again,article,Again,Quang Nam Newspaper,{url},2024-10-04,en,vi,,,,\n")
    message = one(project, "reform-duplicate-source-url", SOURCES, line)
    assert message.startswith(f"{SOURCES}:{line}: url is the address of source article-en (line 3) too")


@pytest.mark.parametrize(
    "url", ["https://example.org/quang-nam?page=2", "https://example.org/quang-nam-2", "https://example.com/quang-nam"]
)
def test_sources_with_other_addresses_are_accepted(project, url):
    append(project, "sources.csv", f"other,article,Other,Quang Nam Newspaper,{url},2024-10-04,en,vi,,,,\n")
    assert found(project) == []


def test_two_versions_of_one_registry_package_may_share_its_page(project):
    append(
        project,
        "sources.csv",
        "registry-fixture-2,registry,Fixture registry,Test,https://pypi.org/project/vietnam-provinces/,,vi,,,,2.0,Fixture\n",
    )
    assert found(project) == []
    line = append(
        project,
        "sources.csv",
        "registry-fixture-3,registry,Fixture registry,Test,https://pypi.org/project/vietnam-provinces,,vi,,,,2.0,Fixture\n",
    )
    assert "source registry-fixture-2 (line " in one(project, "reform-duplicate-source-url", SOURCES, line)
