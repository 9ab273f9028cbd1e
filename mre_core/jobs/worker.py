"""A worker: threads that take queued jobs from the run table and run them.

On SQLite (one machine) the run table is the queue: each thread claims the
oldest queued job in a write transaction (so two workers never take the
same one), asks the service to run it, and looks again; an empty queue is
polled every `poll_s`. Now and then a thread also puts back in the queue
the jobs whose worker died (stalled: its process is gone, or silent past
the lock TTL).

Stopping (SIGTERM from systemd or a deploy, Ctrl-C): no new job is taken;
each running job stops at its next whole race, goes back to the queue with
its races kept, and the worker returns, so no user's import is lost to a
restart.
"""

from __future__ import annotations

import threading
import time

from loguru import logger

from mre_core.errors import MreError
from mre_core.service.ingestion import IngestionService

STALLED_CHECK_EVERY_S = 5.0


class Worker:
    def __init__(
        self,
        service: IngestionService,
        concurrency: int = 1,
        until_idle: bool = False,
        poll_s: float = 0.5,
    ) -> None:
        self.service = service
        self.concurrency = concurrency
        self.until_idle = until_idle
        self.poll_s = poll_s
        self.stopping = threading.Event()
        self.ran = 0  # jobs taken, for the summary line
        self._count = threading.Lock()
        self._stalled_checked = 0.0

    def stop(self) -> None:
        """Take no new job; running ones stop between races and go back to the queue."""
        self.stopping.set()

    def run(self) -> None:
        """Work until stopped (or, with until_idle, until nothing is queued or running)."""
        threads = [
            threading.Thread(target=self._loop, name=f"mre-worker-{n}", daemon=True)
            for n in range(self.concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():  # joined in slices: a signal handler can run meanwhile
                thread.join(0.2)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            self._requeue_stalled()
            run_id = self.service.claim_job()
            if run_id is None:
                if self.until_idle and self.service.jobs_pending() == 0:
                    return
                self.stopping.wait(self.poll_s)
                continue
            with self._count:
                self.ran += 1
            try:
                self.service.run_job(run_id, shutting_down=self.stopping.is_set)
            except MreError as exc:  # recorded in the run already; the worker goes on
                logger.info("run {} ended: {}", run_id, exc)
            except Exception:  # a bug in one job must not stop the others
                logger.exception("run {} failed with an internal error", run_id)

    def _requeue_stalled(self) -> None:
        now = time.monotonic()
        if now - self._stalled_checked < STALLED_CHECK_EVERY_S:
            return
        self._stalled_checked = now
        for run_id in self.service.requeue_stalled_jobs():
            logger.warning("run {}: its worker stopped; back in the queue", run_id)
