"""Clean refusals of text that shows differently from what it is, and of numbers the site cannot
show: invisible format characters in names, titles, slugs and ids; names and address hosts that
mix Latin with Cyrillic or Greek letters (Vietnamese diacritics stay valid); numbers of 10^15
and more. Each is one problem at its file and line."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import REPO, append, figure, found, replace
from site_builder.dataset.lookalikes import describe_host_lookalike, describe_mixed_scripts
from site_builder.validate import validate_packages

PROVINCES = "datapackages/reform/provinces.csv"
SOURCES = "datapackages/reform/sources.csv"
FIGURES = "datapackages/reform/figures.csv"


def only_rule(project, rule: str, path: str, line: int) -> str:
    """The message of the one problem of `rule`; no other rule may report the cell, and nothing raises."""
    problems = found(project)
    mine = [p for p in problems if p.rule == rule]
    assert [(p.path, p.line) for p in mine] == [(path, line)], [(p.path, p.line, p.rule, p.message) for p in problems]
    return mine[0].message


# Invisible format characters (Unicode category Cf)

INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "byte-order mark": "\ufeff",
    "right-to-left mark": "\u200f",
    "Arabic letter mark": "\u061c",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "tag character": "\U000e0041",
}


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_an_invisible_character_in_a_province_name_is_refused(project, name):
    char = INVISIBLE[name]
    assert unicodedata.category(char) == "Cf"
    line = replace(project, "provinces.csv", "Kon Tum,Kon Tum", f"Kon{char} Tum,Kon Tum")
    message = only_rule(project, "reform-invisible-character", PROVINCES, line)
    assert f"U+{ord(char):04X}" in message and "name_vi" in message


@pytest.mark.parametrize(
    ("file", "old", "new", "path"),
    [
        ("sources.csv", "Streamlining the apparatus", "Streamlining\u200b the apparatus", SOURCES),  # a title
        ("sources.csv", "Quang Nam Newspaper", "Quang Nam\u200d Newspaper", SOURCES),  # a publisher
        ("indicators.csv", "Staff positions,", "Staff\u2066 positions,", "datapackages/reform/indicators.csv"),
    ],
    ids=["title", "publisher", "indicator name"],
)
def test_an_invisible_character_in_a_title_or_a_name_is_refused(project, file, old, new, path):
    line = replace(project, file, old, new)
    problems = [p for p in found(project) if (p.path, p.line) == (path, line)]
    assert problems and {p.rule for p in problems} <= {"reform-invisible-character", "reform-control-character"}, problems


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u200f"])
def test_an_invisible_character_in_a_slug_or_an_id_is_one_problem(project, char):
    line = replace(project, "provinces.csv", ",kon-tum,", f",kon{char}-tum,")
    problems = [p for p in found(project) if (p.path, p.line) == (PROVINCES, line)]
    assert [p.rule for p in problems] in (["reform-invisible-character"], ["reform-identifier", "reform-invisible-character"])


def test_quotes_keep_their_invisible_characters_as_the_source_wrote_them(project):
    append(project, "figures.csv", figure(id="soft-hyphen", quote="Quảng\u00ad Nam cut 7 departments."))
    assert [p for p in found(project) if p.rule == "reform-invisible-character"] == []


# Mixed scripts


@pytest.mark.parametrize(
    ("old", "new", "script"),
    [
        ("Kon Tum,Kon Tum", "Kon Tum,Kоn Tum", "Cyrillic"),  # о U+043E in the English name
        ("Kon Tum,Kon Tum", "Kοn Tum,Kon Tum", "Greek"),  # ο U+03BF in the Vietnamese name
        ("Quảng Nam,Quang Nam", "Quảng Nаm,Quang Nam", "Cyrillic"),  # а U+0430 among Vietnamese letters
    ],
    ids=["cyrillic-o", "greek-omicron", "cyrillic-a-vietnamese"],
)
def test_a_name_mixing_latin_with_cyrillic_or_greek_is_refused(project, old, new, script):
    line = replace(project, "provinces.csv", old, new)
    message = only_rule(project, "reform-mixed-scripts", PROVINCES, line)
    assert f"mixes Latin and {script} letters" in message


@pytest.mark.parametrize(
    "url",
    [
        "https://exаmple.org/quang-nam",  # Cyrillic а in the host
        "https://xn--exmple-4nf.org/quang-nam",  # the same host written in punycode
        "https://baomoi.cοm/quang-nam",  # Greek ο in the top-level domain
        "https://exa\u200bmple.org/quang-nam",  # an invisible character in the host
    ],
    ids=["cyrillic", "punycode", "greek-tld", "invisible"],
)
def test_a_source_address_whose_host_passes_for_another_is_refused(project, url):
    line = replace(project, "sources.csv", "https://example.org/quang-nam", url)
    message = only_rule(project, "reform-mixed-scripts", SOURCES, line)
    assert "its host" in message


def test_every_vietnamese_name_of_the_repository_is_one_script():
    names = []
    for package, files in (("reform", ("provinces.csv",)), ("units", ("units_before.csv", "units_after.csv", "districts.csv"))):
        for file in files:
            names += (REPO / "datapackages" / package / file).read_text(encoding="utf-8").splitlines()
    assert len(names) > 10_000
    assert [n for n in names if describe_mixed_scripts(n)] == []
    for name in ("Đà Nẵng", "Quảng Ngãi", "Thừa Thiên Huế", "Bà Rịa – Vũng Tàu", "ĐẮK LẮK", "Phường Ngọc Hà"):
        assert describe_mixed_scripts(name) is None
    assert describe_host_lookalike("https://thanhnien.vn/x") is None
    assert describe_host_lookalike("https://xn--tingvit-y1a6ee.vn/") is None  # tiếngviệt.vn: Latin letters only


def test_the_repositorys_data_has_no_problem():
    assert validate_packages(REPO / "datapackages") == []


# Numbers the site cannot show


@pytest.mark.parametrize(
    "value",
    ["10000000000000000000000000", "1e20", "-1000000000000000", "1.5e300"],
    ids=["1e25-in-digits", "exponent", "negative", "huge-exponent"],
)
def test_a_number_beyond_what_the_site_shows_is_refused_at_its_line(project, value):
    line = append(project, "figures.csv", figure(id="big", measure="reduction", value=value))
    problems = [p for p in found(project) if (p.path, p.line) == (FIGURES, line)]
    assert [p.rule for p in problems] == ["reform-number-out-of-range"], problems
    assert "below 10^15" in problems[0].message


def test_an_integer_count_beyond_what_the_site_shows_is_refused(project):
    line = replace(project, "unit_counts.csv", "p63-12,2025-06-30,8,94,", "p63-12,2025-06-30,8,94000000000000000000000,")
    message = only_rule(project, "reform-number-out-of-range", "datapackages/reform/unit_counts.csv", line)
    assert message.startswith('communes "94000000000000000000000" is too large')


def test_the_largest_number_the_site_shows_passes(project):
    append(project, "figures.csv", figure(id="large", measure="reduction", value="999999999999999"))
    assert [p for p in found(project) if p.rule == "reform-number-out-of-range"] == []


def test_the_build_never_meets_a_number_it_cannot_format(project):
    from site_builder.pages.formatting import format_number
    from site_builder.pages.translations import load_translations

    t = load_translations("vi")
    assert format_number(999999999999999, t) == "999.999.999.999.999"
