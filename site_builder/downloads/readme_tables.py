"""The part of the zip's README that documents the tables: each file with its columns (type,
whether required, description as the descriptor gives it), its key, how it joins the others, the
codes to read as text (leading zeros), and what a quote is. In English and Vietnamese; the
descriptors' own descriptions are quoted as written (English)."""

from __future__ import annotations

# String columns holding codes with leading zeros ("01", "00097"): to be read as text.
CODE_SUFFIX = "code"

TEXT = {
    "en": {
        "heading": "Tables",
        "intro": (
            "Each table is a CSV file with a header line. Read every column as text first, then convert\n"
            "the numeric ones: **codes keep their leading zeros** (`01`, `00097`), which a spreadsheet or\n"
            "a program that guesses types drops. In Excel, open the file with Data → From Text/CSV and set\n"
            'those columns to Text; in R, `read.csv(file, colClasses = "character")`; in pandas,\n'
            "`pd.read_csv(file, dtype=str)`."
        ),
        "columns": "Columns",
        "key": "Each row is identified by",
        "joins": "Joins",
        "join": "`{column}` → `{table}.csv`, column `{target}`",
        "text_codes": "Read as text (leading zeros)",
        "required": "required",
        "quotes_heading": "Quotes and sources",
        "quotes": (
            "`figures.quote` is the sentence a figure was read from, verbatim, in the language of its source\n"
            "(`sources.language`). Where `sources.translated_from` is set, that source is a translation (for\n"
            "example Vietnam.vn's English or Polish republication of a Vietnamese article): the quote is the\n"
            "translation's sentence, found at `sources.url` (empty when that address is not known), not the\n"
            "original's, which is at `sources.original_url` where known. `figures.quote_en` is our own\n"
            "English translation of a quote in another language, not the source's words. `figures.status`\n"
            "says whether a number is a result, a plan, a target or a running total."
        ),
        "other_packages": (
            "The tables of the commune-level units (in `{folder}/`) join the reform tables through their\n"
            "`province_id` columns (`provinces.csv`, column `id`)."
        ),
    },
    "vi": {
        "heading": "Các bảng",
        "intro": (
            "Mỗi bảng là một tệp CSV có dòng tiêu đề. Hãy đọc mọi cột dưới dạng văn bản trước, rồi mới\n"
            "chuyển các cột số: **mã giữ các số 0 ở đầu** (`01`, `00097`), mà bảng tính hay chương trình tự\n"
            "đoán kiểu sẽ làm mất. Trong Excel, mở tệp bằng Data → From Text/CSV và đặt các cột đó là Text;\n"
            'trong R, `read.csv(file, colClasses = "character")`; trong pandas, `pd.read_csv(file, dtype=str)`.'
        ),
        "columns": "Các cột",
        "key": "Mỗi dòng được xác định bởi",
        "joins": "Liên kết",
        "join": "`{column}` → `{table}.csv`, cột `{target}`",
        "text_codes": "Đọc dưới dạng văn bản (giữ số 0 ở đầu)",
        "required": "bắt buộc",
        "quotes_heading": "Trích dẫn và nguồn",
        "quotes": (
            "`figures.quote` là câu văn mà số liệu được đọc ra, nguyên văn, bằng ngôn ngữ của nguồn\n"
            "(`sources.language`). Khi `sources.translated_from` có giá trị, nguồn đó là một bản dịch (ví dụ\n"
            "bản tiếng Anh hay tiếng Ba Lan do Vietnam.vn đăng lại từ một bài tiếng Việt): trích dẫn là câu\n"
            "của bản dịch, tại `sources.url` (để trống khi không biết địa chỉ đó), không phải của bản gốc,\n"
            "nằm tại `sources.original_url` nếu biết. `figures.quote_en` là bản dịch tiếng Anh của chúng tôi\n"
            "cho một trích dẫn bằng ngôn ngữ khác, không phải lời của nguồn. `figures.status` cho biết số\n"
            "liệu là kết quả, kế hoạch, mục tiêu hay số lũy kế."
        ),
        "other_packages": (
            "Các bảng đơn vị hành chính cấp xã (trong `{folder}/`) liên kết với các bảng của gói chính qua các\n"
            "cột `province_id` (`provinces.csv`, cột `id`)."
        ),
    },
}


def tables_section(descriptor: dict, lang: str, others: dict | None = None) -> list[str]:
    """README lines documenting every table of the package and of the other packages (by folder)."""
    text = TEXT[lang]
    lines = [f"## {text['heading']}", "", text["intro"], ""]
    lines += table_lines(descriptor, text)
    for folder, (other, _) in sorted((others or {}).items()):
        lines += [text["other_packages"].format(folder=folder), ""]
        lines += table_lines(other, text, prefix=f"{folder}/")
    lines += [f"## {text['quotes_heading']}", "", text["quotes"], ""]
    return lines


def table_lines(descriptor: dict, text: dict, prefix: str = "") -> list[str]:
    lines: list[str] = []
    for resource in descriptor.get("resources", []):
        schema = resource.get("schema", {})
        fields = schema.get("fields", [])
        title = resource.get("title") or resource["name"]
        lines += [f"### `{prefix}{resource['name']}.csv`: {title}", ""]
        if resource.get("description"):
            lines += [resource["description"].strip(), ""]
        lines += [f"{text['columns']}:", ""]
        lines += [f"- {column_line(field, text)}" for field in fields]
        lines.append("")
        key = schema.get("primaryKey")
        if key:
            lines += [f"{text['key']}: " + ", ".join(f"`{k}`" for k in ([key] if isinstance(key, str) else key)) + ".", ""]
        joins = [join_line(foreign_key, text) for foreign_key in schema.get("foreignKeys", [])]
        if joins:
            lines += [f"{text['joins']}: " + "; ".join(joins) + ".", ""]
        codes = [f["name"] for f in fields if is_code(f)]
        if codes:
            lines += [f"{text['text_codes']}: " + ", ".join(f"`{c}`" for c in codes) + ".", ""]
    return lines


def column_line(field: dict, text: dict) -> str:
    kind = field.get("type", "string")
    required = (field.get("constraints") or {}).get("required")
    facts = kind + (f", {text['required']}" if required else "")
    description = (field.get("description") or "").strip()
    return f"`{field['name']}` ({facts})" + (f": {description}" if description else "")


def join_line(foreign_key: dict, text: dict) -> str:
    fields, reference = foreign_key.get("fields"), foreign_key.get("reference", {})
    column = fields if isinstance(fields, str) else ", ".join(fields)
    target = reference.get("fields")
    target = target if isinstance(target, str) else ", ".join(target)
    return text["join"].format(column=column, table=reference.get("resource", ""), target=target)


def is_code(field: dict) -> bool:
    return field.get("type", "string") == "string" and field["name"].endswith(CODE_SUFFIX)
