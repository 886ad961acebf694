"""The translations of the site as gettext catalogs (Babel): English is the source language,
written in `translations/en.yaml`; every other edition's language is a catalog
`translations/<lang>/LC_MESSAGES/site.po` of those texts.

Each message is the English text (msgid) with its key as context (msgctxt), so two keys with the
same English text can be translated differently. A text with a form per number is one message
per CLDR plural category of English ("quantity.units#one", "quantity.units#other"), of which
a language translates those it uses (categories_used); a list is one message
per item ("communes.convert.howto[0]"). The data dictionary's descriptions (the `description` of
every resource and field in datapackages/*/datapackage.json) are messages too, with the context
"data:<package>/<resource>[/<field>]" ("#title" for a resource's title), so /vi/data/ describes the files in Vietnamese.

`make translations` runs `pybabel extract` (with `extract_messages` below, named in
translations/babel.cfg), `pybabel update` and `pybabel compile`. The build reads the .po files
themselves: a fresh clone builds without a compiled .mo; an entry that is missing, empty or
marked fuzzy (its English changed since it was translated) stops the build with its file, line
and the fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from site_builder.errors import BuildError

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "site"
# Entries whose number is a rank ("1st", "2nd"): their forms follow CLDR's ordinal categories.
ORDINAL_KEYS = frozenset({"rank"})


def categories_used(catalog: Catalog, key: str) -> set[str]:
    """The CLDR plural categories the catalog's language writes for the entry `key`: Vietnamese
    has only "other" for a count, "one" and "other" for a rank. Forms of other categories in the
    catalog (the template has English's) are never shown."""
    rules = catalog.locale.ordinal_form if key in ORDINAL_KEYS else catalog.locale.plural_form
    return set(rules.tags) | {"other"}


def catalog_path(lang: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str, directory: Path = TRANSLATIONS_DIR) -> Catalog:
    path = catalog_path(lang, directory)
    try:
        with path.open("rb") as f:
            return read_po(f, locale=lang, domain=DOMAIN)
    except FileNotFoundError:
        raise BuildError(
            f"{path}: no catalog for the language '{lang}'; create it with `pybabel init -D {DOMAIN} "
            f"-i {directory}/{DOMAIN}.pot -d {directory} -l {lang}`, translate it and build again."
        ) from None
    except Exception as error:  # Babel's parse errors name no common class
        raise BuildError(f"{path}: not a readable gettext catalog ({error}); fix the line it names.") from None


def translated(catalog: Catalog, path: Path, context: str, english: str) -> str:
    """The translation of `english` under `context`; a missing, empty or fuzzy one is an error
    that says what to do."""
    message = catalog.get(english, context=context)
    if message is None:
        raise BuildError(
            f"{path}: no translation of '{context}' (\"{english[:60]}\"); run `make translations`, "
            f'translate the new entry (msgctxt "{context}") and build again.'
        )
    text = message.string
    if isinstance(text, (tuple, list)):  # written as a gettext plural: its first form
        text = text[0]
    line = f":{message.lineno}" if message.lineno else ""
    if message.fuzzy:
        raise BuildError(
            f"{path}{line}: the translation of '{context}' is marked fuzzy (its English changed to "
            f'"{english[:60]}"); correct the translation, remove the `#, fuzzy` line and build again.'
        )
    if not text:
        raise BuildError(f"{path}{line}: '{context}' is not translated yet; write its msgstr and build again.")
    return text


def english_messages(source: Path = TRANSLATIONS_DIR / "en.yaml"):
    """(line, context, English text) of every interface string in en.yaml, in file order."""
    root = yaml.compose(source.read_text(encoding="utf-8"))
    if root is None:
        return
    yield from _walk(root, "")


def _walk(node, prefix: str):
    for key_node, value in node.value:
        key = f"{prefix}{key_node.value}"
        if key.startswith("_"):
            continue
        line = key_node.start_mark.line + 1
        if isinstance(value, yaml.MappingNode):
            keys = {k.value for k, _ in value.value}
            if "other" in keys and keys <= {"zero", "one", "two", "few", "many", "other"}:
                for category, form in value.value:
                    yield line, f"{key}#{category.value}", str(form.value)
            else:
                yield from _walk(value, key + ".")
        elif isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                yield item.start_mark.line + 1, f"{key}[{i}]", str(item.value)
        else:
            yield line, key, str(value.value)


def data_descriptions(descriptor: Path):
    """(context, English description) of a data package's resources and fields."""
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    name = package.get("name") or descriptor.parent.name
    if package.get("title"):
        yield f"data:{name}#title", package["title"]
    for licence in package.get("licenses") or []:
        if licence.get("title"):
            yield f"data:{name}#license/{licence.get('name')}", licence["title"]
    for i, source in enumerate(package.get("sources") or []):
        if source.get("title"):
            yield f"data:{name}#source/{i}", source["title"]
    for resource in package.get("resources") or []:
        where = f"data:{name}/{resource.get('name')}"
        if resource.get("title"):
            yield where + "#title", resource["title"]
        if resource.get("description"):
            yield where, resource["description"]
        for field in (resource.get("schema") or {}).get("fields") or []:
            if field.get("description"):
                yield f"{where}/{field.get('name')}", field["description"]


def extract_messages(fileobj, keywords, comment_tags, options):
    """Babel's extraction method for en.yaml and the datapackage.json files (babel.cfg): each
    text as a message with its key as context."""
    path = Path(fileobj.name)
    if path.suffix == ".json":
        for context, text in data_descriptions(path):
            yield 0, "pgettext", (context, text), []
    else:
        for line, context, text in english_messages(path):
            yield line, "pgettext", (context, text), []
