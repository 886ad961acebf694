"""The corrections of issue 22 (an independent re-read of every figure against its source) stay
in the data: each test names what was wrong and what the data must say instead."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers import REFORM

FACTS = json.loads((Path(__file__).resolve().parent / "fixtures" / "source_facts.json").read_text(encoding="utf-8"))["sources"]


def rows(name: str) -> dict[str, dict[str, str]]:
    with (REFORM / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        key = reader.fieldnames[0]
        return {row[key]: row for row in reader}


FIGURES = rows("figures.csv")
SOURCES = rows("sources.csv")
INDICATORS = rows("indicators.csv")
DISAGREEMENTS = rows("disagreements.csv")

# The seed articles read in a translation whose own address came without the copy, and the
# original each names as its source ("Source: ..." at the end of the copy).
SEED_ORIGINALS = {
    "laichau-2025-09-17": ("nl", "https://laichau.gov.vn/"),
    "quangnam-2024-10-04": ("en", "https://baoquangnam.vn/"),
    "quangngai-nhandan": ("pl", "https://nhandan.vn/"),
    "tuyenquang-2024-12-13": ("en", "https://baotuyenquang.com.vn/"),
}


def test_lai_chau_reductions_of_2020_2025_belong_to_the_province_since_the_reform():
    for figure_id in (
        "lc-grassroots-party-organisations-reduction-2020-2025",
        "lc-organisations-reduction-2020-2025",
        "lc-staff-reduction-2020-2025",
    ):
        figure = FIGURES[figure_id]
        assert figure["province_id"] == "p34-12", figure_id
        assert "2020-2025" in figure["notes"], "the stated period stays in the notes"


def test_quang_ngai_five_core_contents_are_not_a_figure():
    assert "qg-plan-tasks-ahead" not in FIGURES
    five = [entry for entry in FACTS["quangngai-nhandan"]["numbers"] if entry["number"] == "5"]
    assert five and not five[0].get("figures") and "not a measurement" in five[0]["not_a_figure"]


def test_quang_ngai_107_is_counted_with_sub_departments_and_its_indicator_says_so():
    figure = FIGURES["qg-department-divisions"]
    indicator = INDICATORS[figure["indicator_id"]]
    assert figure["indicator_id"] != "department-divisions"
    assert "sub-departments" in indicator["name_en"] and "chi cục" in indicator["name_vi"]
    assert "chi cục" in figure["notes"]


def test_tuyen_quang_reduction_of_3_is_of_communes():
    assert FIGURES["tq-commune-level-units-reduction-2024"]["indicator_id"] == "communes"


def test_tam_ky_digital_rank_does_not_claim_each_year():
    assert "each year" not in FIGURES["qn-tamky-digital-rank-2021-2023"]["notes"].replace("of each year or", "")


def test_lai_chau_106_says_its_date_is_the_registrys():
    notes = FIGURES["lc-commune-level-units-before"]["notes"]
    assert "registry" in notes and "no date" in notes


def test_seed_sources_link_the_original_as_the_original_and_say_the_translation_address_is_unknown():
    for source_id, (language, original) in SEED_ORIGINALS.items():
        source = SOURCES[source_id]
        assert source["language"] == language and source["translated_from"] == "vi", source_id
        assert source["original_url"].startswith(original), source_id
        assert source["url"] == "" and "not recorded" in source["notes"], source_id


def test_republishers_of_quang_ngai_and_thai_nguyen_give_their_evidence():
    assert "Komentarz" in SOURCES["quangngai-nhandan"]["notes"] and "Republisher" in SOURCES["quangngai-nhandan"]["notes"]
    thai_nguyen = SOURCES["thainguyen-gov"]
    assert thai_nguyen["url"].startswith("https://www.vietnam.vn/en/")
    assert "Descriptive title" in thai_nguyen["notes"] and "Republisher" in thai_nguyen["notes"]


def test_quang_nam_title_is_whole_and_marked_descriptive():
    source = SOURCES["quangnam-2024-10-04"]
    assert source["title"].startswith("Administrative reform 2021-2025: Quang Nam")
    assert source["notes"].startswith("Descriptive title")


def test_no_disagreement_cites_a_document_missing_from_sources():
    """The explanation of Tuyên Quang's 138 cited a statistics office list that no source records."""
    for disagreement in DISAGREEMENTS.values():
        text = disagreement["explanation"].lower()
        assert "statistics office" not in text and "4 january 2025" not in text, disagreement["id"]
