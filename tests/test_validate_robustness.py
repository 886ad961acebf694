"""No bad input ever gives a traceback: each case is one problem at the right file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import problems
from site_builder.cli import main
from site_builder.validate import validate_packages

FIGURES = "datapackages/reform/figures.csv"


def figures(project: Path) -> Path:
    return project / "datapackages" / "reform" / "figures.csv"


def test_malformed_descriptor_names_the_json_line(project):
    descriptor = project / "datapackages" / "reform" / "datapackage.json"
    lines = descriptor.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ","  # a trailing comma breaks the JSON on the next line
    descriptor.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("datapackages/reform/datapackage.json:") and "Not valid JSON" in message


def test_missing_descriptor(project):
    (project / "datapackages" / "reform" / "datapackage.json").unlink()
    assert problems(project) == [
        "datapackages/reform/datapackage.json: The package descriptor is missing; every folder in datapackages/ needs a datapackage.json."
    ]


def test_missing_resource_file(project):
    (project / "datapackages" / "reform" / "indicators.csv").unlink()
    [message] = problems(project)
    assert message.startswith('datapackages/reform/indicators.csv: The file of resource "indicators" is missing')


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
    path.write_text(
        text + 'extra,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"Q.",,,result,,,surplus\n', encoding="utf-8"
    )
    found = problems(project)
    assert any(p.startswith(f"{FIGURES}:{line}: Extra cell") for p in found), found


def test_empty_file(project):
    figures(project).write_text("", encoding="utf-8")
    assert problems(project) == [f"{FIGURES}: The file is empty; it needs at least the header row."]


def test_file_not_in_utf8_names_the_line(project):
    path = figures(project)
    data = path.read_bytes()
    line = data.count(b"\n") + 1
    path.write_bytes(data + 'latin,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"Ho\xe0",,,result,,\n'.encode("latin-1"))
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
    text += 'crlf,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"  ",,,result,,\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert problems(project) == [
        f"{FIGURES}:{line}: quote is empty; copy the sentence the figure comes from, verbatim, in the source's language."
    ]


@pytest.mark.parametrize("garbage", ["[]", '{"resources": 3}', "{}"])
def test_descriptor_of_the_wrong_shape(project, garbage):
    (project / "datapackages" / "reform" / "datapackage.json").write_text(garbage, encoding="utf-8")
    [message] = problems(project)
    assert 'JSON object with a "resources" list' in message


def test_no_traceback_from_the_command_on_any_of_these(project, capsys):
    figures(project).write_bytes(b'id,"broken\n')
    assert main(["validate", "--root", str(project)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


def descriptor_path(project: Path) -> Path:
    return project / "datapackages" / "reform" / "datapackage.json"


def edit_descriptor(project: Path, change) -> None:
    import json

    descriptor = json.loads(descriptor_path(project).read_text(encoding="utf-8"))
    change(descriptor)
    descriptor_path(project).write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def test_json_syntax_error_is_reported_at_its_exact_line(project):
    lines = descriptor_path(project).read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rstrip(",")  # line 3 loses its comma; JSON fails at the key on line 4
    descriptor_path(project).write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = problems(project)
    assert message.startswith("datapackages/reform/datapackage.json:4: Not valid JSON: Expecting ',' delimiter")


def test_missing_data_folder_is_one_problem_not_an_exception(tmp_path):
    [problem] = validate_packages(tmp_path / "datapackages")
    assert "No such folder" in problem.message


def test_resource_that_is_not_an_object_is_named(project):
    edit_descriptor(project, lambda d: d["resources"].append("figures.csv"))
    assert problems(project) == ["datapackages/reform/datapackage.json: $.resources[8]: a resource must be a JSON object."]


def test_resource_path_outside_the_package_is_refused_and_never_read(project):
    edit_descriptor(project, lambda d: d["resources"][0].update(path="../../secrets.csv"))
    [message] = problems(project)  # the package is read from the code's paths: sources.csv, not ../../secrets.csv
    assert message.startswith(
        'datapackages/reform/datapackage.json: $.resources[0].path: resource "sources": key "path" changed '
        'from "sources.csv" to "../../secrets.csv", compared with the code\'s copy'
    )


def test_a_schema_frictionless_cannot_use_is_a_difference_from_the_codes_schema(project):
    edit_descriptor(project, lambda d: d["resources"][0]["schema"]["fields"][0].update(type="banana"))
    [message] = problems(project)
    assert message.startswith(
        'datapackages/reform/datapackage.json: $.resources[0].schema.fields[0].type: field "id" of resource "sources": '
        'type changed from "string" to "banana"'
    )


def test_short_row_is_one_problem_naming_the_missing_fields(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + "short,p63-49,,par-index-rank,rank,1,exact,,2020,article-en\n", encoding="utf-8")
    assert problems(project) == [
        f"{FIGURES}:{line}: Missing cell: the row has 10 cells but the header has 16 "
        "(missing quote, quote_en, notes, status, area_vi, notes_vi); add the missing commas or values."
    ]


def test_missing_column_in_the_header_is_named(project):
    path = figures(project)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(row.rsplit(",", 1)[0] for row in rows) + "\n", encoding="utf-8")  # drop the last column
    assert problems(project) == [
        f'{FIGURES}:1: Header: the column "notes_vi" is missing (position 16); the header lacks a column of datapackage.json.'
    ]


def test_extra_column_in_the_header_is_named(project):
    path = figures(project)
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(row + ",x" for row in rows) + "\n", encoding="utf-8")
    assert problems(project) == [
        f'{FIGURES}:1: Header: extra label "x" at position 17; the header has a column datapackage.json does not define.'
    ]


def test_blank_line_is_one_problem(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(
        text + "\n" + 'after,p63-49,,par-index-rank,rank,1,exact,,2020,article-en,"Q.",,,result,,\n', encoding="utf-8"
    )
    assert problems(project) == [f"{FIGURES}:{line}: Blank row; remove the empty line."]


def test_malformed_province_date_is_reported_once_and_breaks_no_rule(project):
    path = project / "datapackages" / "reform" / "provinces.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "p63-49,49,Quảng Nam,Quang Nam,quang-nam,province,,2025-06-30",
            "p63-49,49,Quảng Nam,Quang Nam,quang-nam,province,,2025-13-30",
        ),
        encoding="utf-8",
    )
    found = problems(project)
    assert (
        len(found) == 1
        and found[0].startswith("datapackages/reform/provinces.csv:")
        and 'valid_to "2025-13-30" is not valid' in found[0]
    )


def test_value_that_is_not_a_number_in_a_before_after_group_is_only_a_type_problem(project):
    path = figures(project)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(
        text
        + 'b,p63-49,,departments,count_before,30,exact,2020,2024,article-en,"B.",,,result,,\n'
        + 'r,p63-49,,departments,reduction,five,exact,2020,2024,article-en,"R.",,,result,,\n'
        + 'a,p63-49,,departments,count_after,24,exact,2020,2024,article-en,"A.",,,result,,\n',
        encoding="utf-8",
    )
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(f'{FIGURES}:{line + 1}: value "five" is not valid'), found


def test_summary_line_counts_packages_resources_and_rows(project, capsys):
    assert main(["validate", "--root", str(project)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Checked 1 package, 8 resources, ") and err.rstrip().endswith(": no problems.")


def test_problem_count_goes_to_stderr_and_problems_to_stdout(project, capsys):
    figures(project).write_text("", encoding="utf-8")
    assert main(["validate", "--root", str(project)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{FIGURES}: The file is empty; it needs at least the header row.\n"
    assert "1 problem." in captured.err


def test_missing_data_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["validate", "--root", str(tmp_path)]) == 2
    assert "no such folder" in capsys.readouterr().err
