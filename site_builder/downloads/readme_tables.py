"""The part of the zip's README that documents the tables: each file with its columns (type,
whether required, description as the descriptor gives it), its key, how it joins the others, the
codes to read as text (leading zeros), and what a quote is, in the language of the translations
given (their `zip_readme` section); the descriptors' own descriptions are quoted as written (English)."""

from __future__ import annotations

from site_builder.pages.translations import Translations

# String columns holding codes with leading zeros ("01", "00097"): to be read as text.
CODE_SUFFIX = "code"


def tables_section(descriptor: dict, t: Translations, others: dict | None = None) -> list[str]:
    """README lines documenting every table of the package and of the other packages (by folder)."""
    lines = [f"## {t('zip_readme.tables_heading')}", "", t("zip_readme.tables_intro"), ""]
    lines += table_lines(descriptor, t)
    for folder, (other, _) in sorted((others or {}).items()):
        lines += [t("zip_readme.other_packages", folder=folder), ""]
        lines += table_lines(other, t, prefix=f"{folder}/")
    lines += [f"## {t('zip_readme.quotes_heading')}", "", t("zip_readme.quotes"), ""]
    return lines


def table_lines(descriptor: dict, t: Translations, prefix: str = "") -> list[str]:
    lines: list[str] = []
    for resource in descriptor.get("resources", []):
        schema = resource.get("schema", {})
        fields = schema.get("fields", [])
        title = resource.get("title") or resource["name"]
        lines += [f"### `{prefix}{resource['name']}.csv`: {title}", ""]
        if resource.get("description"):
            lines += [resource["description"].strip(), ""]
        lines += [f"{t('zip_readme.columns')}:", ""]
        lines += [f"- {column_line(field, t)}" for field in fields]
        lines.append("")
        key = schema.get("primaryKey")
        if key:
            lines += [
                f"{t('zip_readme.key')}: " + ", ".join(f"`{k}`" for k in ([key] if isinstance(key, str) else key)) + ".",
                "",
            ]
        joins = [join_line(foreign_key, t) for foreign_key in schema.get("foreignKeys", [])]
        if joins:
            lines += [f"{t('zip_readme.joins')}: " + "; ".join(joins) + ".", ""]
        codes = [f["name"] for f in fields if is_code(f)]
        if codes:
            lines += [f"{t('zip_readme.text_codes')}: " + ", ".join(f"`{c}`" for c in codes) + ".", ""]
    return lines


def column_line(field: dict, t: Translations) -> str:
    kind = field.get("type", "string")
    required = (field.get("constraints") or {}).get("required")
    facts = kind + (f", {t('zip_readme.required')}" if required else "")
    description = (field.get("description") or "").strip()
    return f"`{field['name']}` ({facts})" + (f": {description}" if description else "")


def join_line(foreign_key: dict, t: Translations) -> str:
    fields, reference = foreign_key.get("fields"), foreign_key.get("reference", {})
    column = fields if isinstance(fields, str) else ", ".join(fields)
    target = reference.get("fields")
    target = target if isinstance(target, str) else ", ".join(target)
    return t("zip_readme.join", column=column, table=reference.get("resource", ""), target=target)


def is_code(field: dict) -> bool:
    return field.get("type", "string") == "string" and field["name"].endswith(CODE_SUFFIX)
