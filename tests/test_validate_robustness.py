"""No bad input ever gives a traceback: each case is one problem at the right file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.validate import format_problem, validate_packages

FIGURES = "datapackages/reform/figures.csv"


def figures(project: Path) -> Path:
    return project / "datapackages" / "reform" / "figures.csv"


def problems(project: Path) -> list[str]:
    return [format_problem(p) for p in validate_packages(project / "datapackages")]


def test_malformed_descriptor_names_the_json_line(project):
    descriptor = project / "datapackages" / "reform" / "datapackage.json"
    lines = descriptor.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ","  # a trailing comma breaks the JSON on the next line
    descriptor.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("datapackages/reform/datapackage.json:") and "Not valid JSON" in message


def test_missing_descriptor(project):
    (project / "datapackages" / "reform" / "datapackage.json").unlink()
    assert problems(project) == ["datapackages/reform/datapackage.json: The package descriptor is missing; every folder in datapackages/ needs a datapackage.json."]


def test_missing_resource_file(project):
    (project / "datapackages" / "reform" / "indicators.csv").unlink()
    [message] = problems(project)
    assert message.startswith("datapackages/reform/indicators.csv: The file of resource \"indicators\" is missing")


def test_csv_cut_inside_a_quoted_cell(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + 'cut,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"The sentence never', encoding="utf-8")
    [message] = problems(project)
    assert message.startswith(f"{FIGURES}:{line}: The row starting here cannot be read: a quoted cell is never closed")


def test_wrong_header(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("province_id,", "province,", 1), encoding="utf-8")
    found = problems(project)
    assert found and all(p.startswith(f"{FIGURES}:1: Header") for p in found[:1]), found
    assert "province" in found[0]


def test_extra_cell(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + 'extra,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"Q.",,,surplus\n', encoding="utf-8")
    found = problems(project)
    assert any(p.startswith(f"{FIGURES}:{line}: Extra cell") for p in found), found


def test_empty_file(project):
    figures(project).write_text("", encoding="utf-8")
    assert problems(project) == [f"{FIGURES}: The file is empty; it needs at least the header row."]


def test_file_not_in_utf8_names_the_line(project):
    path = figures(project)
    data = path.read_bytes()
    line = data.count(b"\n") + 1
    path.write_bytes(data + 'latin,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"Ho\xe0",,\n'.encode("latin-1"))
    [message] = problems(project)
    assert message.startswith(f"{FIGURES}:{line}: This line is not UTF-8") and "CSV UTF-8" in message


def test_file_saved_by_excel_with_bom_and_crlf_is_accepted(project):
    for path in (project / "datapackages" / "reform").glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert problems(project) == []


def test_excel_file_still_reports_the_right_line(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    text += 'crlf,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"  ",,\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert problems(project) == [f"{FIGURES}:{line}: quote is empty; copy the sentence the figure comes from, verbatim, in the source's language."]


@pytest.mark.parametrize("garbage", ["[]", "{\"resources\": 3}", "{}"])
def test_descriptor_of_the_wrong_shape(project, garbage):
    (project / "datapackages" / "reform" / "datapackage.json").write_text(garbage, encoding="utf-8")
    [message] = problems(project)
    assert "JSON object with a \"resources\" list" in message


def test_no_traceback_from_the_command_on_any_of_these(project, capsys):
    figures(project).write_bytes(b'id,"broken\n')
    assert main(["validate", "--root", str(project)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
