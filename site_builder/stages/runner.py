"""Runs the stage table: each stage timed and reported on one progress line `[ n/16] name  seconds  summary`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable  # (Build) -> its summary line
    applies: Callable = lambda build: True  # (Build) -> whether this build runs the stage


@dataclass(frozen=True)
class StageTiming:
    name: str
    seconds: float
    summary: str


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    build_date: str
    timings: tuple[StageTiming, ...]
    pages: int
    charts: int
    downloads: tuple = field(default=())
    up_to_date: bool = False  # nothing had changed: the build did nothing

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.timings)


def run_stages(stages: tuple[Stage, ...], build, progress: Callable[[str], None]) -> tuple[StageTiming, ...]:
    """Each stage that applies to `build`, in order; their timings."""
    timings = []
    for number, stage in enumerate(stages, start=1):
        if not stage.applies(build):
            continue
        started = time.perf_counter()
        summary = stage.run(build)
        seconds = time.perf_counter() - started
        timings.append(StageTiming(stage.name, seconds, summary))
        progress(f"[{number:2d}/{len(stages)}] {stage.name:<10} {seconds:7.2f} s  {summary}".rstrip())
    return tuple(timings)
