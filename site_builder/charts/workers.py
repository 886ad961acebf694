"""The processes that draw a build's charts.

A clean build draws every chart. Its workers are then started before validation, so their
start-up (a fresh interpreter, vl-convert's JavaScript engine: about a second each) and the
Vega bundle (1–2 s, once per vl-convert version) run on the cores validation leaves idle,
instead of at the start of the charts stage. Other builds start workers only if they have
many charts to draw. Beside them, at normal priority (the build needs it first), one more
process compiles every layout of the chart kinds (compiled.every_template: Altair's import,
then each to_dict, about half a second), so that the charts stage only fills templates.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

from site_builder.charts.assets import cache_bundle
from site_builder.charts.cache import chart_store, drawings
from site_builder.charts.compiled import every_template
from site_builder.charts.typeface import use_project_fonts

NICENESS = 10  # added to the workers' niceness (0 normal, 19 lowest)


def warm_up() -> None:
    """Start vl-convert's engine in a new worker: its first drawing costs most of a second.

    Workers run at a lower priority: started beside validation, they take only the CPU it
    leaves idle; in the charts stage the build waits for them, so their priority costs nothing."""
    use_project_fonts()
    import vl_convert

    if hasattr(os, "nice"):
        os.nice(NICENESS)

    vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": [{}]}}, allowed_base_urls=[])


class ChartWorkers:
    """Up to `count` spawned drawing processes, started on first use or early by `start`."""

    def __init__(self, count: int | None = None):
        self.count = max(1, count or os.cpu_count() or 1)
        self.bundle: Future | None = None  # the Vega bundle being cached, when started early
        self.templates: Future | None = None  # every template being compiled, when started early
        self._pool: ProcessPoolExecutor | None = None
        self._compiler: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn", not fork: vl-convert runs a JavaScript engine on threads, and a process
            # forked from a parent that has used it deadlocks.
            self._pool = ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up)
        return self._pool

    def start(self, cache_dir: Path) -> None:
        """Start every worker now, one of them caching the Vega bundle in `cache_dir`, and the
        process that compiles every chart template."""
        if self.count > 1 and self._pool is None:
            pool = self.pool()
            self.bundle = pool.submit(cache_bundle, cache_dir)
            for _ in range(self.count - 1):  # one task per idle worker makes the pool start another
                pool.submit(int)
            # Not a drawing worker: those run at a lower priority, and could leave the build waiting.
            self._compiler = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            self.templates = self._compiler.submit(every_template)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def map(self, function, items: list, chunksize: int = 1) -> Iterator:
        """Queue every task now; the results come, in order, as the iterator is read."""
        return self.pool().map(function, items, chunksize=chunksize)

    def close(self) -> None:
        for pool in (self._pool, self._compiler):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._compiler = None

    def __enter__(self) -> "ChartWorkers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def first_drawing(cache_dir: Path) -> bool:
    """True when no drawing is kept for a build with this `cache_dir`: every chart is to draw."""
    cache = drawings(chart_store(cache_dir))
    return cache is None or cache.is_empty()
