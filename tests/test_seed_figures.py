"""The five seed articles are fully and faithfully in the data, without their text in the repository.

The articles are not ours to republish, so the repository keeps only facts about them, in
tests/fixtures/source_facts.json: for each source, the article's file name in shared/seeds/,
the SHA-256 of that file, and every number the article states, either a recorded figure (its
figure ids and value) or not a figure (with the reason: a resolution number, a date ...).

Always checked: every figure the facts list is in figures.csv with that value and a quote,
and every figure from a seed article is listed. Checked when the articles are at hand
(SEED_ARTICLES_DIR, or shared/seeds/ beside the checkout as in CI): the file is the one the
facts were made from, every quote is verbatim in it, and every number it states is a recorded
figure or explained. Without an article those tests are skipped, naming the file not found.

When a figure from a seed article is added or removed, or a number is found not to be a
figure, edit source_facts.json by hand: one line per number, as written in the article.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "datapackages" / "reform"
FACTS = json.loads((Path(__file__).resolve().parent / "fixtures" / "source_facts.json").read_text(encoding="utf-8"))["sources"]

# A number, also as an ordinal ("2nd") or a percentage ("99%").
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d{3})*(?:\.\d+)?(?=%|st\b|nd\b|rd\b|th\b|\b)")


def read_rows(name: str) -> list[dict[str, str]]:
    with (PACKAGE / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_number(token: str, language: str) -> float:
    """'1,733' (en) and '1.500' (nl, pl) are thousands; the article's language decides."""
    thousands = "," if language == "en" else "."
    return float(token.replace(thousands, ""))


FIGURES = read_rows("figures")
FIGURES_BY_ID = {row["id"]: row for row in FIGURES}
SOURCES = {row["id"]: row for row in read_rows("sources")}
SEED_FIGURES = [f for f in FIGURES if f["source_id"] in FACTS]


def article_folders() -> list[Path]:
    """Where the articles may be: SEED_ARTICLES_DIR, else shared/seeds/ beside the checkout (CI) or one level up."""
    folders = [Path(os.environ["SEED_ARTICLES_DIR"])] if os.environ.get("SEED_ARTICLES_DIR") else []
    return folders + [REPO.parent / "shared" / "seeds", REPO.parent.parent / "shared" / "seeds"]


def article_path(source_id: str) -> Path:
    """The article's file, or skip the calling test saying which file was not found where."""
    name = FACTS[source_id]["file"]
    for folder in article_folders():
        if (folder / name).is_file():
            return folder / name
    looked = ", ".join(str(folder / name) for folder in article_folders())
    pytest.skip(f"article of {source_id} not found: {looked}; set SEED_ARTICLES_DIR to the folder that holds {name}")


def article_body(source_id: str) -> str:
    """The article without the page furniture that follows its source line."""
    text = article_path(source_id).read_text(encoding="utf-8")
    return re.split(r"\n(?:Source:|Bron:|thainguyen\.gov\.vn\n)", text)[0]


def is_recorded(entry: dict) -> bool:
    """The number is a figure of figures.csv with the value the facts give."""
    return any(
        figure_id in FIGURES_BY_ID and float(FIGURES_BY_ID[figure_id]["value"]) == entry["value"]
        for figure_id in entry.get("figures", ())
    )


# --- Always: the facts and figures.csv agree -------------------------------------------------


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_every_seed_article_is_a_source_with_figures(source_id):
    assert source_id in SOURCES, f"{source_id} is missing from sources.csv"
    assert any(f["source_id"] == source_id for f in FIGURES), f"no figure from {source_id}"


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_every_figure_the_facts_list_is_recorded_with_its_value_and_quote(source_id):
    problems = []
    for entry in FACTS[source_id]["numbers"]:
        for figure_id in entry.get("figures", ()):
            figure = FIGURES_BY_ID.get(figure_id)
            if figure is None:
                problems.append(f"{figure_id} (the {entry['number']} of the article) is not in figures.csv")
            elif float(figure["value"]) != entry["value"] or figure["source_id"] != source_id:
                problems.append(
                    f"{figure_id} is {figure['value']} from {figure['source_id']}, the facts say {entry['value']} from {source_id}"
                )
            elif not figure["quote"].strip():
                problems.append(f"{figure_id} has no quote")
        if not entry.get("figures") and not entry.get("not_a_figure", "").strip():
            problems.append(f"{entry['number']} is neither a figure nor explained in source_facts.json")
    assert not problems, f"{source_id}: " + "; ".join(problems)


@pytest.mark.parametrize("figure", SEED_FIGURES, ids=lambda f: f["id"])
def test_every_figure_from_a_seed_article_is_listed_in_the_facts(figure):
    listed = {i for entry in FACTS[figure["source_id"]]["numbers"] for i in entry.get("figures", ())}
    assert figure["id"] in listed, (
        f"{figure['id']}: add it to the number it comes from in tests/fixtures/source_facts.json (source {figure['source_id']})"
    )


@pytest.mark.parametrize("figure", SEED_FIGURES, ids=lambda f: f["id"])
def test_quote_states_the_value(figure):
    language = SOURCES[figure["source_id"]]["language"]
    stated = {as_number(token, language) for token in NUMBER.findall(figure["quote"])}
    assert float(figure["value"]) in stated, f"{figure['id']}: value {figure['value']} is not a number of its quote"


