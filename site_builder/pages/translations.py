"""Interface strings looked up by dotted key: English from `site_builder/translations/en.yaml`,
every other language from its gettext catalog (`translations/<lang>/LC_MESSAGES/site.po`, see
catalogs.py), which translates each English text under its key.

Every heading, label, table header, chart title and link text lives in en.yaml. A missing key,
or a translation missing or marked fuzzy, stops the build with a message naming the key, the
file and the fix, rather than rendering a hole in a page. Top-level keys starting with `_` are
notes about the file, not interface strings.

Text with a number in it has a form per CLDR plural category of the language, written as a
mapping of the categories ("1 unit", "2 units": `{one: "{count} unit", other: "{count} units"}`;
Vietnamese has only `other`); formatting.format_plural picks the form for a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from site_builder.errors import BuildError
from site_builder.pages.catalogs import TRANSLATIONS_DIR, catalog_path, categories_used, read_catalog, translated

# CLDR's plural categories: a mapping with only these keys (and `other`) is one plural entry.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


class MissingTranslation(BuildError):
    """A template or the code asked for an interface string the translations file lacks."""


@dataclass(frozen=True)
class Translations:
    lang: str
    path: Path
    strings: dict = field(hash=False, compare=False)  # dotted key -> text
    catalog: object = field(default=None, hash=False, compare=False)  # Babel Catalog; None for English

    def text(self, context: str, english: str) -> str:
        """Our own text kept outside en.yaml (a data dictionary description): as written in
        English, translated by the catalog under `context` in another language."""
        if self.catalog is None or not english:
            return english
        return translated(self.catalog, self.path, context, english)

    def __call__(self, key: str, **params) -> str:
        """The text of `key`, with `{name}` placeholders filled from `params`."""
        text = self._entry(key)
        if isinstance(text, dict):
            raise BuildError(f"{self.path}: '{key}' has a form per number; the build must choose one with format_plural.")
        return self._fill(key, text, params)

    def plural(self, key: str, category: str, **params) -> str:
        """The form of the plural entry `key` for a CLDR plural `category` ("one", "other" ...),
        filled from `params`; the `other` form where the language has no form of that category."""
        forms = self._entry(key)
        if not isinstance(forms, dict):
            raise BuildError(f"{self.path}: '{key}' needs a form per number (`one: ...`, `other: ...`), not one text.")
        return self._fill(key, forms.get(category, forms["other"]), params)

    def is_plural(self, key: str) -> bool:
        return isinstance(self.strings.get(key), dict)

    def forms(self, key: str) -> str | dict:
        """The text of `key`, or its forms by plural category (for a script that picks by number)."""
        entry = self._entry(key)
        return dict(entry) if isinstance(entry, dict) else entry

    def _entry(self, key: str):
        try:
            return self.strings[key]
        except KeyError:
            raise MissingTranslation(
                f"{self.path}: the interface string '{key}' is missing; add it "
                f"(e.g. `{key.rsplit('.', 1)[-1]}: ...` under `{key.rsplit('.', 1)[0]}:`) and build again."
            ) from None

    def _fill(self, key: str, text, params: dict):
        if not params or not isinstance(text, str):
            return text
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError) as error:
            raise BuildError(
                f"{self.path}: the string '{key}' has a placeholder {error} that the build does not provide; use only {sorted(params)}."
            ) from None

    def has(self, key: str) -> bool:
        return key in self.strings

    def list(self, key: str) -> list[str]:
        """A list-valued entry."""
        value = self(key)
        if not isinstance(value, list):
            raise BuildError(f"{self.path}: '{key}' must be a list.")
        return value


def load_translations(lang: str = "en", directory: Path = TRANSLATIONS_DIR) -> Translations:
    """English from en.yaml; another language: each string of en.yaml as its catalog translates it."""
    english = load_english(directory)
    if lang == english.lang:
        return english
    path = catalog_path(lang, directory)
    catalog = read_catalog(lang, directory)

    def translate(key: str, value):
        if isinstance(value, dict):
            used = categories_used(catalog, key)
            return {c: translated(catalog, path, f"{key}#{c}", form) for c, form in value.items() if c in used}
        if isinstance(value, list):
            return [translated(catalog, path, f"{key}[{i}]", item) for i, item in enumerate(value)]
        return translated(catalog, path, key, value) if value else value

    strings = {key: translate(key, value) for key, value in english.strings.items()}
    return Translations(lang=lang, path=path, strings=strings, catalog=catalog)


def load_english(directory: Path = TRANSLATIONS_DIR) -> Translations:
    """Read `<directory>/en.yaml`, the source language, and flatten its mappings to dotted keys."""
    lang = "en"
    path = directory / f"{lang}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise BuildError(f"{path}: the English interface strings are missing; restore en.yaml from git.") from None
    except yaml.YAMLError as error:
        raise BuildError(f"{path}: not valid YAML ({error}).") from None
    if not isinstance(data, dict):
        raise BuildError(f"{path}: must be a mapping of keys to strings, like en.yaml.")
    strings = flatten({key: value for key, value in data.items() if not str(key).startswith("_")})
    return Translations(lang=lang, path=path, strings=strings)


def flatten(data: dict, prefix: str = "") -> dict:
    """{'a': {'b': 'x'}} -> {'a.b': 'x'}; lists, strings and plural entries (a mapping of plural
    categories to texts, kept as a dict) are leaves."""
    flat: dict = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and "other" in value and set(map(str, value)) <= PLURAL_CATEGORIES:
            flat[dotted] = {str(k): "" if v is None else str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value if isinstance(value, list) else ("" if value is None else str(value))
    return flat
