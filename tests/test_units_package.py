"""The committed units package (datapackages/units), read as a data user would: the registry's
totals, every former unit accounted for, every current unit with a predecessor, province ids of
the right era that exist in the reform package, the Tiền Giang correction applied, and no
coordinates anywhere. (That a fresh import gives these files is tests/test_registry_import.py.)
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "datapackages"
UNITS = DATA / "units"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def units():
    return {
        name: rows(UNITS / f"{name}.csv")
        for name in ("districts", "units_before", "units_after", "unit_changes", "registry_disagreements")
    }


def test_totals_are_the_registry_s(units):
    assert len(units["districts"]) == 696
    assert len(units["units_before"]) == 10_035
    assert len(units["units_after"]) == 3_321
    assert Counter(u["type"] for u in units["units_after"]) == {"commune": 2_621, "ward": 687, "special_zone": 13}


def test_totals_agree_with_the_reform_package_s_unit_counts(units):
    counts = rows(DATA / "reform" / "unit_counts.csv")
    for era, name in (("p63-", "units_before"), ("p34-", "units_after")):
        expected = {c["province_id"]: int(c["total"]) for c in counts if c["province_id"].startswith(era)}
        assert Counter(u["province_id"] for u in units[name]) == expected


@pytest.mark.parametrize("name", ["districts", "units_before", "units_after"])
def test_codes_are_unique(units, name):
    codes = [u["code"] for u in units[name]]
    assert len(codes) == len(set(codes))


def test_every_former_unit_went_somewhere_and_every_current_unit_came_from_somewhere(units):
    changes = units["unit_changes"]
    assert {c["former_code"] for c in changes if c["former_code"]} == {u["code"] for u in units["units_before"]}
    assert {c["current_code"] for c in changes} == {u["code"] for u in units["units_after"]}
    islands = [c for c in changes if not c["former_code"]]
    assert {c["former_district_code"] for c in islands} <= {d["code"] for d in units["districts"]}
    assert len(islands) == 5


def test_divided_units_have_several_successors_and_at_most_one_main(units):
    successors: dict[tuple[str, str], list[dict]] = {}
    for change in units["unit_changes"]:
        successors.setdefault((change["former_code"], change["former_district_code"]), []).append(change)
    for former, targets in successors.items():
        divided = {t["divided"] for t in targets}
        assert divided == {"true" if len(targets) > 1 else "false"}, former
        assert sum(t["is_main"] == "true" for t in targets) <= 1, former
        if len(targets) == 1:
            assert targets[0]["is_main"] == "true"
    assert sum(len(t) > 1 for t in successors.values()) == 471


def test_province_ids_are_of_the_right_era_and_exist_in_the_reform_package(units):
    provinces = {p["id"] for p in rows(DATA / "reform" / "provinces.csv")}
    for name, era in (("districts", "p63-"), ("units_before", "p63-"), ("units_after", "p34-")):
        ids = {u["province_id"] for u in units[name]}
        assert all(i.startswith(era) for i in ids), name
        assert ids <= provinces, name
    assert len({u["province_id"] for u in units["units_before"]}) == 63
    assert len({u["province_id"] for u in units["units_after"]}) == 34


def test_a_unit_s_province_is_its_district_s(units):
    district_province = {d["code"]: d["province_id"] for d in units["districts"]}
    assert all(district_province[u["district_code"]] == u["province_id"] for u in units["units_before"])


def test_files_are_sorted_by_code(units):
    for name in ("districts", "units_before", "units_after"):
        codes = [u["code"] for u in units[name]]
        assert codes == sorted(codes), name


def test_no_coordinates_anywhere_under_datapackages():
    coordinate = re.compile(r"(^|_)(lat|lon|lng|latitude|longitude|coordinates?|bounds|geo\w*)($|_)", re.IGNORECASE)
    for path in DATA.rglob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert not [c for c in header if coordinate.search(c)], path
    for path in DATA.rglob("datapackage.json"):
        for resource in json.loads(path.read_text(encoding="utf-8"))["resources"]:
            assert not [f["name"] for f in resource["schema"]["fields"] if coordinate.search(f["name"])], path


def test_the_package_and_each_resource_name_the_registry_package_and_its_version():
    descriptor = json.loads((UNITS / "datapackage.json").read_text(encoding="utf-8"))
    for entry in [descriptor, *descriptor["resources"]]:
        assert entry["licenses"] and entry["sources"]
        assert any(s["title"].startswith("vietnamadminunits 1.0.4") and s["version"] == "1.0.4" for s in entry["sources"])


def test_the_tien_giang_correction_is_applied():
    corrections = rows(REPO / "site_builder" / "registry" / "corrections.csv")
    fix = next(c for c in corrections if c["record"] == "27691")
    assert (fix["old_value"], fix["new_value"]) == ("82", "80") and fix["reason"] and fix["legal_basis"]
    successions = {s["predecessor_id"]: s for s in rows(DATA / "reform" / "successions.csv")}
    assert successions["p63-82"]["successor_id"] == "p34-82"
    assert float(successions["p63-82"]["unit_share"]) == 1.0


def test_disagreements_name_their_kind_codes_and_explanation(units):
    kinds = Counter(d["kind"] for d in units["registry_disagreements"])
    assert kinds["former_province_differs"] == 2 and kinds["current_unit_missing"] == 5
    for disagreement in units["registry_disagreements"]:
        assert disagreement["explanation"] and (disagreement["former_code"] or disagreement["current_code"])
