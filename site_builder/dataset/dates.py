"""The build date: never the clock, so the same commit builds the same bytes.

In order: SOURCE_DATE_EPOCH (the reproducible-builds convention), the date of the last
commit, the newest date in the data.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

from site_builder.dataset.model import Dataset
from site_builder.errors import BuildError

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def build_date(root: Path, dataset: Dataset | None = None, environ: dict | None = None) -> str:
    """The ISO date (YYYY-MM-DD) the site says it was built on."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise BuildError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970; unset it or set e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)."
            ) from None
    commit = last_commit_date(root)
    if commit:
        return commit
    newest = newest_data_date(dataset) if dataset is not None else ""
    if newest:
        return newest
    raise BuildError(
        "Cannot tell the build date: no SOURCE_DATE_EPOCH, no git history and no date in the data; set SOURCE_DATE_EPOCH."
    )


def last_commit_date(root: Path) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    text = result.stdout.strip()
    return text if result.returncode == 0 and _ISO_DAY.match(text) else ""


def newest_data_date(dataset: Dataset) -> str:
    dates = [s.published for s in dataset.sources]
    dates += [c.as_of for c in dataset.unit_counts]
    dates += [f.period_end for f in dataset.figures]
    dates += [p.valid_from for p in dataset.provinces]
    full = [d for d in dates if d and _ISO_DAY.match(d)]
    return max(full, default="")


def epoch_of(date: str) -> int:
    """Midnight UTC of an ISO date, as SOURCE_DATE_EPOCH for tools that stamp their output."""
    return int(dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc).timestamp())
