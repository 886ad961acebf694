"""Reviewing a change to the data: what a pull request adds, corrects and removes.

`data_diff` compares two snapshots of the packages (pure: rows in, Markdown out);
`git_files` reads the packages' files at a git revision or from the working tree.
"""

from site_builder.review.data_diff import (
    diff_snapshots,
    load_snapshot,
    read_rows,
    render_diff,
)
from site_builder.review.git_files import RevisionError, RevisionFiles, WorkingTreeFiles

__all__ = [
    "RevisionError",
    "RevisionFiles",
    "WorkingTreeFiles",
    "diff_snapshots",
    "load_snapshot",
    "read_rows",
    "render_diff",
]
