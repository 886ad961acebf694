"""Text made safe for a GitHub Markdown table cell or sentence, and cut to a reviewable length.

Contributed text is data: every cell value put into the comment goes through `escape_markdown`
(here, or through `cell` and `changed_text`), so a quote cannot open a link, an HTML tag, a code
span or a new table cell.
"""

from __future__ import annotations

import unicodedata

DETAIL_CHARS = 160  # a quote or a changed cell longer than this is cut (the diff is for review, not for reading)

_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_BACKSLASHED = set("\\`*_[]|~$")  # code spans, emphasis, links, table cells, strikethrough, math


def escape_markdown(value: object) -> str:
    """Text shown as itself in GitHub Markdown, on one line, inside a table cell or a sentence.

    No HTML (entities for < > &), no Markdown (backslash before ` * _ [ ] | ~ $ \\),
    no line breaks (shown as ↵), control and bidirectional-formatting characters shown as U+XXXX,
    and no @mention (a word joiner after @ keeps GitHub from notifying anyone).
    """
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for char in text:
        if char == "\n":
            out.append(" ↵ ")
        elif char == "\t":
            out.append(" ")
        elif char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            out.append("\\" + char)
        elif char == "@":
            out.append("@\u2060")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"U+{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, limit: int = DETAIL_CHARS) -> str:
    """`text` cut to `limit` characters with an ellipsis (cut before escaping, never inside an escape)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cell(value: object, limit: int = DETAIL_CHARS) -> str:
    """A value ready for a Markdown table cell: shortened, escaped, and never empty-looking by accident."""
    return escape_markdown(shorten(str(value), limit))


def changed_text(old: str, new: str, limit: int = DETAIL_CHARS) -> str:
    """`old → new`, escaped; long texts cut to the part that differs, with a little context either side."""
    if len(old) <= limit and len(new) <= limit:
        return f"{cell(old)} → {cell(new)}"
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    context = 30

    def part(text: str) -> str:
        first, last = max(0, start - context), len(text) - max(0, end - context)
        middle = shorten(text[first:last], limit)
        return ("…" if first else "") + middle + ("…" if last < len(text) and not middle.endswith("…") else "")

    return f"{escape_markdown(part(old))} → {escape_markdown(part(new))}"


def changed_columns(old: dict[str, str], new: dict[str, str], columns) -> str:
    """`column: old → new` for each changed column, joined by semicolons, for a table's last cell."""
    return "; ".join(f"{cell(name, 40)}: {changed_text(old.get(name, ''), new.get(name, ''))}" for name in columns)


def counts_text(added: int, changed: int, removed: int) -> str:
    """`1 added, 2 changed, 0 removed`, as the headings of the figures and sources sections say it."""
    return f"{added} added, {changed} changed, {removed} removed"
