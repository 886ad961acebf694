"""README of the package zip, in English (README.md) and Vietnamese (README.vi.md): what the
data is, its licence, how to cite it, the other packages in their folders, every table with its
columns, joins and codes to read as text (readme_tables.py), what a quote is, the files and their
SHA-256. The descriptors' titles and descriptions are quoted as written (English); the rest is
the translations' `zip_readme` section (en.yaml and each language's catalog)."""

from __future__ import annotations

import hashlib

from site_builder.downloads.readme_tables import tables_section
from site_builder.pages.translations import Translations, load_english


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
    t: Translations | None = None,
    languages: tuple[str, ...] = (),
) -> bytes:
    """The README of the zip in the language of `t` (English by default); `languages`: those of all
    the zip's READMEs, which each names."""
    t = t or load_english()
    others_named = ", ".join(f"`{readme_name(lang)}`" for lang in languages if lang != t.lang)
    lines = [
        f"# {descriptor.get('title') or descriptor.get('name', 'Data package')}",
        "",
        descriptor.get("description", "").strip(),
        "",
        t("zip_readme.built", date=build_date, version=descriptor.get("version", "")),
        *(["", t("zip_readme.note", others=others_named)] if others_named else []),
        "",
        f"## {t('zip_readme.licence')}",
        "",
        licence_text((descriptor.get("licenses") or [{}])[0]),
        "",
        f"## {t('zip_readme.cite')}",
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
            t("zip_readme.own_package", name=name) + licence_text((other.get("licenses") or [{}])[0]),
            "",
        ]
    lines += tables_section(descriptor, t, others)
    lines += [f"## {t('zip_readme.files')}", "", t("zip_readme.about_files"), ""]
    lines += [f"- `{name}`  sha256 {hashlib.sha256(data).hexdigest()}" for name, data in sorted(files.items())]
    return ("\n".join(lines) + "\n").encode("utf-8")
