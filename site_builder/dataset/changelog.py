"""The package's CHANGELOG.md as plain entries (a heading and its items)."""

from __future__ import annotations

from site_builder.dataset.model import ChangelogEntry


def parse_changelog(text: str) -> tuple[ChangelogEntry, ...]:
    """Entries of a changelog written as `## heading` lines each followed by `- item` lines.

    The text is kept as plain text (the pages escape it); other Markdown is not interpreted,
    so a contributed line cannot inject markup or links.
    """
    entries: list[ChangelogEntry] = []
    heading: str | None = None
    items: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("## "):
            if heading is not None:
                entries.append(ChangelogEntry(heading, tuple(items)))
            heading, items = stripped[3:].strip(), []
        elif heading is not None and stripped.startswith(("- ", "* ")):
            items.append(stripped[2:].strip())
        elif heading is not None and stripped and items and line.startswith((" ", "\t")):
            items[-1] = f"{items[-1]} {stripped}"  # a wrapped item continues on an indented line
    if heading is not None:
        entries.append(ChangelogEntry(heading, tuple(items)))
    return tuple(entries)


def changelog_text(entries: tuple[ChangelogEntry, ...]) -> str:
    """The entries written back as a changelog file (what the downloads publish): the parsed
    text, so nothing but headings and items reaches a reader."""
    blocks = [f"## {e.heading}\n\n" + "".join(f"- {item}\n" for item in e.items) for e in entries]
    return "# Changelog of the data\n\n" + "\n".join(blocks)
