"""Fetching pages ahead, concurrently, while results are consumed in order.

Race pages of one event are fetched by a few threads (as many as the
politeness limit allows in flight) while the caller writes races one by
one, in race order. At most `window` pages wait in memory, so a 150-race
event never sits in memory whole.
"""

from __future__ import annotations

import contextvars
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fetch_in_order(
    fetch: Callable[[T], R], items: Iterable[T], workers: int, window: int
) -> Iterator[tuple[T, R]]:
    """Yield (item, fetch(item)) in the order of `items`; the first failure stops all."""
    source = iter(items)
    if workers <= 1:
        for item in source:
            yield item, fetch(item)
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mre-fetch")
    pending: deque[tuple[T, Future[R]]] = deque()

    def submit(item: T) -> None:
        # The worker runs in a copy of our context, so its log lines carry the run id.
        pending.append((item, pool.submit(contextvars.copy_context().run, fetch, item)))

    try:
        for item in source:
            submit(item)
            if len(pending) >= window:
                break
        while pending:
            item, future = pending.popleft()
            result = future.result()
            for following in source:
                submit(following)
                break
            yield item, result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
