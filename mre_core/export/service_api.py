"""An export as a service call: what was asked checked, the rows streamed to a file or stream.

`export(service, ...)` is what `IngestionService.export` runs (a thin
method: see the module `mre_core.export`), the CLI's `mre export`, and
later the console's download. Everything asked is checked before the
database is read (exit 2: an unknown table or format, Parquet to stdout,
a bad day, --event with a track or dates); an unknown event or track is
exit 3; no file is written then.

A file is written beside itself first (`NAME.partial`) and renamed into
place when whole: a failed export leaves no half file under the name
asked for (a FIFO or device is written straight).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from mre_core.errors import UsageError
from mre_core.export.declarations import EXPORTS, PLANNED, Export
from mre_core.export.stream import BATCH_SIZE, Scope, batches
from mre_core.export.writers import BINARY, FORMATS, PARQUET, WRITERS, pyarrow_module
from mre_core.service.lookup import find_event, find_track
from mre_core.storage import use_database

STDOUT = "-"
# The format a file's name says, when none is given.
SUFFIXES = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl"}
DEFAULT_FORMAT = "csv"


@dataclass(frozen=True, slots=True)
class ExportReport:
    table: str
    format: str
    rows: int
    batches: int  # fetches that returned rows: about rows / batch_size
    largest_batch: int  # the most rows held at once
    path: str | None  # None: written to stdout or to the stream given


def table_of(name: str) -> Export:
    if name in EXPORTS:
        return EXPORTS[name]
    if name in PLANNED:
        raise UsageError(f"export {name!r} is not available yet (it comes with its tables)")
    raise UsageError(f"no export {name!r}: choose one of {', '.join(EXPORTS)}")


def format_for(fmt: str | None, out: str | Path | IO[Any] | None) -> str:
    """`fmt`, else the one the file's suffix names, else CSV."""
    if fmt is None:
        suffix = Path(out).suffix.lower() if isinstance(out, str | Path) else ""
        return SUFFIXES.get(suffix, DEFAULT_FORMAT)
    if fmt not in FORMATS:
        raise UsageError(f"no format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return fmt


def day(value: date | str | None, option: str) -> date | None:
    """A day given as a date or as YYYY-MM-DD text."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a day (YYYY-MM-DD)") from None


def export(
    service: Any,
    table: str,
    fmt: str | None = None,
    out: str | Path | IO[Any] | None = None,
    *,
    event: str | int | None = None,
    track: str | int | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
    source: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> ExportReport:
    """Write export `table` (results, laps, events, drivers) as `fmt` to `out`.

    `out`: a path, `"-"` or None for stdout, or an open stream (text for
    csv and jsonl, binary for parquet). `event` (the source's id or `id:N`)
    or `track` (a slug or `id:N`) with `date_from`/`date_to` (inclusive days)
    choose the events; none: every event. `source` narrows the lookups as
    elsewhere. Reads only: never writes to the database.
    """
    chosen = table_of(table)
    fmt = format_for(fmt, out)
    to_stdout = out is None or (isinstance(out, str) and out == STDOUT)
    if fmt == PARQUET:
        if to_stdout:
            raise UsageError("Parquet is binary: write it to a file with -o FILE.parquet")
        pyarrow_module()  # missing: said now, before any reading
    first, last = day(date_from, "--from"), day(date_to, "--to")
    if event is not None and (track is not None or first or last):
        raise UsageError("--event cannot be used with --track-id, --from or --to")
    if first and last and first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    with use_database(service.db):
        scope = Scope(
            event=find_event(event, source).id if event is not None else None,
            track=find_track(track, source).id if track is not None else None,
            date_from=first,
            date_to=last,
        )
        counted = _Counted(batches(chosen, scope, batch_size))
        try:
            with _destination(out, fmt in BINARY) as (stream, path):
                WRITERS[fmt](chosen, counted, stream)
        finally:
            counted.close()
    return ExportReport(chosen.name, fmt, counted.rows, counted.batches, counted.largest, path)


class _Counted:
    """The batches, counted as they pass."""

    def __init__(self, source: Iterator[list[Any]]) -> None:
        self.source = source
        self.rows = self.batches = self.largest = 0

    def __iter__(self) -> Iterator[list[Any]]:
        for rows in self.source:
            self.rows += len(rows)
            self.batches += 1
            self.largest = max(self.largest, len(rows))
            yield rows

    def close(self) -> None:
        self.source.close()  # type: ignore[attr-defined]  # ends the transaction


@contextlib.contextmanager
def _destination(
    out: str | Path | IO[Any] | None, binary: bool
) -> Iterator[tuple[IO[Any], str | None]]:
    if out is None or (isinstance(out, str) and out == STDOUT):
        yield sys.stdout, None
        sys.stdout.flush()
        return
    if not isinstance(out, str | Path):
        yield out, None
        return
    path = Path(out).expanduser()
    if path.exists() and not path.is_file():  # a FIFO, /dev/stdout: no rename
        with _open(path, binary) as stream:
            yield stream, str(path)
        return
    partial = path.with_name(path.name + ".partial")
    try:
        with _open(partial, binary, shown=path) as stream:
            yield stream, str(path)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _open(path: Path, binary: bool, shown: Path | None = None) -> IO[Any]:
    try:
        if binary:
            return open(path, "wb")  # closed by the caller's with
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {shown or path}: {exc.strerror}") from None
