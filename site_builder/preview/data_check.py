"""The preview's validation of the data, in a process of its own: the preview never waits for
it (about 3 s), so an edit saved while the data is being checked is rebuilt at once. Findings
are said when the check ends; those of data that changed meanwhile are dropped, and the
changed data is checked instead."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from site_builder.errors import BuildError
from site_builder.incremental import digest_files


def validate_project_data(data_dir: Path) -> list[str]:
    from site_builder.pipeline import validate_data

    return validate_data(data_dir)


class DataCheck:
    def __init__(
        self, data_dir: Path, say: Callable[[str], None], validator: Callable[[Path], list[str]] = validate_project_data
    ) -> None:
        self.data_dir, self.say, self.validator = data_dir, say, validator
        # "spawn": the preview's process runs threads (the web server), which a fork would copy.
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self.running: tuple[str, Future] | None = None
        self.checked = ""  # the hash of the data last reported on

    def start(self) -> None:
        """Check the data unless this very data was reported on or is being checked."""
        digest = digest_files(self.data_dir)
        if digest == self.checked or (self.running and self.running[0] == digest):
            return
        if self.running is None:  # one check at a time; report() starts the next
            self.running = (digest, self.pool.submit(self.validator, self.data_dir))

    def report(self) -> None:
        """Say the findings of a finished check, if the data is still what was checked."""
        if self.running is None or not self.running[1].done():
            return
        digest, future = self.running
        self.running = None
        if digest != digest_files(self.data_dir):
            self.start()
            return
        self.checked = digest
        try:
            lines = future.result()
        except (BuildError, OSError) as error:
            self.say(f"The data could not be checked: {error}")
            return
        for line in lines:
            self.say(line)
        self.say(
            f"The data has {len(lines)} problem(s); fix them before you open a pull request." if lines else "The data is valid."
        )

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
