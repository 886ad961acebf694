"""Interface strings from `site_builder/translations/<lang>.yaml`, looked up by dotted key.

Every heading, label, table header, chart title and link text lives in that file, so a
Vietnamese edition is a `vi.yaml` with the same keys. A missing key stops the build with a
message naming the key and the file, rather than rendering a hole in a page. Top-level keys
starting with `_` are notes about the file (e.g. `_same_as_english`), not interface strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from site_builder.errors import BuildError

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"


class MissingTranslation(BuildError):
    """A template or the code asked for an interface string the translations file lacks."""


@dataclass(frozen=True)
class Translations:
    lang: str
    path: Path
    strings: dict = field(hash=False, compare=False)  # dotted key -> text

    def __call__(self, key: str, **params) -> str:
        """The text of `key`, with `{name}` placeholders filled from `params`."""
        try:
            text = self.strings[key]
        except KeyError:
            raise MissingTranslation(
                f"{self.path}: the interface string '{key}' is missing; add it "
                f"(e.g. `{key.rsplit('.', 1)[-1]}: ...` under `{key.rsplit('.', 1)[0]}:`) and build again."
            ) from None
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError) as error:
                raise BuildError(
                    f"{self.path}: the string '{key}' has a placeholder {error} that the build does not provide; use only {sorted(params)}."
                ) from None
        return text

    def has(self, key: str) -> bool:
        return key in self.strings

    def list(self, key: str) -> list[str]:
        """A list-valued entry."""
        value = self(key)
        if not isinstance(value, list):
            raise BuildError(f"{self.path}: '{key}' must be a list.")
        return value


def load_translations(lang: str = "en", directory: Path = TRANSLATIONS_DIR) -> Translations:
    """Read `<directory>/<lang>.yaml` and flatten its nested mappings to dotted keys."""
    path = directory / f"{lang}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise BuildError(
            f"{path}: no translations for language '{lang}'; copy en.yaml to {path.name} and translate it."
        ) from None
    except yaml.YAMLError as error:
        raise BuildError(f"{path}: not valid YAML ({error}).") from None
    if not isinstance(data, dict):
        raise BuildError(f"{path}: must be a mapping of keys to strings, like en.yaml.")
    strings = flatten({key: value for key, value in data.items() if not str(key).startswith("_")})
    return Translations(lang=lang, path=path, strings=strings)


def flatten(data: dict, prefix: str = "") -> dict:
    """{'a': {'b': 'x'}} -> {'a.b': 'x'}; lists and strings are leaves."""
    flat: dict = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value if isinstance(value, list) else ("" if value is None else str(value))
    return flat
