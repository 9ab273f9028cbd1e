"""What an operation tells its caller: outcome, row counts, requests made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mre_core.errors import MreError
from mre_core.storage.counts import Counts
from mre_core.storage.models import (
    RUN_ALREADY_COMPLETE,
    RUN_FAILED,
    RUN_NOT_READY,
    RUN_PARTIAL,
    RUN_SUCCEEDED,
)

# An operation ends with one of these, recorded as they are in its run's status.
# PARTIAL and NOT_READY end a deep ingestion well (exit 0) without completing its
# event; `detail` says why.
SUCCEEDED = RUN_SUCCEEDED
ALREADY_COMPLETE = RUN_ALREADY_COMPLETE
PARTIAL = RUN_PARTIAL
NOT_READY = RUN_NOT_READY
FAILED = RUN_FAILED


@dataclass(slots=True)
class OperationReport:
    operation: str
    source: str
    target: str
    status: str = SUCCEEDED
    counts: Counts = field(default_factory=Counts)
    requests: int = 0
    created: list[str] = field(default_factory=list)
    children: list[OperationReport] = field(default_factory=list)
    error_code: str | None = None
    error_message: str | None = None
    # Why a run that did not fail still left its work to a later run (partial, not_ready).
    detail: str | None = None
    exit_code: int = 0
    run_id: int | None = None
    # Children queued as jobs that this run waits for (it ends when the last one does).
    waiting: int = 0

    def fail(self, error: MreError) -> None:
        self.status = FAILED  # or cancelled: the run recorder decides
        self.error_code = error.code
        self.error_message = str(error)
        self.exit_code = error.exit_code

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "operation": self.operation,
            "source": self.source,
            "target": self.target,
            "status": self.status,
            "requests": self.requests,
            "counts": self.counts.as_dict(),
            "created": self.created,
            "children": [child.as_dict() for child in self.children],
            "error_code": self.error_code,
            "error_message": self.error_message,
            "detail": self.detail,
            "exit_code": self.exit_code,
        }
