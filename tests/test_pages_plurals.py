"""Numbers with words read right in both editions: "1 unit", "2 units", "99%" (never "99% percent"),
"−3 communes" for a reduction, "2nd" for a rank; every text with a number in it has the plural
forms CLDR gives its language, and every unit of the data has its words."""

from __future__ import annotations

import csv
import re

import pytest

from helpers import REFORM
from site_builder.pages.catalogs import ORDINAL_KEYS
from site_builder.pages.formatting import cldr_locale, format_plural, format_quantity, format_unit, plural_category
from site_builder.pages.translations import TRANSLATIONS_DIR, load_translations

LANGUAGES = ["en", *sorted(path.parts[-3] for path in TRANSLATIONS_DIR.glob("*/LC_MESSAGES/site.po"))]
# Entries whose number is a rank: CLDR's ordinal categories, not the cardinal ones.
ORDINAL = ORDINAL_KEYS
# Plain strings with a count before a plural noun, where the count is never 1 by construction.
AT_LEAST_TWO = {
    "provinces.lead": "the 34 provinces since 1 July 2025",
    "former.lead": "the 63 provinces before",
    "chart.ranking_description": "every current province",
    "chart.map_current_description": "every current province",
    "chart.map_former_description": "every former province",
    "chart.comparison_description": "a comparison is drawn from two provinces up",
    "communes.js.ambiguous": "ambiguous means two units or more",
    "communes.js.divided": "divided means two units or more",
    "communes.js.other": "the lookup's script says communes.js.one for a single match",
}
COUNT_BEFORE_PLURAL_NOUN = re.compile(r"\{(?:count|rows|known|done|columns|n)\}\s+(?:[\w-]+\s+)?[a-z-]+s\b")


@pytest.fixture(scope="module", params=LANGUAGES)
def t(request):
    return load_translations(request.param)


def units_of_the_data() -> set[str]:
    with (REFORM / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        return {row["unit"] for row in csv.DictReader(handle)}


def test_every_plural_entry_has_the_forms_cldr_gives_its_language(t):
    locale = cldr_locale(t.lang)
    for key, forms in t.strings.items():
        if not isinstance(forms, dict):
            continue
        rules = locale.ordinal_form if key in ORDINAL else locale.plural_form
        categories = set(rules.tags) | {"other"}
        assert set(forms) == categories, f"{t.path}: {key} has forms {sorted(forms)}, CLDR's {t.lang} has {sorted(categories)}"


def test_no_english_string_puts_a_count_before_a_plural_noun_without_forms(en):
    wrong = [
        key
        for key, text in en.strings.items()
        if isinstance(text, str) and COUNT_BEFORE_PLURAL_NOUN.search(text) and key not in AT_LEAST_TWO
    ]
    assert not wrong, f"{en.path}: give these a form per number (one: ..., other: ...): {wrong}"
    stale = [key for key in AT_LEAST_TWO if not COUNT_BEFORE_PLURAL_NOUN.search(en(key))]
    assert not stale, f"AT_LEAST_TWO lists strings with no count before a plural noun: {stale}"


def test_the_plural_form_follows_the_number(en, vi):
    assert format_plural("units.district_count", 1, en) == "1 unit"
    assert format_plural("units.district_count", 2, en) == "2 units"
    assert format_plural("units.district_count", 1200, en) == "1,200 units"
    assert format_plural("units.district_count", 1, vi) == "1 đơn vị"
    assert format_plural("province.download_meta", 1, en, size="2 KB") == "1 figure, 2 KB"
    assert plural_category(1, en) == "one" and plural_category(1, vi) == "other"


def test_every_unit_of_the_data_has_its_words_in_every_edition(t):
    for unit in units_of_the_data():
        assert t.has(f"unit_name.{unit}"), f"{t.path}: unit_name.{unit}"
        if unit not in ("percent", "rank"):  # a percentage and a rank carry no unit word
            assert t.is_plural(f"quantity.{unit}"), f"{t.path}: quantity.{unit} with a form per number"


def test_a_figure_reads_with_its_unit_in_the_right_number(en, vi):
    assert format_quantity(1, "count", "exact", "units", en) == "1 unit"
    assert format_quantity(96, "count_after", "exact", "units", en) == "96 units"
    assert format_quantity(1, "count", "exact", "persons", en) == "1 person"
    assert format_quantity(1200, "count", "about", "persons", en) == "about 1,200 people"
    assert format_quantity(1200, "count", "about", "persons", vi) == "khoảng 1.200 người"


def test_a_reduction_reads_as_a_change_not_a_total(en, vi):
    assert format_quantity(3, "reduction", "exact", "communes", en) == "−3 communes"
    assert format_quantity(1, "reduction", "exact", "communes", en) == "−1 commune"
    assert format_quantity(5, "increase", "exact", "units", en) == "+5 units"
    assert format_quantity(3, "reduction", "exact", "communes", vi) == "−3 xã"


def test_a_percentage_has_no_unit_word_and_a_rank_is_an_ordinal(en, vi):
    assert format_quantity(99, "percent", "exact", "percent", en) == "99%"
    assert format_quantity(95, "percent", "more_than", "percent", en) == "more than 95%"
    assert format_quantity(12.5, "percent", "exact", "agencies", vi) == "12,5%"
    assert [format_quantity(n, "rank", "exact", "rank", en) for n in (1, 2, 3, 4, 11, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "22nd"
    ]  # fmt: skip
    assert format_quantity(1, "rank", "exact", "rank", vi) == "hạng nhất"
    assert format_quantity(2, "rank", "exact", "rank", vi) == "hạng 2"


def test_a_unit_without_words_is_never_written_as_a_plural_of_one(en):
    assert format_quantity(1, "count", "exact", "widgets", en) == "1 (widgets)"
    assert format_unit("widgets", en) == "widgets" and format_unit("persons", en) == "people"
