"""The columnar path (validate/columnar/) reports exactly what the frictionless path reports.

A synthetic package (benchmarks/synthetic.py) gets one fault of every class the frictionless
path reports, then is validated twice in the test: the columnar path forced on (its size
threshold at 0) and forced off. The two lists of problems (file, line, message, field, rule)
must be equal, and the columnar run must really have gone through DuckDB.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
import subprocess
import sys
import unicodedata

import pytest
from test_synthetic import synthetic

from helpers import validated_by_path as validated
from site_builder.dataset import pinned

# Builds whole sites or large data: left out of `make check` (the full suite runs it).
pytestmark = pytest.mark.slow

ROWS = 1500


def read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path, rows, line_end="\n"):
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=line_end).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("columnar") / "datapackages"
    synthetic.generate(ROWS, folder)
    shutil.rmtree(folder / "units")  # the units package is validated the exact way whatever the size; leave it out
    return folder


def copy_of(clean, tmp_path):
    target = tmp_path / "datapackages"
    shutil.copytree(clean, target)
    return target


def inject_faults(rows: list[list[str]]) -> None:
    """One fault of each class in the synthetic rows (index 0 is the header), most of them
    after a multi-line cell, so line numbers are counted across it."""
    names = rows[0]
    at = {name: i for i, name in enumerate(names)}

    def edit(index, **cells):
        for name, value in cells.items():
            rows[index][at[name]] = value

    edit(100, notes="A note\nover two lines.")  # every later line shifts by one
    edit(120, value="abc")  # type error
    edit(130, province_id="")  # required
    edit(140, measure="counted")  # enum
    edit(150, id="Bad_ID")  # pattern
    edit(160, id=rows[170][at["id"]])  # primary key (the later row repeats it)
    edit(180, province_id="p99-99")  # foreign keys
    edit(190, indicator_id="no-such-indicator")
    edit(200, source_id="no-such-source")
    edit(210, quote="=SUM(A1) was reported")  # formula
    edit(220, value="1,000")  # number syntax
    edit(230, value="NaN")
    edit(240, notes="tab\there")  # control character
    edit(250, area=unicodedata.normalize("NFD", "Thành phố"))  # not NFC
    edit(260, period_end="2025-02-30")  # not a calendar date
    edit(270, period_start="2025-09-01", period_end="2025-08-01")  # period order (p34 rows are from 2025-07)
    edit(280, period_end="2099-01-01")  # future
    edit(290, measure="percent", value="150")  # measure values
    edit(300, value="-3")
    edit(310, measure="rank", value="0")
    edit(320, quote="   ")  # quote present
    edit(330, value=" 5")
    edit(340, area="Khu  vực", notes="=cmd")
    former = next(i for i in range(400, len(rows)) if rows[i][at["province_id"]].startswith("p63"))
    current = next(i for i in range(400, len(rows)) if rows[i][at["province_id"]].startswith("p34"))
    edit(former, period_end="2026-01-01")  # after the province ceased to exist
    edit(current, period_end="2020-01-01")  # before it existed
    twin = list(rows[500])
    twin[at["id"]], twin[at["value"]], twin[at["area"]] = "twin-of-500", twin[at["value"]] + ".0", "  "
    rows.append(twin)  # a duplicate figure, once spacing and the way the value is written are set aside
    rows.append(list(rows[600]))  # a duplicate row: primary key and figure
    for measure, value, suffix in (("count_before", "10", "a"), ("reduction", "3", "a"), ("count_after", "8", "a")):
        rows.append(
            ["sum-" + measure.replace("_", "-") + suffix, "p63-01", "", "communes", measure, value, "exact"]
            + ["2020", "2024-06-30", "synthetic-benchmark", "Q.", "", "", "result", "", ""]
        )
    for measure, value in (("count_before", "10"), ("reduction", "3"), ("count_after", "7")):
        rows.append(
            ["ok-" + measure.replace("_", "-"), "p63-02", "", "communes", measure, value, "exact"]
            + ["2020", "2024-06-30", "synthetic-benchmark", "Q.", "", "", "result", "", ""]
        )


def test_every_fault_class_is_reported_the_same_by_both_paths(clean, tmp_path, monkeypatch):
    real_pinned = pinned.pinned_copy
    data = copy_of(clean, tmp_path)
    figures = data / "reform" / "figures.csv"
    rows = read(figures)
    inject_faults(rows)
    write(figures, rows)
    disagreements = data / "reform" / "disagreements.csv"
    table = read(disagreements)
    table[1][3] += " syn-0000900 no-such-figure"  # one existing synthetic figure, one unknown
    write(disagreements, table)
    descriptor = json.loads((data / "reform" / "datapackage.json").read_text(encoding="utf-8"))
    figures_schema = next(r for r in descriptor["resources"] if r["name"] == "figures")["schema"]
    next(f for f in figures_schema["fields"] if f["name"] == "value")["constraints"]["maximum"] = (
        4990  # a few synthetic values exceed it
    )
    (data / "reform" / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    # The schemas are the code's (dataset/pinned.py): the code's copy gets the same maximum.
    loose = copy.deepcopy(pinned.pinned_copy("reform"))
    value = next(f for r in loose["resources"] if r["name"] == "figures" for f in r["schema"]["fields"] if f["name"] == "value")
    value["constraints"]["maximum"] = 4990
    monkeypatch.setattr(pinned, "pinned_copy", lambda package: loose if package == "reform" else real_pinned(package))

    exact, used_exact = validated(data, monkeypatch, columnar_on=False)
    fast, used_columnar = validated(data, monkeypatch, columnar_on=True)

    assert not used_exact and used_columnar
    assert fast == exact
    rules = {p.rule for p in exact}
    expected = {
        "type-error", "constraint-error", "primary-key", "foreign-key", "reform-formula-cell", "reform-number-syntax",
        "reform-control-character", "reform-text-not-nfc", "reform-calendar-date", "reform-period-order",
        "reform-future-date", "reform-measure-value", "reform-missing-quote", "reform-outside-lifetime",
        "reform-duplicate-figure", "reform-figures-do-not-add-up", "reform-unknown-figure",
    }  # fmt: skip
    assert expected <= rules, expected - rules
    assert any("4990" in p.message for p in exact)  # the maximum of the code's copy applies
    assert not [p for p in exact if p.path.endswith("datapackage.json")]
    assert len([p for p in exact if p.path.endswith("figures.csv")]) >= len(expected)


@pytest.mark.parametrize(
    "damage",
    ["blank row", "missing cell", "extra cell", "crlf", "unclosed quote", "blank before a quote", "blank after a quote"],
)
def test_a_file_the_columnar_engine_cannot_read_exactly_gets_the_same_report(clean, tmp_path, monkeypatch, damage):
    data = copy_of(clean, tmp_path)
    figures = data / "reform" / "figures.csv"
    rows = read(figures)
    rows[150][5] = "abc"  # a fault to report besides the damage
    if damage == "missing cell":
        rows[300] = rows[300][:-2]
    elif damage == "extra cell":
        rows[300] = rows[300] + ["surplus"]
    write(figures, rows, "\r\n" if damage == "crlf" else "\n")
    text = figures.read_text(encoding="utf-8")
    if damage == "blank row":
        lines = text.split("\n")
        figures.write_text("\n".join(lines[:400] + [""] + lines[400:]), encoding="utf-8")
    elif damage == "unclosed quote":
        figures.write_text(text + 'last,"never closed\n', encoding="utf-8")
    elif damage == "blank before a quote":  # Python's csv keeps ' "12"', DuckDB would read 12
        figures.write_text(text.replace(",12,exact,", ', "12",exact,', 1), encoding="utf-8")
    elif damage == "blank after a quote":  # Python's csv refuses the row, DuckDB would read 12
        figures.write_text(text.replace(",12,exact,", ',"12" ,exact,', 1), encoding="utf-8")

    exact, _ = validated(data, monkeypatch, columnar_on=False)
    fast, _ = validated(data, monkeypatch, columnar_on=True)

    assert exact and fast == exact


def test_clean_synthetic_data_has_no_problem_and_no_suspect_row(clean, monkeypatch):
    import duckdb

    from site_builder.validate.columnar import scan

    found = []
    real = scan.suspect_rows

    def spy(connection: duckdb.DuckDBPyConnection):
        found.append(real(connection))
        return found[-1]

    monkeypatch.setattr(scan, "suspect_rows", spy)
    problems, used = validated(clean, monkeypatch, columnar_on=True)
    assert problems == [] and used
    assert found and len(found[0]) < ROWS / 10  # the real figures' groups, not every row


# Run in a fresh process: the units package goes alongside only from a single-threaded process,
# and earlier tests (browser, preview) may leave threads in this one.
ALONGSIDE = """
import json, sys
from pathlib import Path
from site_builder.validate import alongside, columnar, validate_packages
started, real = [], alongside.start
alongside.start = lambda *a: started.append(1) or real(*a)
columnar.MIN_BYTES = 10**15
exact = validate_packages(Path(sys.argv[1]))
columnar.MIN_BYTES = 0
fast = validate_packages(Path(sys.argv[1]))
print(json.dumps({"same": fast == exact, "started": started, "packages": sorted({p.path.split("/")[-2] for p in exact})}))
"""


def test_the_units_package_validated_alongside_reports_what_it_reports_alone(tmp_path):
    data = tmp_path / "datapackages"
    synthetic.generate(ROWS, data)
    units = data / "units" / "units_after.csv"
    rows = read(units)
    rows[5][0] = "x" + rows[5][0]  # a unit code the schema refuses, in the units package
    write(units, rows)
    figures = data / "reform" / "figures.csv"
    rows = read(figures)
    rows[50][5] = "abc"
    write(figures, rows)

    run = subprocess.run([sys.executable, "-c", ALONGSIDE, str(data)], capture_output=True, text=True, timeout=600)

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"same": True, "started": [1], "packages": ["reform", "units"]}
