"""Every interface string comes from the translations file; a missing one stops the build."""

from __future__ import annotations

import re
import string
from pathlib import Path

import jinja2
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from site_builder.errors import BuildError
from site_builder.pages.catalogs import catalog_path, data_descriptions, english_messages
from site_builder.pages.environment import make_environment
from site_builder.pages.formatting import format_date, format_number, format_period, format_value
from site_builder.pages.translations import TRANSLATIONS_DIR, MissingTranslation, load_translations

PACKAGE = Path(__file__).resolve().parents[1] / "site_builder"
# Keys built at run time from data values: each family must hold every value the schema allows.
DYNAMIC = {
    "measure": ["count", "count_before", "count_after", "reduction", "increase", "rank", "percent", "duration"],
    "qualifier": ["exact", "about", "nearly", "more_than", "at_least"],
    "type": ["province", "city"],
    "level": ["province", "district", "commune", "village", "multiple"],
}


@pytest.fixture(scope="module")
def en():
    return load_translations("en")


def used_keys() -> set[str]:
    """Every literal key passed to t(...) in the templates (the charts' partial too) and the Python code."""
    keys: set[str] = set()
    pattern = re.compile(r"""\b(?:t|plural|forms)\(\s*['"]([a-z0-9_.\-]+)['"]""")
    for path in list((PACKAGE / "templates").rglob("*.*")) + list(PACKAGE.rglob("*.py")):
        keys.update(k for k in pattern.findall(path.read_text(encoding="utf-8")) if "." in k and not k.endswith("."))
    return keys


def test_every_key_the_templates_and_build_use_is_in_en_yaml(en):
    missing = sorted(k for k in used_keys() if not en.has(k))
    assert not missing, f"add to {en.path}: {missing}"
    assert len(used_keys()) > 100  # the scan found the templates


def test_chart_partial_keys_agreed_with_the_charts_helper_are_present(en):
    for key in (
        "chart.data_table",
        "chart.downloads",
        "chart.download_png",
        "chart.download_svg",
        "chart.download_csv",
        "chart.category",
        "chart.value",
    ):
        assert en(key)


@pytest.mark.parametrize("family", sorted(DYNAMIC))
def test_keys_built_from_data_values_cover_every_allowed_value(en, family):
    for value in DYNAMIC[family]:
        assert en.has(f"{family}.{value}"), f"{family}.{value}"


def test_a_missing_key_fails_with_the_key_and_the_file_named(en):
    with pytest.raises(MissingTranslation) as error:
        en("province.no_such_heading")
    assert "province.no_such_heading" in str(error.value)
    assert "en.yaml" in str(error.value)


def test_a_template_asking_for_a_missing_key_fails_the_render(en):
    env = make_environment(en, jinja2.DictLoader({"page.md": "## {{ t('home.not_there') }}\n"}))
    with pytest.raises(MissingTranslation, match="home.not_there"):
        env.get_template("page.md").render()


def test_translated_text_is_escaped_like_data(en):
    env = make_environment(
        en,
        jinja2.DictLoader(
            {"page.md": "{{ t('cite.page', site='<b>s</b>', title='t', url='https://x/p/', release='r', date='d') }}"}
        ),
    )
    assert "&lt;b&gt;s&lt;/b&gt;" in env.get_template("page.md").render()


def write_catalog(directory: Path, lang: str, entries: list[tuple[str, str, str]], fuzzy: tuple[str, ...] = ()) -> Path:
    """A catalog of (context, English, translation) entries, as `make translations` writes one."""
    catalog = Catalog(locale=lang, domain="site")
    catalog.fuzzy = False
    for context, english, text in entries:
        catalog.add(english, text, context=context, flags=("fuzzy",) if context in fuzzy else ())
    path = catalog_path(lang, directory)
    path.parent.mkdir(parents=True)
    with path.open("wb") as f:
        write_po(f, catalog)
    return path


