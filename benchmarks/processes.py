"""One whole process, timed: wall seconds, peak resident memory (from os.wait4, for that process
alone) and CPU seconds (the process and the children it waited for: drawing workers, MkDocs,
Pagefind), shared by the benchmarks that measure commands as a reader runs them. CPU time
varies much less than wall time on a machine others share."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_kib: int
    returncode: int
    output: str  # standard output and error together; empty when not kept
    cpu_seconds: float = 0.0  # user + system, the process and its waited-for children


def run_measured(command: list[str], cwd: Path, env: dict | None = None, keep_output: bool = True) -> Measured:
    started = time.perf_counter()
    pipe = subprocess.PIPE if keep_output else subprocess.DEVNULL
    process = subprocess.Popen(
        command, cwd=cwd, stdout=pipe, stderr=subprocess.STDOUT if keep_output else subprocess.DEVNULL, text=True, env=env
    )
    output = process.stdout.read() if keep_output else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status), output, cpu)
