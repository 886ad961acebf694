"""What changed from one release to the next, by the data diff of pull requests (site_builder/review/):
the whole listing as Markdown text (CHANGES.txt) and a summary kept in release.json."""

from __future__ import annotations

from site_builder.review import diff_snapshots, render_diff
from site_builder.review.tables import FIGURES, Snapshot

# CHANGES.txt lists every row however long: it is a file, not a pull-request comment.
NO_LIMIT = 10**9


def changes_text(base: Snapshot, head: Snapshot, base_label: str, head_label: str) -> str:
    """The data diff from `base` (an empty snapshot for a first release) to `head`, every row listed."""
    return render_diff(base, head, base_label, head_label, max_chars=NO_LIMIT)


def changes_summary(base: Snapshot, head: Snapshot) -> dict:
    """Rows added, changed and removed per resource ("package/resource"), and the ids of the figures
    concerned, for the list of releases."""
    summary: dict = {"resources": {}, "figures": {"added": [], "changed": [], "removed": []}}
    for diff in diff_snapshots(base, head):
        if diff.is_empty:
            continue
        summary["resources"][diff.id] = {
            "added": len(diff.added),
            "changed": len(diff.changed),
            "removed": len(diff.removed),
        }
        if diff.name == FIGURES:
            figures = summary["figures"]
            figures["added"] += sorted(row.get("id", "") for row in diff.added)
            figures["changed"] += sorted(change.new.get("id", "") for change in diff.changed)
            figures["removed"] += sorted(row.get("id", "") for row in diff.removed)
    return summary
