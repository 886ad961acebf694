"""The bulk conversion's CSV rules (site_builder/addresses/table.py, the same as the browser's
address-csv.js) and `site-builder convert-addresses`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from site_builder.addresses.rules import load_rules
from site_builder.addresses.table import TableError, address_column, read_table, write_table
from site_builder.cli import main

REPO = Path(__file__).resolve().parents[1]
BOM = "\ufeff".encode()
RULES = load_rules()


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        (b"id,address\n1,x\n", ","),
        (BOM + b"id;address\r\n1;x\r\n", ";"),
        (b"id\taddress\n1\tx\n", "\t"),
        (b'"id;a",address,b\n1,x,y\n', ","),  # a semicolon inside quotes is not a delimiter
    ],
)
def test_the_delimiter_is_the_one_the_header_has_most_of(data, delimiter):
    assert read_table(data, RULES).delimiter == delimiter


def test_a_byte_order_mark_quoted_line_breaks_and_short_rows_are_read():
    table = read_table(BOM + 'id,address\n007,"Phường 1,\nQuận 3"\n8\n'.encode(), RULES)
    assert table.header == ["id", "address"]
    assert table.rows == [["007", "Phường 1,\nQuận 3"], ["8", ""]]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \r\n", "empty"),
        (b"PK\x03\x04rest of a workbook", "CSV UTF-8"),
        ("id,address\n1,Hà Giang\n".encode("cp1258"), "not UTF-8"),  # saved by Excel in the Vietnamese code page
        (b"id,address\n1,a\x00b\n", "binary"),
        (BOM, "no rows"),
        (b"id,address\n1,a,b\n", "Row 2 has 3 cells"),
        (b"a," * 10_000_001, "more than the"),
    ],
)
def test_a_file_that_is_not_a_table_of_addresses_gets_a_sentence_with_the_fix(data, words):
    with pytest.raises(TableError, match=words):
        read_table(data, RULES)


@pytest.mark.parametrize(
    ("header", "index"),
    [(["id", "Địa chỉ"], 1), (["ID", "Họ tên", "DIA CHI THUONG TRU"], 2), (["name", "Address line"], 1), (["a", "b"], None)],
)
def test_the_address_column_is_found_by_its_name(header, index):
    assert address_column(header, RULES) == index


def test_the_output_has_a_byte_order_mark_crlf_and_formula_safe_cells():
    data = write_table(["id", "note"], [["007", "=1+1"], ["008", "x\n-2"], ["009", "@a;b"]], ";")
    assert data.startswith(BOM)
    text = data.decode("utf-8-sig")
    assert text == 'id;note\r\n007;\'=1+1\r\n008;"x\n\'-2"\r\n009;"\'@a;b"\r\n'


def convert(tmp_path: Path, text: str, *args: str) -> tuple[int, Path]:
    source = tmp_path / "in.csv"
    source.write_bytes(BOM + text.encode("utf-8"))
    out = tmp_path / "out.csv"
    code = main(["convert-addresses", str(source), "-o", str(out), "--root", str(REPO), *args])
    return code, out


def test_the_command_adds_five_columns_and_keeps_every_input_column(tmp_path, capsys):
    code, out = convert(
        tmp_path, 'mã;Địa chỉ;ghi chú\n0042;P. Phúc Xá, Q. Ba Đình, TP. Hà Nội;=HYPERLINK("x")\n0043;Xã Tân Thành;\n'
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["mã", "Địa chỉ", "ghi chú", "current_code", "current_name", "current_province", "match", "candidates"]
    assert rows[1] == [
        "0042",
        "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội",
        '\'=HYPERLINK("x")',
        "00097",
        "Phường Hồng Hà",
        "Hà Nội",
        "exact",
        "00097",
    ]
    assert rows[2][:7] == ["0043", "Xã Tân Thành", "", "", "", "", "ambiguous"] and len(rows[2][7].split()) > 3
    assert "Converted 2 rows" in capsys.readouterr().err


def test_the_command_names_the_column_it_lacks(tmp_path, capsys):
    code, _ = convert(tmp_path, "id,where\n1,Hà Nội\n", "--column", "address")
    assert code == 1
    assert 'has no column "address"' in capsys.readouterr().err


def test_the_command_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["convert-addresses", "--help"])
    assert "site-builder convert-addresses customers.csv --column address -o" in capsys.readouterr().out
