"""The data change between two versions of the packages, as Markdown for a pull-request comment.

The comment, top to bottom: the trust line (trust: data only, or the files a maintainer must
review), headline totals (totals), schema changes field by field (schema_changes), figures by
province and indicator (figures), then sources, the registry and notes (sections). Pure:
snapshots and the list of changed files in, Markdown out; the snapshots are read by
`tables.load_snapshot`, the files by `git_files.changed_files`.
"""

from __future__ import annotations

from site_builder.review.figures import Names, figures_counted, figures_listed
from site_builder.review.git_files import ChangedFile
from site_builder.review.markdown import escape_markdown
from site_builder.review.matching import diff_snapshots
from site_builder.review.schema_changes import schema_section
from site_builder.review.sections import (
    notes_section,
    resources_section,
    sources_section,
)
from site_builder.review.tables import Snapshot
from site_builder.review.totals import totals_table
from site_builder.review.trust import trust_line

# GitHub refuses comments over 65,536 characters; below this the full listing is posted.
MAX_CHARS = 60_000
SUMMARY_MARGIN = 200  # characters kept free under `max_chars` when the figures are counted


def render_diff(
    base: Snapshot,
    head: Snapshot,
    base_label: str,
    head_label: str,
    max_chars: int = MAX_CHARS,
    changed: list[ChangedFile] | None = None,
) -> str:
    """The pull-request comment: the trust line (when `changed`, the files that differ, is
    given), headline totals, schema changes, figures, sources, registry and other resources.

    Over `max_chars`, figures are counted per province and indicator instead of listed, and the
    comment says so.
    """
    diffs = [diff for diff in diff_snapshots(base, head) if not diff.is_empty]
    names = Names.of(base, head)
    header = [
        *([trust_line(changed), ""] if changed is not None else []),
        "## Data changes",
        "",
        f"From {escape_markdown(base_label)} to {escape_markdown(head_label)}.",
        "",
        *totals_table(base, head),
        *schema_section(base, head),
    ]
    if not diffs and base.descriptors == head.descriptors:
        return "\n".join(header + ["No changes to the data.", ""])
    tail = resources_section(diffs) + notes_section(base, head)
    full = "\n".join(header + figures_listed(diffs, names) + sources_section(diffs) + tail)
    if len(full) <= max_chars:
        return full
    note = (
        f"> The full list of changes is {len(full):,} characters, more than the {max_chars:,} a comment "
        "holds, so figures are counted per province and indicator here. Run `site-builder diff` "
        "locally to see every row."
    )
    summary_tail = sources_section(diffs, listed=False) + tail
    budget = max_chars - len("\n".join(header + [note, ""] + summary_tail)) - SUMMARY_MARGIN
    return "\n".join(header + [note, ""] + figures_counted(diffs, names, budget) + summary_tail)
