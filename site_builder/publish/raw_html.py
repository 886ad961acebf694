"""A MkDocs hook that keeps the pages' blocks of HTML out of Markdown (`hooks:` of build/mkdocs.yml).

The generated pages are Markdown headings around large blocks of HTML (every unit's row, inline
SVG charts) that the page templates rendered and escaped. Python-Markdown, then MkDocs' anchor
collector, tokenise every such block with html.parser only to pass it through unchanged: about
five sixths of an edition's MkDocs time. So each block is set aside before Markdown runs
(`on_page_markdown`), a placeholder comment in its place, which Markdown passes through as a raw
block of its own; the block is put back after (`on_page_content`). The page MkDocs writes is the
same, byte for byte (tests/test_raw_html.py builds the site with and without the hook), and
contributed text, escaped by the templates, does not reach Markdown at all.

A block is set aside only when it is unambiguous: after a blank line, elements one after the
other, each opening at the start of a line with a block-level tag and closing with its matching
end tag at the end of a line, the last one before a blank line. Anything else is left to
Markdown. A placeholder that does not come back stops the build.
"""

from __future__ import annotations

import re
import secrets

from markdown.util import BLOCK_LEVEL_ELEMENTS, ETX, STX

# Not tags of a block that can be cut at its end tag: void elements have none.
_VOID = frozenset({"hr"})
TAB_LENGTH = 4  # Markdown's, which MkDocs keeps
_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>])")
# Unguessable, so no page's own text can pass for a placeholder.
_TOKEN = secrets.token_hex(8)
_PLACEHOLDER = re.compile(rf"<!--set-aside {_TOKEN} (\d+)-->")
# The blocks set aside, by page, between the two events.
_SET_ASIDE: dict[str, list[str]] = {}


# Lines the search for blocks may read per line of the page. Ours read each line about once; a page
# of many elements that never close (a pull request's, say) would be read again from each one to
# the end: past this budget the page is left to Markdown whole.
LINES_READ_PER_LINE = 4


class _OverBudget(Exception):
    pass


class SetAsideLost(Exception):
    """A block set aside did not come back from Markdown (MkDocs reports it with the page)."""


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each unambiguous block of HTML replaced by a placeholder line, and the
    blocks, normalised as Markdown normalises its source (Markdown's NormalizeWhitespace)."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    blocks: list[str] = []
    after_blank = True
    budget = [LINES_READ_PER_LINE * len(lines) + 100]
    i = 0
    while i < len(lines):
        try:
            end = _blocks_end(lines, i, budget) if after_blank else None
        except _OverBudget:
            return markdown, []
        if end is None:
            kept.append(lines[i])
            after_blank = not lines[i].strip()
            i += 1
            continue
        blocks.append(_normalised("\n".join(lines[i : end + 1])))
        kept.append(f"<!--set-aside {_TOKEN} {len(blocks) - 1}-->")
        after_blank = False
        i = end + 1
    return "\n".join(kept), blocks


def _blocks_end(lines: list[str], start: int, budget: list[int]) -> int | None:
    """The last line of the elements that start at `lines[start]`, one after the other, each
    opening at the start of a line with a block-level tag and closing at the end of a line;
    the last one followed by a blank line (or the end). None if the lines are anything else."""
    first = start
    while True:
        opening = _OPENING.match(lines[first])
        tag = opening.group(1) if opening else ""
        if tag.lower() not in BLOCK_LEVEL_ELEMENTS or tag.lower() in _VOID:
            return None
        last = _element_end(lines, first, tag, budget)
        if last is None:
            return None
        if last + 1 == len(lines) or not lines[last + 1].strip():
            return last
        first = last + 1


def _element_end(lines: list[str], start: int, tag: str, budget: list[int]) -> int | None:
    """The line whose end closes the element opened at the start of `lines[start]` (its end tag
    `</tag>` exactly the end of that line); None when the element closes anywhere else."""
    opening = re.compile(rf"<{tag}(?=[\s/>])", re.IGNORECASE)
    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    depth = 0
    for j in range(start, len(lines)):
        budget[0] -= 1
        if budget[0] < 0:
            raise _OverBudget
        depth += len(opening.findall(lines[j])) - len(closing.findall(lines[j]))
        if depth <= 0:
            return j if depth == 0 and lines[j].endswith(f"</{tag}>") else None
    return None


def _normalised(block: str) -> str:
    """What Markdown would have made of the block before setting it aside itself."""
    block = block.replace(STX, "").replace(ETX, "").expandtabs(TAB_LENGTH)
    return re.sub(r"(?<=\n) +(?=\n)", "", block)


def put_back(html: str, blocks: list[str]) -> str:
    """The page's HTML with every placeholder replaced by its block; SetAsideLost if one is missing."""
    found: list[int] = []

    def block(match: re.Match) -> str:
        found.append(int(match.group(1)))
        return blocks[int(match.group(1))]

    html = _PLACEHOLDER.sub(block, html)
    if sorted(found) != list(range(len(blocks))):
        raise SetAsideLost(f"{len(blocks)} block(s) of HTML set aside, {len(found)} came back from Markdown")
    return html


def on_page_markdown(markdown: str, page, config, files) -> str:
    skeleton, blocks = set_aside(markdown)
    _SET_ASIDE[page.file.src_uri] = blocks
    return skeleton


def anchors(blocks: list[str]) -> set[str]:
    """The ids a link can point to in `blocks` (id, and <a name>), as MkDocs collects them from
    the raw HTML it parses itself, read here by lexbor (HTML5, as publish/html_scan.py)."""
    from selectolax.lexbor import LexborHTMLParser

    found: set[str] = set()
    for block in blocks:  # each on its own: an unclosed comment in one cannot hide the next's ids
        tree = LexborHTMLParser(block)
        found.update(node.attributes["id"] or "" for node in tree.css("[id]"))
        found.update(node.attributes["name"] or "" for node in tree.css("a[name]"))
    return found - {""}


def on_page_content(html: str, page, config, files) -> str:
    blocks = _SET_ASIDE.pop(page.file.src_uri, [])
    try:
        html = put_back(html, blocks)
    except SetAsideLost as lost:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{page.file.src_uri}: {lost}; the page's HTML may be malformed.") from None
    if blocks and getattr(page, "present_anchor_ids", None) is not None:
        # MkDocs checks links to anchors ([x](page.md#id)) against the ids it saw in the page,
        # raw HTML included: the blocks it did not see are added.
        page.present_anchor_ids |= anchors(blocks)
    return html
