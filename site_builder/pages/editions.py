"""The site's editions: English at the root, Vietnamese under vi/. Each edition is the same set
of pages in its own language; names, numbers and dates follow the edition.

Downloads and chart files exist once, at the site root: an edition's pages reach them through
`site_root`, the relative path from the edition's root back to the site's.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.pages.translations import Translations, load_translations

# Language -> the folder of its edition under site/ ("" is the root).
EDITION_FOLDERS = {"en": "", "vi": "vi"}
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}


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


def load_editions(languages: tuple[str, ...] = tuple(EDITION_FOLDERS)) -> tuple[Edition, ...]:
    """The editions to build, English first (its build publishes the site root)."""
    return tuple(Edition(lang, load_translations(lang), EDITION_FOLDERS[lang]) for lang in languages)


def indicator_name(indicator, t: Translations) -> str:
    return (indicator.name_vi or indicator.name_en) if t.lang == "vi" else indicator.name_en


def indicator_definition(indicator, t: Translations) -> str:
    return (getattr(indicator, "definition_vi", "") or indicator.definition) if t.lang == "vi" else indicator.definition
