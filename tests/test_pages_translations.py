"""Every interface string comes from the translations file; a missing one stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from site_builder.errors import BuildError
from site_builder.pages.formatting import format_date, format_number, format_period, format_value
from site_builder.pages.environment import make_environment
from site_builder.pages.translations import MissingTranslation, TRANSLATIONS_DIR, load_translations

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
    """Every literal key passed to t(...) in the templates (the charts' partial too) and the build code."""
    keys: set[str] = set()
    pattern = re.compile(r"""\bt\(\s*['"]([a-z0-9_.\-]+)['"]""")
    for path in list((PACKAGE / "templates").rglob("*.*")) + list((PACKAGE / "build").rglob("*.py")):
        keys.update(k for k in pattern.findall(path.read_text(encoding="utf-8")) if "." in k and not k.endswith("."))
    return keys


def test_every_key_the_templates_and_build_use_is_in_en_yaml(en):
    missing = sorted(k for k in used_keys() if not en.has(k))
    assert not missing, f"add to {en.path}: {missing}"
    assert len(used_keys()) > 100  # the scan found the templates


def test_chart_partial_keys_agreed_with_the_charts_helper_are_present(en):
    for key in ("chart.data_table", "chart.downloads", "chart.download_png", "chart.download_svg",
                "chart.download_csv", "chart.category", "chart.value"):
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
    env = make_environment(en, jinja2.DictLoader({"page.md": "{{ t('cite.page', site='<b>s</b>', title='t', path='/p/', date='d') }}"}))
    assert "&lt;b&gt;s&lt;/b&gt;" in env.get_template("page.md").render()


def test_a_second_language_is_a_yaml_file_with_the_same_keys(tmp_path, en):
    (tmp_path / "vi.yaml").write_text("number:\n  thousands_separator: '.'\n  decimal_separator: ','\nvalue:\n  missing: 'không có'\n", encoding="utf-8")
    vi = load_translations("vi", directory=tmp_path)
    assert format_number(3321, vi) == "3.321" and format_number(12.5, vi) == "12,5"
    with pytest.raises(BuildError, match="fr.yaml"):
        load_translations("fr", directory=tmp_path)


def test_every_yaml_edition_has_the_keys_of_the_english_one(en):
    for path in sorted(TRANSLATIONS_DIR.glob("*.yaml")):
        other = load_translations(path.stem)
        assert set(other.strings) >= set(en.strings), path


def test_numbers_dates_and_values_are_written_the_english_way(en):
    assert format_number(10035, en) == "10,035"
    assert format_number(12.5, en) == "12.5"
    assert format_date("2025-07-01", en) == "1 July 2025"
    assert format_date("2024-10", en) == "October 2024"
    assert format_period("2015", "2021", en) == "2015 – 2021"
    assert format_value(1200, "count", "about", en) == "about 1,200"
    assert format_value(99, "percent", "exact", en) == "99%"
