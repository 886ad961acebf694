"""Text that shows differently from what it is: invisible format characters and letters of
several scripts in one name or one part of an address.

A zero-width space (U+200B), a zero-width joiner (U+200D), a byte-order mark (U+FEFF), a
right-to-left mark (U+200F) or an Arabic letter mark (U+061C) cannot be seen, yet makes two
names that look the same differ, hides a word from search, or changes where the text runs. A
Cyrillic "а" (U+0430) or a Greek "ο" (U+03BF) looks like the Latin letter: in a name or an
address it passes for another. Vietnamese is written in Latin letters with diacritics
("Đà Nẵng", "Quảng Ngãi"), which are one script and stay valid. The validator's rules and the
descriptor's checks share these functions.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

# The scripts whose letters pass for one another.
CONFUSABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """(position, character) of each Unicode format character (category Cf) in `text`."""
    return [(index, char) for index, char in enumerate(text) if unicodedata.category(char) == "Cf"]


def describe_invisible(text: str) -> str | None:
    """A sentence fragment naming the first invisible character and where it is, or None."""
    found = invisible_characters(text)
    if not found:
        return None
    position, char = found[0]
    name = unicodedata.name(char, "a format character").lower()
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f"has the invisible character U+{ord(char):04X} ({name}) at character {position + 1}{more}"


def scripts_of(text: str) -> list[str]:
    """The confusable scripts (Latin, Cyrillic, Greek) whose letters `text` holds, in that order."""
    found = set()
    for char in text:
        if char.isascii():
            if char.isalpha():
                found.add("LATIN")
            continue
        if unicodedata.category(char).startswith("L"):
            script = unicodedata.name(char, "").split(" ", 1)[0]
            if script in CONFUSABLE_SCRIPTS:
                found.add(script)
    return [script for script in CONFUSABLE_SCRIPTS if script in found]


def describe_mixed_scripts(text: str) -> str | None:
    """A sentence fragment naming the scripts `text` mixes, with the first letter of the
    second script, or None when its letters are of one script (Vietnamese diacritics are Latin)."""
    scripts = scripts_of(text)
    if len(scripts) < 2:
        return None
    for index, char in enumerate(text):
        if not char.isascii() and unicodedata.name(char, "").startswith(scripts[1] + " "):
            return (
                f"mixes {' and '.join(s.capitalize() for s in scripts)} letters: character {index + 1}, "
                f'"{char}" (U+{ord(char):04X}), is {scripts[1].capitalize()}, though it may look Latin'
            )
    return f"mixes {' and '.join(s.capitalize() for s in scripts)} letters"


def host_of(url: str) -> str:
    """The host of an address, its punycode labels (xn--) decoded; "" when there is none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    return ".".join(labels)


def describe_host_lookalike(url: str) -> str | None:
    """What makes an address's host pass for another (an invisible character, or a label that
    mixes scripts), or None."""
    host = host_of(url)
    invisible = describe_invisible(host)
    if invisible:
        return f'its host "{host}" {invisible}'
    for label in host.split("."):
        mixed = describe_mixed_scripts(label)
        if mixed:
            return f'its host "{host}" {mixed}'
    return None
