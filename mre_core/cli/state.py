"""The global options (--db, --replay, --record) and opening the service from them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mre_core.cli.progress import progress_bar
from mre_core.errors import UsageError
from mre_core.http.cassette import Cassette
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings


@dataclass(slots=True)
class CliState:
    db: str | None = None
    replay: Path | None = None
    record: Path | None = None
    show_progress: bool = True
    settings: Settings | None = None  # read once from the environment by the root command

    def database_url(self) -> str:
        """--db, else $MRE_DATABASE_URL, else the default file (settings read them)."""
        return self.db or (self.settings or Settings.from_env()).database_url

    def cassette(self) -> Cassette | None:
        if self.replay and self.record:
            raise UsageError("--replay and --record cannot be used together")
        if self.replay:
            return Cassette(self.replay, "replay")
        if self.record:
            return Cassette(self.record, "record")
        return None

    @contextmanager
    def service(self) -> Iterator[IngestionService]:
        cassette = self.cassette()  # checked before the database is touched
        service = IngestionService.open(self.db, settings=self.settings, cassette=cassette)
        try:
            with progress_bar(self.show_progress) as listeners:
                service.progress_listeners.extend(listeners)
                yield service
        finally:
            service.close()
