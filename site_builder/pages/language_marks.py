"""Data text in the language it is written in, marked so a screen reader reads it with that
language's rules: an English note on a Vietnamese page is `<span lang="en">`, the Vietnamese
terms an English note quotes ("phòng chuyên môn, chi cục và tương đương") are `<span lang="vi">`
on every page, and the source's own words a Vietnamese note quotes in single quotes ('gestegen',
'Up to now') are marked with the source's language. Everything is escaped: the text is data,
never markup."""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

WORD = re.compile(r"[^\W\d_]+")
MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")  # tones, circumflex, breve, horn
VIETNAMESE_ONLY = frozenset("\u0303\u0309\u0323\u0302\u0306\u031b")  # ngã, hỏi, nặng, circumflex, breve, horn
# A word without marks can be Vietnamese ("chi", "cho", "theo") only if spelled as a syllable.
SYLLABLE = re.compile(r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
ENGLISH_LOOKALIKES = frozenset({"the", "to", "on", "by", "see", "he", "be", "go", "in", "an", "a", "as", "so", "no"})
JOINERS = re.compile(r"^[ ,\-]*$")  # what may stand between two words of one Vietnamese run
# Words quoted in single quotes, straight or curly, not inside a word (an apostrophe is not a quote).
QUOTED = re.compile(r"(?<!\w)['‘]([^'‘’\n]+)['’](?!\w)")


def is_vietnamese(word: str) -> bool:
    """A word with a mark only Vietnamese spelling uses (ă, â, đ, ê, ô, ơ, ư, a hỏi, ngã or nặng
    tone), or a sắc or huyền tone on a word spelled as a Vietnamese syllable ("Hà", not "café",
    "départements" or the Polish "Okręgów")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bases = [c for c in decomposed if not unicodedata.combining(c)]
    marks = {c for c in decomposed if unicodedata.combining(c)}
    if not marks and "đ" not in bases:
        return False
    if marks - MARKS or any(not ("a" <= c <= "z" or c == "đ") for c in bases):
        return False  # a mark or a letter Vietnamese does not use: another language
    if "đ" in bases or marks & VIETNAMESE_ONLY:
        return True
    return bool(SYLLABLE.match("".join(bases)))


def could_be_vietnamese(word: str) -> bool:
    """An unmarked word spelled as a Vietnamese syllable; one ending in p, t, c or ch would carry
    a tone mark in Vietnamese ("cut" is English, "cục" Vietnamese)."""
    lower = word.lower()
    return lower not in ENGLISH_LOOKALIKES and bool(SYLLABLE.match(lower)) and not lower.endswith(("p", "t", "c", "ch"))


def vietnamese_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Vietnamese words in `text`: words with a Vietnamese mark and
    the unmarked syllables around them ("chi cục", "cơ quan"), joined by spaces, commas and
    hyphens only."""
    runs: list[tuple[int, int]] = []
    start = end = pending = None  # pending: the first of the unmarked syllables just before
    previous_end = 0
    for match in WORD.finditer(text):
        word = match.group()
        joined = JOINERS.match(text[previous_end : match.start()]) is not None
        if is_vietnamese(word):
            if start is not None and not joined:
                runs.append((start, end))
                start = None
            if start is None:
                start = pending if pending is not None and joined else match.start()
            end = match.end()
            pending = None
        elif joined and could_be_vietnamese(word):
            if start is not None:
                end = match.end()
            elif pending is None:
                pending = match.start()
        else:
            if start is not None:
                runs.append((start, end))
            start = pending = None
            if could_be_vietnamese(word):
                pending = match.start()
        previous_end = match.end()
    if start is not None:
        runs.append((start, end))
    return runs


def marked(text: str, spans, lang: str) -> Markup:
    """`text` escaped, each (start, end) of `spans` (in order, apart) in <span lang=`lang`>."""
    parts, last = [], 0
    for start, end in spans:
        parts += [escape(text[last:start]), Markup('<span lang="{}">{}</span>').format(lang, text[start:end])]
        last = end
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def with_vietnamese_marked(text: str) -> Markup:
    """`text` escaped, its Vietnamese runs in <span lang="vi">."""
    return marked(text, vietnamese_runs(text), "vi")


def with_quotes_marked(text: str, quoted_lang: str) -> Markup:
    """Vietnamese `text` escaped, each single-quoted part with no Vietnamese word in it (a source's
    own words: 'gestegen', 'Up to now') in <span lang=`quoted_lang`>, the source's language."""
    foreign = [m.span(1) for m in QUOTED.finditer(text) if not any(is_vietnamese(w) for w in WORD.findall(m.group(1)))]
    return marked(text, foreign, quoted_lang)


def in_its_language(text: str, text_lang: str, page_lang: str, quoted_lang: str = "en") -> Markup:
    """Data `text` written in `text_lang` on a page in `page_lang`: marked with its language where
    that is not the page's; English text with its Vietnamese terms marked; Vietnamese text with
    the words it quotes from a source in `quoted_lang` marked."""
    if text_lang == "en":
        content = with_vietnamese_marked(text)
    elif text_lang == "vi" and quoted_lang != "vi":
        content = with_quotes_marked(text, quoted_lang)
    else:
        content = escape(text)
    if text_lang == page_lang:
        return content
    return Markup('<span lang="{}">{}</span>').format(text_lang, content)
