"""The global options (--db, --replay, --record) and opening the service from them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mre_core.cli.progress import progress_bar
from mre_core.errors import NotFoundError, UsageError
from mre_core.http.cassette import Cassette
from mre_core.service.ingestion import IngestionService
from mre_core.settings import Settings
from mre_core.storage.database import missing_sqlite_file


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

    def existing_database(self) -> str:
        """The database URL, refused (exit 3) when it names a SQLite file that is not there.

        Opening would create it, folders and all: a mistyped --db would leave an
        empty database behind and answer from it as if it were the real one.
        """
        url = self.database_url()
        try:
            missing_sqlite_file(url)
        except NotFoundError as exc:
            raise NotFoundError(
                f"{exc}; `mre tracks sync` or any other ingest command creates it"
            ) from None
        return url

    def cassette(self) -> Cassette | None:
        if self.replay and self.record:
            raise UsageError("--replay and --record cannot be used together")
        if self.replay:
            return Cassette(self.replay, "replay")
        if self.record:
            return Cassette(self.record, "record")
        return None

    @contextmanager
    def service(self, *, must_exist: bool = False) -> Iterator[IngestionService]:
        """The service on the chosen database, with a progress bar while it works.

        `must_exist`: the command works on what is stored (list, show, status,
        cancel...), so the database must be there already, and as it fetches
        nothing no bar is drawn. Print a command's result after this block,
        once the bar is gone.
        """
        cassette = self.cassette()  # checked before the database is touched
        url = self.existing_database() if must_exist else self.database_url()
        service = IngestionService.open(url, settings=self.settings, cassette=cassette)
        try:
            with progress_bar(self.show_progress and not must_exist) as listeners:
                service.progress_listeners.extend(listeners)
                yield service
        finally:
            service.close()
