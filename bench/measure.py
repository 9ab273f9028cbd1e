"""Clocks, medians, peak memory and child processes: the benchmark's instruments.

Absolute times on a shared two-core machine drift from run to run, so
measurements are repeated where that is cheap and the median is kept, and
every speed is reported beside a floor measured in the same run.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


@dataclass(slots=True)
class Clock:
    """Wall and CPU seconds of one block; CPU is the whole process, every thread."""

    wall_s: float = 0.0
    cpu_s: float = 0.0


@contextmanager
def clock() -> Iterator[Clock]:
    result = Clock()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield result
    finally:
        result.wall_s = time.perf_counter() - wall
        result.cpu_s = time.process_time() - cpu


def seconds(work: Callable[[], T]) -> tuple[float, T]:
    """Wall seconds of `work()`, and what it returned."""
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB.

    Linux keeps ru_maxrss across fork and exec: a child started by a 500 MB
    parent reports 500 MB before it has done anything (measured). The high
    water mark of the child's own address space, VmHWM in /proc/self/status,
    starts afresh at exec, so it is read first; ru_maxrss (KiB on Linux) is
    the fallback where there is no /proc.
    """
    return _proc_status_kb("VmHWM") / 1024 or _maxrss_kb() / 1024


def rss_mb() -> float:
    """Resident memory right now, in MiB (0 where there is no /proc)."""
    return _proc_status_kb("VmRSS") / 1024


def _maxrss_kb() -> float:
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _proc_status_kb(field: str) -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return 0.0


@dataclass(slots=True)
class Progress:
    """One line per step on stderr, so stdout stays the table or the JSON object."""

    quiet: bool = False
    started: float = field(default_factory=time.perf_counter)

    def __call__(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.perf_counter() - self.started
            print(f"[{elapsed:6.1f} s] {message}", file=sys.stderr, flush=True)


def run_child(module: str, spec: dict[str, Any]) -> dict[str, Any]:
    """Run `bench.<module>.in_child(spec)` in a fresh interpreter; return what it printed.

    A process of its own gives the measured work its own peak memory
    (ru_maxrss) and CPU clock: the generator, the simulator serving the
    pages and the benchmark itself stay in the parent and do not count.
    """
    result = subprocess.run(
        [sys.executable, "-m", "bench.child", module, json.dumps(spec)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"bench.{module} failed in its child process (exit {result.returncode}):\n"
            f"{result.stderr.strip()}"
        )
    return json.loads(result.stdout.strip().splitlines()[-1])
