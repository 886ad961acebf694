"""The site's editions: English at the root, Vietnamese under vi/. Each edition is the same set
of pages in its own language; names, numbers and dates follow the edition.

Downloads and chart files exist once, at the site root: an edition's pages reach them through
`site_root`, the relative path from the edition's root back to the site's.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from site_builder.errors import BuildError
from site_builder.pages.translations import Translations, load_translations

# The language the site is written in: en.yaml, the data's text columns, the root edition.
SOURCE_LANGUAGE = "en"
# Language -> the folder of its edition under site/ ("" is the root).
EDITION_FOLDERS = {"en": "", "vi": "vi"}
# The folders of docs/ that hold another edition's own pages (docs/vi/), never English pages.
EDITION_OTHERS = tuple(folder for folder in EDITION_FOLDERS.values() if folder)
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}
# Where the site is published when mkdocs.yml names no `site_url` (GitHub Pages of the repository).
DEFAULT_SITE_URL = "https://vietnam-apparatus-reform.github.io/data/"


@dataclass(frozen=True)
class Edition:
    lang: str
    t: Translations
    folder: str  # "" for the site root, "vi" for vi/

    @property
    def to_site_root(self) -> str:
        """From the edition's root to the site's: "" for English, "../" for vi/."""
        return "../" * len([p for p in self.folder.split("/") if p])

    def path_in_site(self, relative: str) -> str:
        """A path inside the edition as a path inside the site: "about/" -> "vi/about/"."""
        return f"{self.folder}/{relative}" if self.folder else relative

    def url(self, site_url: str) -> str:
        """The full address of the edition's root, from the site's: ".../data/" -> ".../data/vi/"."""
        return site_url + self.path_in_site("")


def configured_site_url(config: dict, shown: str = "mkdocs.yml") -> str:
    """The site's full address, from `site_url` in mkdocs.yml (the default without one), ending
    in "/": citations, figure links and chart downloads name it."""
    url = str(config.get("site_url") or DEFAULT_SITE_URL).strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        raise BuildError(
            f"{shown}: site_url {url!r} is not the address of a site; write the https:// address the site is "
            f"published at, e.g. site_url: {DEFAULT_SITE_URL}"
        )
    return url.rstrip("/") + "/"


def load_editions(languages: tuple[str, ...] = tuple(EDITION_FOLDERS)) -> tuple[Edition, ...]:
    """The editions to build, English first (its build publishes the site root)."""
    return tuple(Edition(lang, load_translations(lang), EDITION_FOLDERS[lang]) for lang in languages)


def in_language(record, english_field: str, t: Translations) -> str:
    """A data text in the edition's language: the column `<name>_<lang>` beside the English one
    (`name_en` -> `name_vi`, `definition` -> `definition_vi`), the English where it has none."""
    base = english_field.removesuffix("_en")
    return getattr(record, f"{base}_{t.lang}", "") or getattr(record, english_field)


def indicator_name(indicator, t: Translations) -> str:
    return in_language(indicator, "name_en", t)


def indicator_definition(indicator, t: Translations) -> str:
    return in_language(indicator, "definition", t)
