"""The five seed articles are fully and faithfully in the data.

The articles are copied into tests/fixtures/seeds/ (from ../shared/seeds/) so CI can check,
without the network, that every quote is verbatim, that every number an article states is
either a recorded figure or listed below with the reason it is not one, and that the
disagreements agree with the registry counts they cite.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "datapackages" / "reform"
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"

ARTICLES = {
    "tuyenquang-2024-12-13": "000_e41393cfa68eb673.txt",
    "quangnam-2024-10-04": "001_082fdf06ee7cf35e.txt",
    "quangngai-nhandan": "002_0a1a52316ddbd3c1.txt",
    "thainguyen-gov": "003_a10aba480cd1a902.txt",
    "laichau-2025-09-17": "004_84f58bb0448ddc5a.txt",
}

# Numbers in the articles that are not figures of the reform, with the reason. Years and
# dates are periods (checked through the period columns), not values.
NOT_FIGURES = {
    "tuyenquang-2024-12-13": {
        "12": "the date line 13/12/2024",
        "18": "the number of Resolution 18",
        "4": "online public services 'at levels 3 and 4': service levels, not counts",
    },
    "quangnam-2024-10-04": {
        "16": "the number of Resolution No. 16",
        "17": "the '17th Conference' of the Provincial Party Committee",
        "22": "the Provincial Party Committee's '22nd term'",
        "6": "'6 reductions' and '6 increases': the names of targets, not measurements",
        "4": "'online applications 4 days/week': an opening schedule, not a reform figure",
    },
    "quangngai-nhandan": {
        "18": "the number of Resolution 18-NQ/TW",
        "2030": "the horizon year of the Central Committee's guidance",
    },
    "thainguyen-gov": {
        "31": "the date 31 December 2023 (the period end of the figures)",
    },
    "laichau-2025-09-17": {
        "40": "'nearly 40 years' of the national renovation (Doi Moi): national context",
        "09": "the date line 17/09/2025",
        "12": "the '12th Central Executive Committee' that adopted Resolution 18",
        "18": "the number of Resolution 18-NQ/TW",
        "1": "1 July 2025, the date of the reform",
        "17": "the update date, 17 September 2025",
    },
}

# A number, also as an ordinal ("2nd") or a percentage ("99%").
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d{3})*(?:\.\d+)?(?=%|st\b|nd\b|rd\b|th\b|\b)")
YEAR = re.compile(r"^(19|20)\d\d$")


def read_rows(name: str) -> list[dict[str, str]]:
    with (PACKAGE / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def article_body(source_id: str) -> str:
    """The article without the page furniture that follows its source line."""
    text = (SEEDS / ARTICLES[source_id]).read_text(encoding="utf-8")
    return re.split(r"\n(?:Source:|Bron:|thainguyen\.gov\.vn\n)", text)[0]


def as_number(token: str, language: str) -> float:
    """'1,733' (en) and '1.500' (nl, pl) are thousands; the article's language decides."""
    thousands = "," if language == "en" else "."
    return float(token.replace(thousands, ""))


FIGURES = read_rows("figures")
SOURCES = {row["id"]: row for row in read_rows("sources")}


def test_every_seed_article_is_a_source_with_figures():
    with_figures = {row["source_id"] for row in FIGURES}
    for source_id in ARTICLES:
        assert source_id in SOURCES, f"{source_id} is missing from sources.csv"
        assert source_id in with_figures, f"no figure from {source_id}"


@pytest.mark.parametrize("figure", [f for f in FIGURES if f["source_id"] in ARTICLES], ids=lambda f: f["id"])
def test_quote_is_verbatim_and_states_the_value(figure):
    body = article_body(figure["source_id"])
    quote = figure["quote"]
    assert quote.strip() and quote in body, f"{figure['id']}: the quote is not verbatim in the article"
    language = SOURCES[figure["source_id"]]["language"]
    stated = {as_number(token, language) for token in NUMBER.findall(quote)}
    assert float(figure["value"]) in stated, f"{figure['id']}: value {figure['value']} is not a number of its quote"


@pytest.mark.parametrize("figure", [f for f in FIGURES if f["source_id"] in ARTICLES], ids=lambda f: f["id"])
def test_quote_not_in_english_has_an_english_gloss(figure):
    if SOURCES[figure["source_id"]]["language"] != "en":
        assert figure["quote_en"].strip(), f"{figure['id']}: an English gloss (quote_en) is needed"


@pytest.mark.parametrize("source_id", sorted(ARTICLES))
def test_every_number_in_the_article_is_recorded_or_explained(source_id):
    language = SOURCES[source_id]["language"]
    recorded = {float(f["value"]) for f in FIGURES if f["source_id"] == source_id}
    explained = NOT_FIGURES.get(source_id, {})
    missing = []
    for token in NUMBER.findall(article_body(source_id)):
        if YEAR.match(token) or token in explained:
            continue
        if as_number(token, language) not in recorded:
            missing.append(token)
    assert not missing, f"{source_id}: numbers stated in the article but not in figures.csv: {missing}"


def test_explained_numbers_really_occur_in_their_article():
    """A stale entry in NOT_FIGURES would hide nothing; keep the list honest."""
    for source_id, numbers in NOT_FIGURES.items():
        tokens = set(NUMBER.findall(article_body(source_id)))
        assert set(numbers) <= tokens, f"{source_id}: {set(numbers) - tokens} do not occur"


def test_lai_chau_fall_from_106_to_38_is_recorded_as_a_fall():
    by_id = {f["id"]: f for f in FIGURES}
    before, after = by_id["lc-commune-level-units-before"], by_id["lc-commune-level-units-after"]
    assert (before["measure"], before["value"], before["province_id"]) == ("count_before", "106", "p63-12")
    assert (after["measure"], after["value"], after["province_id"]) == ("count_after", "38", "p34-12")
    assert "gestegen" in before["notes"] and "fell" in before["notes"]


def test_quang_ngai_total_and_reduction_are_both_recorded_as_stated():
    by_id = {f["id"]: f for f in FIGURES}
    assert by_id["qg-commune-level-units-after"]["value"] == "96"
    assert by_id["qg-commune-level-units-reduction"]["measure"] == "reduction"
    assert by_id["qg-commune-level-units-reduction"]["value"] == "194"
    derived = [f for f in FIGURES if f["province_id"] == "p34-51" and f["measure"] == "count_before"]
    assert not derived, "the count before (290) is implied, not stated: it belongs in disagreements, not figures"


def test_disagreements_cite_the_registry_counts_of_the_predecessors():
    """registry_value of a commune-level disagreement = the registry's count it names."""
    totals = defaultdict(dict)
    for row in read_rows("unit_counts"):
        totals[row["province_id"]][row["as_of"]] = int(row["total"])
    successions = read_rows("successions")
    figures = {f["id"]: f for f in FIGURES}
    checked = 0
    for row in read_rows("disagreements"):
        for figure_id in row["figure_ids"].split():
            assert figure_id in figures, f"{row['id']}: unknown figure {figure_id}"
        if row["indicator_id"] != "commune-level-units":
            continue
        province = row["province_id"]
        if province.startswith("p34-"):
            predecessors = [s["predecessor_id"] for s in successions if s["successor_id"] == province]
            registry = sum(max(totals[p].items())[1] for p in predecessors)
        else:
            registry = max(totals[province].items())[1]
        assert float(row["registry_value"]) == registry, f"{row['id']}: the registry says {registry}"
        checked += 1
    assert checked, "the Quang Ngai disagreement (290 implied, registry 272) must be recorded"