def test_a_second_language_is_a_catalog_of_the_english_strings(tmp_path):
    (tmp_path / "en.yaml").write_text(
        "value:\n  missing: 'no data'\nrank: {one: '{count}st', other: '{count}th'}\n", encoding="utf-8"
    )
    write_catalog(
        tmp_path,
        "vi",
        [
            ("value.missing", "no data", "không có"),
            ("rank#one", "{count}st", "thứ nhất"),
            ("rank#other", "{count}th", "thứ {count}"),
        ],
    )
    vi = load_translations("vi", directory=tmp_path)
    # Separators come from the language's CLDR locale, not from the catalog.
    assert format_number(3321, vi) == "3.321" and format_number(12.5, vi) == "12,5"
    assert format_number(None, vi) == "không có"
    assert vi.plural("rank", "other", count=2) == "thứ 2"
    with pytest.raises(BuildError, match="fr/LC_MESSAGES/site.po.*pybabel init"):
        load_translations("fr", directory=tmp_path)


def test_a_missing_or_fuzzy_translation_stops_the_build_with_the_file_line_and_fix(tmp_path):
    (tmp_path / "en.yaml").write_text("value:\n  missing: 'no data'\n  other: 'more'\n", encoding="utf-8")
    write_catalog(tmp_path, "vi", [("value.missing", "no data", "không có")])
    with pytest.raises(BuildError, match=r"no translation of 'value.other'.*make translations"):
        load_translations("vi", directory=tmp_path)
    (tmp_path / "vi").rename(tmp_path / "old")
    write_catalog(
        tmp_path, "vi", [("value.missing", "no data", "không có"), ("value.other", "more", "thêm")], fuzzy=("value.other",)
    )
    with pytest.raises(
        BuildError, match=r"site.po:\d+: the translation of 'value.other' is marked fuzzy.*remove the `#, fuzzy` line"
    ):
        load_translations("vi", directory=tmp_path)


def test_a_changed_english_text_is_not_translated_by_its_old_translation(tmp_path):
    (tmp_path / "en.yaml").write_text("value:\n  missing: 'nothing yet'\n", encoding="utf-8")
    write_catalog(tmp_path, "vi", [("value.missing", "no data", "không có")])
    with pytest.raises(BuildError, match="nothing yet"):
        load_translations("vi", directory=tmp_path)


def test_every_catalog_has_the_keys_of_the_english_strings(en):
    for path in sorted(TRANSLATIONS_DIR.glob("*/LC_MESSAGES/site.po")):
        other = load_translations(path.parts[-3])
        assert set(other.strings) >= set(en.strings), path


def test_numbers_dates_and_values_are_written_the_english_way(en):
    assert format_number(10035, en) == "10,035"
    assert format_number(12.5, en) == "12.5"
    assert format_date("2025-07-01", en) == "1 July 2025"
    assert format_date("2024-10", en) == "October 2024"
    assert format_period("2015", "2021", en) == "2015 – 2021"
    assert format_value(1200, "count", "about", en) == "about 1,200"
    assert format_value(99, "percent", "exact", en) == "99%"


# The Vietnamese edition.


@pytest.fixture(scope="module")
def vi():
    return load_translations("vi")


def placeholders(text) -> set[str]:
    """The {name} fields of a string ("" for a list entry; every form's for a plural entry)."""
    if isinstance(text, list):
        return set()
    if isinstance(text, dict):
        return set().union(*(placeholders(form) for form in text.values()))
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# Keys whose Vietnamese text is rightly the same as the English: placeholders and symbols only, or
# names such as CSV and SHA-256.
SAME_AS_ENGLISH = {
    "list.separator",
    "period.range",
    "size.kb",
    "size.mb",
    "qualifier.exact",
    "data.sha256",
    "chart.download_png",
    "chart.download_svg",
    "chart.download_csv",
    "chart.ranking_note",
    "chart.predecessor_part",
    "chart.point_source",
    "chart.summary_point",
    "chart.area_in_province",
    "quantity_unknown",
    "date.year",
}


def pot_messages() -> dict[tuple[str, str], str]:
    with (TRANSLATIONS_DIR / "site.pot").open("rb") as f:
        return {(m.context, m.id): m.id for m in read_po(f) if m.id}


def test_the_template_holds_every_english_text_of_en_yaml_and_the_data_descriptions():
    """site.pot is what `make translations` extracts now: a text added to en.yaml or a
    datapackage.json without running it fails here."""
    extracted = {(context, text) for _, context, text in english_messages()}
    for descriptor in sorted((PACKAGE.parent / "datapackages").glob("*/datapackage.json")):
        extracted |= set(data_descriptions(descriptor))
    assert extracted == set(pot_messages()), "run `make translations` and translate the new entries"


