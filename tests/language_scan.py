"""Which words of a built page a reader meets in the wrong language.

A page is read as a screen reader and a sighted reader meet it: every text node (chart labels in
inline SVG included), the <title>, and the attributes that are read aloud or shown (alt,
aria-label, title, placeholder). Each piece of text carries the language of the nearest element
that declares one (`lang`), as the browser resolves it. Script, style and template contents are
not read.

A word is English on a Vietnamese page when it cannot be a Vietnamese syllable (Vietnamese
spelling allows no f, j, w or z, no consonant clusters such as "st" or "nd", and a syllable ending
in p, t, c or ch always carries a sắc or nặng tone) or is one of a few English words that happen
to be spelled like one ("the", "to"...). A word is Vietnamese on an English page when it carries
a letter only Vietnamese uses (ă, â, đ, ê, ô, ơ, ư or a tone mark on a vowel).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")
# Not prose in any language: scripts and styles, and code (file and column names, read as written).
NOT_READ = frozenset({"script", "style", "template", "noscript", "code", "kbd", "samp"})
VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"})

# Addresses, file names and paths, numbers of legal documents (178/2024/NĐ-CP), identifiers (with an underscore or a digit: name_vi, SHA256SUMS)
# and colours are written the same in every language.
NOT_WORDS = re.compile(
    r"(?:https?://|www\.)\S+|[\w.-]+@[\w.-]+"
    r"|(?:[\w-]+/)*[\w-]+(?:\.[\w-]+)*\.(?:vn|com|org|net|gov|io|int|csv|json|zip|md|png|svg|txt|xlsx|html|yaml)\b(?:/[^\s)]*)?"
    r"|\b\d+(?:/[\w-]+)+|\b\w+_\w+\b|\b[^\W\d_]*\d[\w]*|#[0-9a-fA-F]{3,8}\b|\bkm²"
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ONSET = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
VOWELS = "aăâeêioôơuưy"
# Toneless Vietnamese syllable: onset, one to three vowels, a final consonant (i, y, o, u close a
# syllable as vowels). Loose on purpose: it must never call a Vietnamese word English.
SYLLABLE = re.compile(rf"^{ONSET}[{VOWELS}]{{1,3}}(?:ch|ng|nh|c|m|n|p|t)?$")
STOP_FINAL = re.compile(r"(?:ch|c|p|t)$")
# English words spelled like a Vietnamese syllable, frequent enough in English text to matter.
ENGLISH_LOOKALIKES = frozenset({"the", "to", "on", "by", "see", "he", "be", "go", "of"})
SHARP_OR_HEAVY = {"\u0301", "\u0323"}  # the sắc and nặng tone marks, decomposed
VIETNAMESE_LETTERS = set("ăâđêôơư")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def is_acronym(word: str) -> bool:
    """CSV, PNG, SHA, CC BY: letters read one by one or as a code in any language."""
    return len(word) > 1 and word.isupper()


def is_english_word(word: str) -> bool:
    """True when `word` cannot be Vietnamese (see the module's docstring)."""
    if is_acronym(word) or is_vietnamese_word(word):
        return False
    lower = word.lower()
    if lower in ENGLISH_LOOKALIKES:
        return True
    decomposed = unicodedata.normalize("NFD", lower)
    tones = {c for c in decomposed if c in TONE_MARKS}
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    if not SYLLABLE.match(base):
        return True
    return bool(STOP_FINAL.search(base)) and not (tones & SHARP_OR_HEAVY)


def is_vietnamese_word(word: str) -> bool:
    """True when `word` carries a letter only Vietnamese spelling uses (ă, â, đ, ê, ô, ơ, ư, a hỏi,
    ngã or nặng mark), or a tone mark on a word spelled as a Vietnamese syllable ("Hà", but not
    "café" or "résumé")."""
    lower = word.lower()
    decomposed = unicodedata.normalize("NFD", lower)
    if any(c in VIETNAMESE_LETTERS for c in lower) or any(
        c in {"\u0309", "\u0323", "\u0303", "\u031b", "\u0306"} for c in decomposed
    ):
        return True
    if not any(c in TONE_MARKS for c in decomposed):
        return False
    return bool(SYLLABLE.match(unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))))