@pytest.mark.parametrize("figure", SEED_FIGURES, ids=lambda f: f["id"])
def test_quote_not_in_english_has_an_english_gloss(figure):
    if SOURCES[figure["source_id"]]["language"] != "en":
        assert figure["quote_en"].strip(), f"{figure['id']}: an English gloss (quote_en) is needed"


# --- With the article at hand ----------------------------------------------------------------


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_article_is_the_text_the_facts_were_made_from(source_id):
    path = article_path(source_id)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == FACTS[source_id]["sha256"], (
        f"{path} has SHA-256 {digest}, not the {FACTS[source_id]['sha256']} "
        f"of source_facts.json: reread the article and update its facts"
    )


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_every_quote_is_verbatim_in_the_article(source_id):
    body = article_body(source_id)
    not_verbatim = [f["id"] for f in SEED_FIGURES if f["source_id"] == source_id and f["quote"] not in body]
    assert not not_verbatim, f"{source_id}: the quotes of {not_verbatim} are not verbatim in {FACTS[source_id]['file']}"


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_every_number_the_article_states_is_recorded_or_explained(source_id):
    body = article_body(source_id)
    facts = {entry["number"]: entry for entry in FACTS[source_id]["numbers"]}
    missing = []
    for token in dict.fromkeys(NUMBER.findall(body)):
        entry = facts.get(token, {})
        if is_recorded(entry) or entry.get("not_a_figure", "").strip():
            continue
        why = (
            f"its figures {entry['figures']} are not in figures.csv with value {entry['value']:g}"
            if entry.get("figures")
            else "source_facts.json does not list it"
        )
        missing.append(f"{token} ({why})")
    assert not missing, (
        f"{source_id} ({FACTS[source_id]['file']}) states numbers that are neither a recorded figure nor "
        f"explained as not a figure: {'; '.join(missing)}"
    )


@pytest.mark.parametrize("source_id", sorted(FACTS))
def test_every_number_in_the_facts_occurs_in_the_article(source_id):
    """A stale entry would hide nothing; keep the facts honest."""
    tokens = set(NUMBER.findall(article_body(source_id)))
    stale = [entry["number"] for entry in FACTS[source_id]["numbers"] if entry["number"] not in tokens]
    assert not stale, f"{source_id}: {stale} do not occur in {FACTS[source_id]['file']}"


# --- Readings that needed care ---------------------------------------------------------------


def test_lai_chau_fall_from_106_to_38_is_recorded_as_a_fall():
    before, after = FIGURES_BY_ID["lc-commune-level-units-before"], FIGURES_BY_ID["lc-commune-level-units-after"]
    assert (before["measure"], before["value"], before["province_id"]) == ("count_before", "106", "p63-12")
    assert (after["measure"], after["value"], after["province_id"]) == ("count_after", "38", "p34-12")
    assert "gestegen" in before["notes"] and "fell" in before["notes"]
    assert "rose [sic]" in before["quote_en"], "the gloss says what the translation says, marked [sic]"


def test_quang_ngai_total_and_reduction_are_both_recorded_as_stated():
    assert FIGURES_BY_ID["qg-commune-level-units-after"]["value"] == "96"
    assert FIGURES_BY_ID["qg-commune-level-units-reduction"]["measure"] == "reduction"
    assert FIGURES_BY_ID["qg-commune-level-units-reduction"]["value"] == "194"
    derived = [f for f in FIGURES if f["province_id"] == "p34-51" and f["measure"] == "count_before"]
    assert not derived, "the count before (290) is implied, not stated: it belongs in disagreements, not figures"


def test_tuyen_quang_34_agencies_are_agencies_restructured_not_agencies():
    restructured = [f for f in FIGURES if f["source_id"] == "tuyenquang-2024-12-13" and f["value"] == "34"]
    assert [f["indicator_id"] for f in restructured] == ["provincial-agencies-restructured"]


def test_tuyen_quang_villages_merged_and_reduction_disagree_in_the_data():
    merged, formed = FIGURES_BY_ID["tq-villages-merged-2024"], FIGURES_BY_ID["tq-villages-formed-2024"]
    reduction = FIGURES_BY_ID["tq-villages-reduction-2024"]
    assert float(merged["value"]) - float(formed["value"]) != float(reduction["value"])
    rows = [row for row in read_rows("disagreements") if reduction["id"] in row["figure_ids"].split()]
    assert rows and merged["id"] in rows[0]["figure_ids"].split(), "693 merged into 334 is 359, not 363: a disagreement row"


def test_disagreements_cite_the_registry_counts_of_the_predecessors():
    """registry_value of a commune-level disagreement = the registry's count it names."""
    totals = defaultdict(dict)
    for row in read_rows("unit_counts"):
        totals[row["province_id"]][row["as_of"]] = int(row["total"])
    successions = read_rows("successions")
    checked = 0
    for row in read_rows("disagreements"):
        for figure_id in row["figure_ids"].split():
            assert figure_id in FIGURES_BY_ID, f"{row['id']}: unknown figure {figure_id}"
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
