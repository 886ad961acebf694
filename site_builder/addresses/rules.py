"""The matcher's rules (rules.json) and the reading of an address into words.

An address is folded letter by letter with the table of rules.json (lower case, no marks,
đ → d), cut into parts at separators (a comma, a semicolon ...), then into words. A type word
(xã, phường, quận, huyện ...) or its short form (x., p., q., h. ...) is kept as a word that says
which level follows; a short form glued to a number ("P15", "Q1") is two words.
assets/search/address-matcher.js reads addresses the same way, step for step.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent / "rules.json"


@dataclass(frozen=True)
class TypeWord:
    """A type word or one of its short forms: which levels may follow it, and the type it names."""

    text: str
    levels: tuple[str, ...]  # ("unit",), ("district",), ("district", "province") ...
    type: str  # commune, ward, township, special_zone, urban_district, rural_district, town, city, province
    short: bool  # a short form ("p", "tp"): never part of a name


@dataclass(frozen=True)
class Word:
    """One word of an address: its folded text, the part of the address it is in, and, for a
    type word, what it says."""

    text: str
    part: int
    type_word: TypeWord | None = None
    marked: str = ""  # as written, lower case, with its marks ("đồng"): breaks ties between "Đồng" and "Đông"

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()

    @property
    def in_names(self) -> bool:
        """Whether a name may contain it: a one-word type word may ("Phương Liệt", "Hà Tĩnh")."""
        return self.type_word is None or (not self.type_word.short and " " not in self.type_word.text)


class FoldTable(dict):
    """str.translate's table for `Rules.fold`, each character worked out on first sight: an
    address is folded one character at a time (`_raw_words`), some 100,000 times in 3,000 addresses."""

    def __init__(self, fold_character):
        super().__init__()
        self.fold_character = fold_character

    def __missing__(self, code: int) -> str:
        folded = self[code] = self.fold_character(code)
        return folded


@dataclass(frozen=True)
class Rules:
    letters: dict[str, str]
    marks: tuple[tuple[int, int], ...]
    joiners: frozenset[str]
    separators: frozenset[str]
    syllables: dict[str, str]
    ignored: tuple[tuple[str, ...], ...]
    type_words: dict[str, TypeWord]  # by folded text ("thi tran", "tt")
    glued: frozenset[str]
    province_aliases: dict[str, str]  # key of a short form -> key of the province name
    address_headers: tuple[str, ...]
    limits: dict[str, int]
    scores: dict[str, int]
    csv: dict  # delimiters, formula_start, max_bytes: the bulk conversion's file rules

    def fold(self, text: str) -> str:
        """Lower case, letters without marks (table `letters`), joiners dropped; the rest kept."""
        return text.translate(self._folded)

    def fold_character(self, code: int) -> str:
        ch = chr(code)
        if ch in self.joiners or any(lo <= code <= hi for lo, hi in self.marks):
            return ""
        return self.letters.get(ch) or (ch.lower() if "A" <= ch <= "Z" else ch)

    @functools.cached_property
    def _folded(self) -> "FoldTable":
        return FoldTable(self.fold_character)

    def name_words(self, name: str) -> tuple[str, ...]:
        """The words of a registry name, as an address's words are read: "Phường 01" -> ("phuong", "1")."""
        return tuple(w for w, _, _ in self._raw_words(name))

    def marked_key(self, name: str) -> str:
        """A name's words as written, lower case, without spaces: "Đắk Hà" -> "đắkhà"."""
        return "".join(marked for _, marked, _ in self._raw_words(name))

    def key(self, name: str) -> str:
        """A name's words without spaces ("Đắk Hà" -> "dakha"), as the matcher compares names."""
        return "".join(self.name_words(name))

    def read(self, address: str) -> tuple[Word, ...]:
        """The address as words, type words marked, ignored words ("Việt Nam") left out."""
        raw = self._without_ignored(self._raw_words(address))
        words: list[Word] = []
        i = 0
        while i < len(raw):
            text, marked, part = raw[i]
            pair = f"{text} {raw[i + 1][0]}" if i + 1 < len(raw) and raw[i + 1][2] == part else ""
            if pair in self.type_words:
                words.append(Word(pair, part, self.type_words[pair], f"{marked} {raw[i + 1][1]}"))
                i += 2
                continue
            words.append(Word(text, part, self.type_words.get(text), marked))
            i += 1
        return tuple(words)

    def _raw_words(self, text: str) -> list[tuple[str, str, int]]:
        """(folded word, word as written in lower case, part) for each word of `text`."""
        raw, part, folded, marked = [], 0, "", ""
        for ch in text + " ":
            plain = self.fold(ch)
            if "a" <= plain <= "z" or "0" <= plain <= "9" or (not plain and folded):
                folded, marked = folded + plain, marked + ch.lower()  # a mark or joiner inside a word stays in it
                continue
            if folded:
                raw.extend((w, m, part) for w, m in self._split_glued(folded, unicodedata.normalize("NFC", marked)))
            folded, marked = "", ""
            if ch in self.separators:
                part += 1
        return raw

    def _split_glued(self, word: str, marked: str) -> list[tuple[str, str]]:
        match = re.fullmatch(r"([a-z]+)([0-9]+)", word)
        if match and match.group(1) in self.glued:
            return [(match.group(1), match.group(1)), (self._spelling(match.group(2)), self._spelling(match.group(2)))]
        return [(self._spelling(word), marked)]

    def _spelling(self, word: str) -> str:
        if word.isdigit():
            return word.lstrip("0") or "0"
        return self.syllables.get(word, word)

    def _without_ignored(self, raw: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        kept, i = [], 0
        while i < len(raw):
            for words in self.ignored:
                n = len(words)
                if tuple(w for w, _, _ in raw[i : i + n]) == words and len({p for _, _, p in raw[i : i + n]}) == 1:
                    i += n
                    break
            else:
                kept.append(raw[i])
                i += 1
        return kept


@functools.lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> Rules:
    """The rules of rules.json (or another file of the same form, for a test)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    type_words: dict[str, TypeWord] = {}
    for entry in data["types"]:
        levels = tuple(entry["level"].split())
        for text in entry["words"]:
            type_words[text] = TypeWord(text, levels, entry["type"], short=False)
        for text in entry["short"]:
            type_words[text] = TypeWord(text, levels, entry["type"], short=True)
    rules = Rules(
        letters=data["letters"],
        marks=tuple((lo, hi) for lo, hi in data["combining_marks"]),
        joiners=frozenset(data["joiners"]),
        separators=frozenset(data["separators"]),
        syllables=data["syllables"],
        ignored=tuple(tuple(entry.split()) for entry in data["ignored"]),
        type_words=type_words,
        glued=frozenset(data["glued_numbers"]),
        province_aliases={},
        address_headers=tuple(data["address_headers"]),
        limits=data["limits"],
        scores=data["scores"],
        csv=data["csv"],
    )
    aliases = {rules.key(short): rules.key(full) for short, full in data["province_aliases"].items()}
    rules.province_aliases.update(aliases)
    return rules
