"""README of the package zip, in English (README.md) and Vietnamese (README.vi.md): what the
data is, its licence, how to cite it, the other packages in their folders, every table with its
columns, joins and codes to read as text (readme_tables.py), what a quote is, the files and their
SHA-256. The descriptors' titles and descriptions are quoted as written (English)."""

from __future__ import annotations

import hashlib

from site_builder.downloads.readme_tables import tables_section

TEXT = {
    "en": {
        "built": "Built {date}. Version {version}.",
        "licence": "Licence",
        "cite": "Cite as",
        "own_package": "A Frictionless package of its own (`{name}/datapackage.json`), under its own licence: ",
        "files": "Files",
        "about_files": (
            "The `*.csv` files are UTF-8 without a byte-order mark, with LF line endings. (The data page\n"
            "also offers each table as CSV for Excel, `*.excel.csv`, with a byte-order mark and CRLF line\n"
            "endings; those are not in this zip.) Text cells that start with = + - or @ carry a leading\n"
            "apostrophe so that spreadsheets do not run them as formulas.\n"
            "Check the files with `sha256sum -c SHA256SUMS`."
        ),
    },
    "vi": {
        "built": "Tạo ngày {date}. Phiên bản {version}.",
        "licence": "Giấy phép",
        "cite": "Trích dẫn",
        "own_package": "Một gói dữ liệu Frictionless riêng (`{name}/datapackage.json`), theo giấy phép riêng: ",
        "files": "Các tệp",
        "about_files": (
            "Các tệp `*.csv` dùng mã UTF-8 không có dấu BOM, xuống dòng LF. (Trang Dữ liệu còn có từng bảng\n"
            "dạng CSV cho Excel, `*.excel.csv`, có dấu BOM và xuống dòng CRLF; các tệp đó không có trong tệp\n"
            "zip này.) Ô văn bản bắt đầu bằng = + - hoặc @ được thêm dấu nháy đơn ở đầu để bảng tính không\n"
            "chạy chúng như công thức.\n"
            "Kiểm tra các tệp bằng lệnh `sha256sum -c SHA256SUMS`."
        ),
        "note": "Tên cột, tiêu đề và mô tả trong `datapackage.json` được viết bằng tiếng Anh.",
    },
}


def readme_name(lang: str) -> str:
    return "README.md" if lang == "en" else f"README.{lang}.md"


def licence_text(licence: dict) -> str:
    """'Creative Commons Attribution 4.0 (CC-BY-4.0) <https://...>' from a descriptor's licence entry."""
    title, name = licence.get("title", ""), licence.get("name", "")
    text = f"{title} ({name})" if title and name and title != name else (title or name or "CC BY 4.0")
    return text + (f" <{licence['path']}>" if licence.get("path") else "")


def readme(
    descriptor: dict,
    files: dict[str, bytes],
    build_date: str,
    citation: str,
    others: dict[str, tuple[dict, dict]] | None = None,
    lang: str = "en",
) -> bytes:
    """The README of the zip in `lang` ("en" or "vi")."""
    text = TEXT[lang]
    lines = [
        f"# {descriptor.get('title') or descriptor.get('name', 'Data package')}",
        "",
        descriptor.get("description", "").strip(),
        "",
        text["built"].format(date=build_date, version=descriptor.get("version", "")),
        *([""] + [text["note"]] if "note" in text else []),
        "",
        f"## {text['licence']}",
        "",
        licence_text((descriptor.get("licenses") or [{}])[0]),
        "",
        f"## {text['cite']}",
        "",
        citation,
        "",
    ]
    for name, (other, _) in sorted((others or {}).items()):
        lines += [
            f"## {other.get('title') or name} (`{name}/`)",
            "",
            other.get("description", "").strip(),
            "",
            text["own_package"].format(name=name) + licence_text((other.get("licenses") or [{}])[0]),
            "",
        ]
    lines += tables_section(descriptor, lang, others)
    lines += [f"## {text['files']}", "", text["about_files"], ""]
    lines += [f"- `{name}`  sha256 {hashlib.sha256(data).hexdigest()}" for name, data in sorted(files.items())]
    return ("\n".join(lines) + "\n").encode("utf-8")