@pytest.mark.parametrize("path", sorted(TRANSLATIONS_DIR.glob("*/LC_MESSAGES/site.po")), ids=lambda p: p.parts[-3])
def test_each_catalog_translates_every_message_and_none_is_fuzzy(path):
    with path.open("rb") as f:
        catalog = read_po(f)
    messages = {(m.context, m.id): m for m in catalog if m.id}
    missing = sorted(key for key in pot_messages() if key not in messages or not messages[key].string)
    fuzzy = sorted(f"{path.name}:{m.lineno} {m.context}" for m in messages.values() if m.fuzzy)
    assert not missing, f"{path}: translate {missing[:20]} (run `make translations` first)"
    assert not fuzzy, f"{path}: review and remove the fuzzy flag of {fuzzy}"
    assert not catalog.fuzzy, f"{path}: the header is marked fuzzy; remove its `#, fuzzy` line"
    assert not list(catalog.obsolete), f"{path}: remove the obsolete (#~) entries"


def test_vi_has_every_key_of_en_yaml(en, vi):
    missing = sorted(set(en.strings) - set(vi.strings))
    assert not missing, f"translate in {vi.path}: {missing}"


def test_every_key_the_templates_and_build_use_is_in_vi(vi):
    missing = sorted(k for k in used_keys() if not vi.has(k))
    assert not missing, f"add to {vi.path}: {missing}"


# Strings whose placeholders are alternatives the code always fills, of which a language uses one.
ALTERNATIVES = {"language.in_sentence": {"name", "name_lower"}}


def test_vi_strings_keep_the_placeholders_of_the_english(en, vi):
    wrong = {
        key: (sorted(placeholders(en.strings[key])), sorted(placeholders(vi.strings[key])))
        for key in en.strings
        if key in vi.strings
        and placeholders(en.strings[key]) != placeholders(vi.strings[key])
        and not placeholders(vi.strings[key]) <= ALTERNATIVES.get(key, set())
    }
    assert not wrong, f"{vi.path}: placeholders differ from en.yaml (en, vi): {wrong}"


def test_no_vi_string_is_left_in_english_unless_allow_listed(en, vi):
    untranslated = sorted(k for k in en.strings if vi.strings[k] == en.strings[k] and k not in SAME_AS_ENGLISH)
    assert not untranslated, f"{vi.path}: still in English (translate, or add to SAME_AS_ENGLISH if right): {untranslated}"


def test_the_same_as_english_list_names_only_strings_that_are_the_same(en, vi):
    stale = sorted(k for k in SAME_AS_ENGLISH if not (k in en.strings and vi.strings.get(k) == en.strings[k]))
    assert not stale, f"remove from SAME_AS_ENGLISH (translated, or no such key): {stale}"


def test_vi_strings_are_not_empty(vi):
    assert not sorted(k for k, v in vi.strings.items() if isinstance(v, str) and not v.strip() and k != "list.separator")
    assert not sorted(k for k, v in vi.strings.items() if isinstance(v, dict) and not all(f.strip() for f in v.values()))


def test_notes_starting_with_an_underscore_are_not_interface_strings(en):
    assert not any(key.startswith("_") for key in en.strings)


def test_a_vietnamese_page_sentence_is_written_the_vietnamese_way(vi):
    env = make_environment(
        vi,
        jinja2.DictLoader(
            {"p.md": "{{ t('home.units_meta', before='2025-06-30'|date, after='2025-07-01'|date) }} {{ 3321|num }}"}
        ),
    )
    assert (
        env.get_template("p.md").render()
        == "Tại thời điểm ngày 30 tháng 6 năm 2025 và ngày 1 tháng 7 năm 2025 (xã, phường, thị trấn, đặc khu) 3.321"
    )


def test_no_vietnamese_string_writes_ngay_before_a_date_that_says_it(vi):
    """A Vietnamese date already starts with "ngày" (date.day): "tạo ngày {date}" would read
    "tạo ngày ngày 6 tháng 12 năm 2026"."""
    assert format_date("2026-12-06", vi) == "ngày 6 tháng 12 năm 2026"
    doubled = sorted(
        k for k, v in vi.strings.items() if isinstance(v, str) and re.search(r"ngày \{(date|before|after|start|end)\}", v)
    )
    assert not doubled, doubled
