"""A progress bar on a terminal, fed by the service's progress listener.

Only when stderr is a terminal and logs are text: under cron, in a pipe or
with --log-json nothing is drawn (the run record still has the progress).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from mre_core import logs
from mre_core.service.runs import Progress as RunProgress


@contextmanager
def progress_bar(enabled: bool) -> Iterator[list]:
    """Yields the listeners to register: one that draws, or none."""
    if not (enabled and sys.stderr.isatty()):
        yield []
        return
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[int, int] = {}

    def show(event: RunProgress) -> None:
        description = f"{event.operation} {event.target}: {event.step}"
        if event.run_id not in tasks:
            tasks[event.run_id] = bar.add_task(description, total=event.total)
        bar.update(
            tasks[event.run_id], description=description, completed=event.done, total=event.total
        )

    with bar:
        logs.live_console = console
        try:
            yield [show]
        finally:
            logs.live_console = None
