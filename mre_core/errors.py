"""Every failure mre reports on purpose, each class with its own exit code.

The CLI turns an `MreError` into one line on stderr and `exit_code`; anything
else is a bug and exits 1. Embedding apps catch `MreError` (or a subclass)
and read `code`, which is stable text for logs, run records and HTTP APIs.

Exit codes (also in the README):

| code | class | meaning |
|---|---|---|
| 0 | | success (including "already complete") |
| 1 | | internal error: a bug in mre, please report it |
| 2 | UsageError | bad options or arguments, unknown source, bad cassette |
| 3 | NotFoundError | track or event not in the database, or not on the site |
| 4 | ValidationError, ParseError, PageTooLargeError | the site's data is unreadable, or too large |
| 4 | ConnectorError | a connector broke the contract (names it, the hook, the field) |
| 5 | NetworkError, SiteHeldError | the site unreachable (after retries) or on hold; fetching off |
| 6 | InProgressError | the same event is being ingested by another run |
| 7 | DatabaseError | the database cannot be opened or written |
| 8 | RunAbandonedError | the run's process died before it ended (`mre runs wait`) |
| 130 | RunCancelledError | cancelled: by a person (`mre runs cancel`), or Ctrl-C (SIGINT) |
| 143 | RunCancelledError | stopped by SIGTERM (cron, systemd, docker, `timeout`) |
"""

from __future__ import annotations

from typing import Any


class MreError(Exception):
    """Base of the errors mre reports to people rather than crashing on.

    When an operation fails, the service attaches the operation's report
    (run id, partial counts) as `report`.
    """

    exit_code = 1
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.report: Any = None

    def __str__(self) -> str:
        return self.message


class UsageError(MreError):
    exit_code = 2
    code = "usage"


class NotFoundError(MreError):
    exit_code = 3
    code = "not_found"


class ValidationError(MreError):
    """The source answered, but what it holds cannot be ingested as is."""

    exit_code = 4
    code = "validation"


class ParseError(ValidationError):
    """A page does not have the structure its parser needs.

    Connectors raise this (never IndexError, KeyError, ...) so a change on the
    site is reported with the page and the missing piece, not as a crash.
    """

    code = "parse"

    def __init__(self, url: str, detail: str) -> None:
        super().__init__(f"cannot read {url}: {detail}")
        self.url = url
        self.detail = detail


class ConnectorError(ValidationError):
    """A connector broke the contract: it returned a wrong type or an invalid record, or
    failed with an exception that is not one of the contract's errors.

    The message names the connector, the hook and, for a record, the record and the
    field, so the author knows what to fix; nothing of the answer is written.
    """

    code = "connector"


class ForbiddenHostError(ValidationError):
    """A connector asked for a URL outside the hosts it declared."""

    code = "forbidden_host"


class NetworkError(MreError):
    exit_code = 5
    code = "network"


class HttpStatusError(NetworkError):
    """A final HTTP error status, after the retries the status allows."""

    code = "http_status"

    def __init__(self, url: str, status: int, message: str | None = None) -> None:
        super().__init__(message or f"{url} answered HTTP {status}")
        self.url = url
        self.status = status


class PageNotFoundError(NotFoundError):
    """The site answered 404 for a page a connector asked for."""

    code = "page_not_found"

    def __init__(self, url: str) -> None:
        super().__init__(f"{url} answered HTTP 404 (no such page)")
        self.url = url


class ReplayMissError(NetworkError):
    code = "replay_miss"

    def __init__(self, url: str, cassette: str) -> None:
        super().__init__(f"{url} is not in cassette {cassette} (replay never uses the network)")
        self.url = url


class ScrapingDisabledError(NetworkError):
    code = "scraping_disabled"


class InProgressError(MreError):
    exit_code = 6
    code = "in_progress"


class DatabaseError(MreError):
    exit_code = 7
    code = "database"


class RunAbandonedError(MreError):
    """A run whose process died (killed, crashed) before it could record its end."""

    exit_code = 8
    code = "abandoned"


class RunCancelledError(MreError):
    """The run was asked to stop, and stopped between two whole pieces of work."""

    exit_code = 130
    code = "cancelled"

    def __init__(self, message: str, exit_code: int = 130) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Terminated(KeyboardInterrupt):
    """SIGTERM in the foreground, raised by the CLI's handler wherever the process is.

    A KeyboardInterrupt, so that what cleans up after Ctrl-C does the same for
    SIGTERM: psycopg cancels the query in flight (else its connection stays
    busy and the run's end cannot be recorded), and the service records the
    run `cancelled`. The CLI exits 143.
    """

    exit_code = 143
    message = "stopped by SIGTERM"


class RunRequeuedError(MreError):
    """A worker shutting down stopped this job between races and put it back in the queue."""

    code = "requeued"


class PageTooLargeError(ValidationError):
    """A page over MRE_HTTP_MAX_BODY_BYTES, on the wire or unpacked: refused, never retried."""

    code = "page_too_large"

    def __init__(self, url: str, limit: int) -> None:
        super().__init__(
            f"page too large: {url} has more than {limit:,} bytes (MRE_HTTP_MAX_BODY_BYTES)"
        )
        self.url = url
        self.limit = limit


class SiteHeldError(NetworkError):
    """The site asked (Retry-After) not to be contacted for longer than mre waits.

    Every process sharing the database leaves it alone until then: rerun later.
    """

    code = "site_held"


def exit_code_for(code: str | None) -> int:
    """The exit code of a failure recorded by its `code` (in a run row, say)."""
    classes: list[type[MreError]] = [MreError]
    found: dict[str, int] = {}
    while classes:
        cls = classes.pop()
        found.setdefault(cls.code, cls.exit_code)
        classes.extend(cls.__subclasses__())
    return found.get(code or "", 1)


def first_line(error: BaseException) -> str:
    """The first line of an error's text: database drivers write several."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