@dataclass
class TextPiece:
    text: str
    lang: str
    where: str  # "text", "<title>" or the attribute's name


class PageReader(HTMLParser):
    """The text pieces of a page, each with the language in force where it stands."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[TextPiece] = []
        self.html_lang = ""
        self._open: list[tuple[str, str]] = []  # (tag, language in force inside it)
        self._skipping = 0

    @property
    def lang(self) -> str:
        return self._open[-1][1] if self._open else self.html_lang

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang") or ""
        lang = attrs.get("lang") if attrs.get("lang") is not None else self.lang
        if not self._skipping:
            for name in READ_ATTRIBUTES:
                if attrs.get(name) and not (tag == "meta" or tag == "link"):
                    self.pieces.append(TextPiece(attrs[name], lang, name))
        if tag in VOID:
            return
        self._open.append((tag, lang))
        self._skipping += tag in NOT_READ

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                self._skipping -= sum(t in NOT_READ for t, _ in self._open[i:])
                del self._open[i:]
                return

    def handle_data(self, data):
        if self._skipping or not data.strip():
            return
        where = "<title>" if self._open and self._open[-1][0] == "title" else "text"
        if any(tag == "svg" for tag, _ in self._open):
            where = "svg text"  # a chart's label: a long name is split over lines, one word each
        self.pieces.append(TextPiece(data, self.lang, where))


def read_page(path: Path) -> PageReader:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def words(text: str) -> list[str]:
    """The words of `text`, leaving out addresses, file names, identifiers and single letters."""
    found = (re.sub(r"['’]s$", "", w) for w in WORD.findall(NOT_WORDS.sub(" ", text)))  # "Lao Động's"
    return [w for w in found if len(w) > 1]


def outside_names(found: list[str], names: frozenset[tuple[str, ...]], longest: int = 12) -> list[str]:
    """`found` without the words that are part of a name in `names` (lower-case word tuples),
    the longest name first at each word."""
    kept, i, lower = [], 0, [w.lower() for w in found]
    while i < len(found):
        for n in range(min(longest, len(found) - i), 0, -1):
            if tuple(lower[i : i + n]) in names:
                i += n
                break
        else:
            kept.append(found[i])
            i += 1
    return kept


def foreign_words(path: Path, edition: str, names: frozenset[tuple[str, ...]] = frozenset()) -> Counter:
    """The words on the page at `path` that are in the other language than `edition` ("en" or
    "vi") outside an element marked with that language, leaving out proper `names`."""
    test = is_english_word if edition == "vi" else is_vietnamese_word
    found: Counter = Counter()
    for piece in read_page(path).pieces:
        if piece.lang.split("-")[0] != edition:
            continue
        kept = outside_names(words(piece.text), names)
        if piece.where == "svg text":  # a word of a name, alone on its line of a chart's label
            kept = [w for w in kept if (w.lower(),) not in name_words(names)]
        found.update(w for w in kept if test(w))
    return found


@lru_cache(maxsize=4)
def name_words(names: frozenset[tuple[str, ...]]) -> frozenset[tuple[str]]:
    return frozenset((word,) for name in names for word in name)


def name_tuples(texts) -> frozenset[tuple[str, ...]]:
    """Names as lower-case word tuples, for `outside_names`."""
    return frozenset(tuple(w.lower() for w in words(t)) for t in texts if words(t))


def data_names(repo: Path) -> frozenset[tuple[str, ...]]:
    """Every place and publisher the data names: provinces, districts, communes and wards before
    and after the reform, as names and with their kind ("Phường Ba Đình"), and the publishers and
    republishers of the sources (without the address in brackets). WCAG 3.1.2 exempts proper names from language
    marking; a name is read as a name, whatever the page's language."""
    import csv

    def column(path: Path, *names: str):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield from (row[n] for n in names if row.get(n))

    reform, units = repo / "datapackages" / "reform", repo / "datapackages" / "units"
    texts = [*column(reform / "provinces.csv", "name_vi", "name_en")]
    texts += [re.sub(r"\s*\(.*?\)", "", p) for p in column(reform / "sources.csv", "publisher", "republished_by")]
    for table in ("districts.csv", "units_before.csv", "units_after.csv"):
        texts += column(units / table, "name", "full_name")
    return name_tuples(texts)
