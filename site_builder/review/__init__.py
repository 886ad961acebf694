"""Reviewing a change to the data: what a pull request adds, corrects and removes.

- `git_files`: the packages' files at a git revision or in the working tree.
- `tables`: every resource's rows at one revision, read with the project's CSV reader.
- `matching`: rows matched by primary key into added, removed and changed.
- `totals`: the headline totals before and after.
- `figures`: figure changes grouped by province and indicator, listed or counted.
- `sections`: the sources, registry and notes sections of the comment.
- `markdown`: escaping contributed text and cutting it to a reviewable length.
- `trust`: the first line: data only, or the files a maintainer must review.
- `schema_changes`: each descriptor change, field by field, with its JSON path.
- `data_diff`: the whole comment, and its summary when it is over 60,000 characters.
"""

from site_builder.review.data_diff import render_diff
from site_builder.review.git_files import RevisionError, RevisionFiles, WorkingTreeFiles
from site_builder.review.matching import diff_snapshots
from site_builder.review.tables import load_snapshot, read_rows

__all__ = [
    "RevisionError",
    "RevisionFiles",
    "WorkingTreeFiles",
    "diff_snapshots",
    "load_snapshot",
    "read_rows",
    "render_diff",
]
