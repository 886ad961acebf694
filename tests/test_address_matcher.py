"""The address matcher (site_builder/addresses) on addresses as people write them. The corpus
(tests/fixtures/addresses/corpus.csv) is shared with the browser's matcher, which
tests/e2e/test_e2e_addresses.py runs on the same rows: both must give these answers."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from site_builder.addresses.convert import AddressMatcher
from site_builder.addresses.index import one_edit_apart
from site_builder.addresses.matcher import wanted_shards
from site_builder.addresses.rules import load_rules
from site_builder.dataset.vocabulary import FORMULA_START

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "addresses" / "corpus.csv"


def corpus() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def matcher() -> AddressMatcher:
    return AddressMatcher.from_data(REPO / "datapackages")


@pytest.mark.parametrize("case", corpus(), ids=lambda c: f"{c['form']}: {c['address']}")
def test_the_corpus_is_answered_as_expected(matcher, case):
    match = matcher.match(case["address"])
    assert (match.status, " ".join(match.current_codes())) == (case["status"], case["codes"])


def test_the_corpus_covers_every_form_the_matcher_must_read():
    forms = {c["form"] for c in corpus()}
    assert forms >= {
        "official", "short_types", "short_types_unmarked", "house_and_street", "numbered_ward", "province_short_form",
        "with_district_only", "no_spaces", "misspelled", "reversed_with_dashes", "current_address", "ambiguous", "not_found",
    }  # fmt: skip


def test_an_id_card_address_leads_to_the_current_ward(matcher):
    match = matcher.match("Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội")
    assert match.status == "exact"
    assert match.best.row[1] == "00001" and match.current_codes() == ["00097"]


@pytest.mark.parametrize(
    "address",
    [
        "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội",
        "p.phuc xa q.ba dinh tp.ha noi",
        "P Phuc Xa, Q Ba Dinh, HN",
        "phuc xa - ba dinh - ha noi",
    ],
)
def test_short_type_words_with_or_without_dot_space_or_marks_read_the_same(matcher, address):
    assert matcher.match(address).current_codes() == ["00097"]


def test_a_house_number_and_a_street_named_like_a_ward_are_ignored(matcher):
    # Trần Hưng Đạo is also a ward of Hoàn Kiếm: the address's own ward wins by its district and province.
    assert matcher.match("12 Trần Hưng Đạo, P. Phúc Xá, Q. Ba Đình, Hà Nội").current_codes() == ["00097"]


def test_numbered_wards_need_their_type_word_or_a_part_of_their_own(matcher):
    assert matcher.match("Phường 15, Quận Tân Bình, TP.HCM").best.row[3] == "Phường 15"
    assert matcher.match("15, Tân Bình, Hồ Chí Minh").best.row[3] == "Phường 15"
    assert not [c for c in matcher.match("76 Nguyễn Huệ, Hà Nội").candidates if c.row[2].isdigit()]


def test_the_district_and_province_rank_units_of_one_name(matcher):
    nghe_an = matcher.match("Xã Văn Sơn, Huyện Đô Lương, Nghệ An")
    assert nghe_an.status == "exact" and nghe_an.best.row[6] == "p63-40"
    alone = matcher.match("Xã Văn Sơn")
    assert alone.status == "ambiguous"
    assert len(alone.top()) > 1 and nghe_an.best.row[1] in {c.row[1] for c in alone.candidates}


def test_a_misspelling_is_found_and_ranked_below_an_exact_name(matcher):
    match = matcher.match("nhat tam, tay ho, ha noi")
    assert match.status == "likely" and match.best.fuzzy and match.best.row[3] == "Phường Nhật Tân"
    exact = matcher.match("Xã Nhật Tân")  # both exact Nhật Tân come before any one-letter neighbour
    assert all(not c.fuzzy for c in exact.top())


def test_a_divided_unit_leads_to_every_part_the_main_part_first(matcher):
    match = matcher.match("Phường Nhật Tân, Quận Tây Hồ, Hà Nội")
    assert match.status == "likely"  # the address may be in either part
    assert match.current_codes() == ["00103", "00097"]


def test_an_address_without_a_district_reads_as_a_current_one(matcher):
    match = matcher.match("Xã Đô Lương, Nghệ An")
    assert match.best.row[0] == "c" and match.current_codes() == ["17662"]


def test_decomposed_and_upper_case_text_reads_as_composed_text(matcher):
    text = "Phường Phúc Xá, Quận Ba Đình"
    assert (
        matcher.match(unicodedata.normalize("NFD", text)).current_codes()
        == matcher.match(text.upper()).current_codes()
        == ["00097"]
    )


def test_nothing_is_found_for_names_no_unit_has(matcher):
    assert matcher.match("Xã Không Có, Tỉnh Mơ").status == "not_found"
    assert matcher.match("").status == "not_found"


def test_a_query_needs_only_the_shards_its_words_may_name(matcher):
    shards = matcher.units.shards
    assert wanted_shards("phuc xa", matcher.rules, matcher.places, shards) == ["phuc"]
    assert wanted_shards("P. Phúc Xá, Q. Ba Đình, TP. Hà Nội", matcher.rules, matcher.places, shards) == [
        "ba",
        "bad",
        "ha",
        "han",
        "phuc",
    ]


def test_the_letter_table_folds_every_vietnamese_letter_as_unicode_decomposes_it():
    rules = load_rules()
    vietnamese = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    for letter in vietnamese:
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            composed = unicodedata.normalize("NFC", letter + mark)
            base = unicodedata.normalize("NFD", composed.replace("đ", "d").replace("Đ", "D"))[0].lower()
            assert rules.fold(composed) == base, composed


def test_the_csv_rules_flag_the_same_formula_characters_as_the_downloads():
    assert tuple(load_rules().csv["formula_start"]) == FORMULA_START


@pytest.mark.parametrize(
    ("a", "b", "near"), [("nhattan", "nhattam", True), ("dakha", "dakh", True), ("ab", "ba", False), ("x", "x", False)]
)
def test_one_edit_means_one_letter_inserted_left_out_or_changed(a, b, near):
    assert one_edit_apart(a, b) is near
